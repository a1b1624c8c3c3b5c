package io.lanyard.sprints.publishing;

import static io.lanyard.platform.messaging.IntegrationPublishing.eventId;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.sprints.SprintAttendanceRecorded;
import io.lanyard.kernel.events.sprints.SprintParticipantJoined;
import io.lanyard.kernel.events.sprints.SprintParticipantLeft;
import io.lanyard.platform.axon.TraceHeaders;
import io.lanyard.platform.messaging.IntegrationEventPublisher;
import io.lanyard.platform.messaging.IntegrationPublishing;
import io.lanyard.sprints.sprint.write.AttendanceRecorded;
import io.lanyard.sprints.sprint.write.ParticipantLeft;
import io.lanyard.sprints.sprint.write.ParticipantSignedUp;
import io.lanyard.sprints.sprint.write.SprintAnnounced;

/**
 * The one place where sprints' domain events become integration events. Keyed by conference so consumers see a
 * conference's facts in order; the event id is the domain event's, so a re-publish is recognised downstream.
 */
@Component
@ProcessingGroup(IntegrationPublishing.PROCESSING_GROUP)
class SprintEventsToKafka {

    private final IntegrationEventPublisher publisher;

    SprintEventsToKafka(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(SprintAnnounced e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new io.lanyard.kernel.events.sprints.SprintAnnounced(eventId(message), e.conferenceId(), at,
                e.sprintId(),
                e.project(), e.leaderAttendeeId(), e.days(), e.seatsPerDay()), trace);
    }

    @EventHandler
    void on(ParticipantSignedUp e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new SprintParticipantJoined(eventId(message), e.conferenceId(), at,
                e.sprintId(), e.attendeeId(), e.days()),
                trace);
    }

    @EventHandler
    void on(ParticipantLeft e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new SprintParticipantLeft(eventId(message), e.conferenceId(), at,
                e.sprintId(), e.attendeeId()), trace);
    }

    @EventHandler
    void on(AttendanceRecorded e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        publisher.publish(new SprintAttendanceRecorded(eventId(message), e.conferenceId(), at,
                e.sprintId(), e.attendeeId(), e.day()),
                trace);
    }
}
