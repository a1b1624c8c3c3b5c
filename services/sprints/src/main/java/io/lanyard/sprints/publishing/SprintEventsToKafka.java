package io.lanyard.sprints.publishing;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.sprints.SprintAttendanceRecorded;
import io.lanyard.kernel.events.sprints.SprintParticipantJoined;
import io.lanyard.kernel.events.sprints.SprintParticipantLeft;
import io.lanyard.platform.axon.TraceHeaders;
import io.lanyard.platform.messaging.IntegrationEventPublisher;
import io.lanyard.platform.messaging.IntegrationPublishing;
import io.lanyard.sprints.sprint.AttendanceRecorded;
import io.lanyard.sprints.sprint.ParticipantLeft;
import io.lanyard.sprints.sprint.ParticipantSignedUp;
import io.lanyard.sprints.sprint.SprintAnnounced;

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
        send(new io.lanyard.kernel.events.sprints.SprintAnnounced(id(message), e.conferenceId(), at, e.sprintId(),
                e.project(), e.leaderAttendeeId(), e.days(), e.capacity()), trace);
    }

    @EventHandler
    void on(ParticipantSignedUp e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        send(new SprintParticipantJoined(id(message), e.conferenceId(), at, e.sprintId(), e.attendeeId(), e.days()),
                trace);
    }

    @EventHandler
    void on(ParticipantLeft e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        send(new SprintParticipantLeft(id(message), e.conferenceId(), at, e.sprintId(), e.attendeeId()), trace);
    }

    @EventHandler
    void on(AttendanceRecorded e, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(TraceHeaders.TRACEPARENT) String trace) {
        send(new SprintAttendanceRecorded(id(message), e.conferenceId(), at, e.sprintId(), e.attendeeId(), e.day()),
                trace);
    }

    private void send(IntegrationEvent event, String traceparent) {
        publisher.publish(event.conferenceId().toString(), event, traceparent);
    }

    private static UUID id(EventMessage<?> message) {
        return UUID.fromString(message.getIdentifier());
    }
}
