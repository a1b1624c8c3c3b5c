package io.lanyard.volunteering.publishing;

import static io.lanyard.platform.messaging.IntegrationPublishing.eventId;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.volunteering.ShiftAttendanceRecorded;
import io.lanyard.platform.axon.TraceHeaders;
import io.lanyard.platform.messaging.IntegrationEventPublisher;
import io.lanyard.platform.messaging.IntegrationPublishing;
import io.lanyard.volunteering.shifts.write.AttendanceRecorded;
import io.lanyard.volunteering.shifts.write.ShiftScheduled;
import io.lanyard.volunteering.shifts.write.VolunteerSignedUp;
import io.lanyard.volunteering.shifts.write.VolunteerWithdrew;

/**
 * The one place where volunteering's domain events become integration events. Only shift events leave the
 * service; a volunteer's schedule is internal bookkeeping of the rules. The Kafka key is the conference, so a
 * consumer sees a conference's facts in order; the event id is the domain event's, so a re-publish is recognised.
 */
@Component
@ProcessingGroup(IntegrationPublishing.PROCESSING_GROUP)
class VolunteeringEventsToKafka {

    private final IntegrationEventPublisher publisher;

    VolunteeringEventsToKafka(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ShiftScheduled e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new io.lanyard.kernel.events.volunteering.ShiftScheduled(eventId(message),
                e.conferenceId(), at, e.shiftId(),
                e.title(), e.task(), e.location(), OffsetDateTime.ofInstant(e.startsAt(), e.offset()),
                OffsetDateTime.ofInstant(e.endsAt(), e.offset()), e.capacity()), trace);
    }

    @EventHandler
    void on(VolunteerSignedUp e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new io.lanyard.kernel.events.volunteering.VolunteerSignedUp(eventId(message),
                e.conferenceId(), at,
                e.shiftId(), e.attendeeId()), trace);
    }

    @EventHandler
    void on(VolunteerWithdrew e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new io.lanyard.kernel.events.volunteering.VolunteerWithdrew(eventId(message),
                e.conferenceId(), at,
                e.shiftId(), e.attendeeId()), trace);
    }

    @EventHandler
    void on(AttendanceRecorded e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new ShiftAttendanceRecorded(eventId(message), e.conferenceId(), at, e.shiftId(),
                e.attendeeId(),
                e.status().name(), e.hoursWorked()), trace);
    }
}
