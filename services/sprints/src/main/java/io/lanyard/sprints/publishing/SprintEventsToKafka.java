package io.lanyard.sprints.publishing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.sprints.SprintAttendanceRecorded;
import io.lanyard.kernel.events.sprints.SprintParticipantJoined;
import io.lanyard.kernel.events.sprints.SprintParticipantLeft;
import io.lanyard.kernel.events.sprints.SprintParticipantLeftDays;
import io.lanyard.platform.messaging.IntegrationEventPublisher;
import io.lanyard.platform.messaging.IntegrationPublishing;
import io.lanyard.sprints.sprint.write.AttendanceRecorded;
import io.lanyard.sprints.sprint.write.ParticipantLeft;
import io.lanyard.sprints.sprint.write.ParticipantLeftDays;
import io.lanyard.sprints.sprint.write.ParticipantSignedUp;
import io.lanyard.sprints.sprint.write.SprintAnnounced;

/**
 * The one place where sprints' domain events become integration events. The publisher gives each the domain
 * event's id (a re-publish is recognised downstream), its time and its trace, and keys it by conference so consumers
 * see a conference's facts in order. The announcement keeps {@code capacity}: only the stored fact renamed it.
 */
@Component
@ProcessingGroup(IntegrationPublishing.PROCESSING_GROUP)
class SprintEventsToKafka {

    private final IntegrationEventPublisher publisher;

    SprintEventsToKafka(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(SprintAnnounced e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new io.lanyard.kernel.events.sprints.SprintAnnounced(id, e.conferenceId(),
                at, e.sprintId(), e.project(), e.leaderAttendeeId(), e.days(), e.seatsPerDay()));
    }

    @EventHandler
    void on(ParticipantSignedUp e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new SprintParticipantJoined(id, e.conferenceId(), at, e.sprintId(),
                e.attendeeId(), e.days()));
    }

    @EventHandler
    void on(ParticipantLeft e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new SprintParticipantLeft(id, e.conferenceId(), at, e.sprintId(),
                e.attendeeId(), switch (e.reason()) {
                    case WITHDREW -> SprintParticipantLeft.Reason.WITHDREW;
                    case REMOVED -> SprintParticipantLeft.Reason.REMOVED;
                    case REGISTRATION_CANCELLED -> SprintParticipantLeft.Reason.REGISTRATION_CANCELLED;
                }));
    }

    @EventHandler
    void on(ParticipantLeftDays e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new SprintParticipantLeftDays(id, e.conferenceId(), at, e.sprintId(),
                e.attendeeId(), e.days()));
    }

    @EventHandler
    void on(AttendanceRecorded e, EventMessage<?> m) {
        publisher.publish(m, (id, at) -> new SprintAttendanceRecorded(id, e.conferenceId(), at, e.sprintId(),
                e.attendeeId(), e.day()));
    }
}
