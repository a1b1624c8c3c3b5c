package io.lanyard.volunteering.publishing;

import java.time.OffsetDateTime;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.volunteering.ShiftAttendanceRecorded;
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
    void on(ShiftScheduled e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new io.lanyard.kernel.events.volunteering.ShiftScheduled(id,
                e.conferenceId(), at, e.shiftId(), e.title(), e.task(), e.location(),
                OffsetDateTime.ofInstant(e.startsAt(), e.offset()), OffsetDateTime.ofInstant(e.endsAt(), e.offset()),
                e.capacity()));
    }

    @EventHandler
    void on(VolunteerSignedUp e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new io.lanyard.kernel.events.volunteering.VolunteerSignedUp(id,
                e.conferenceId(), at, e.shiftId(), e.attendeeId()));
    }

    @EventHandler
    void on(VolunteerWithdrew e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new io.lanyard.kernel.events.volunteering.VolunteerWithdrew(id,
                e.conferenceId(), at, e.shiftId(), e.attendeeId()));
    }

    @EventHandler
    void on(AttendanceRecorded e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new ShiftAttendanceRecorded(id, e.conferenceId(), at, e.shiftId(),
                e.attendeeId(), e.status().name(), e.hoursWorked()));
    }
}
