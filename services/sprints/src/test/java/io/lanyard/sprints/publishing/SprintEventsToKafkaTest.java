package io.lanyard.sprints.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.sprints.SprintAttendanceRecorded;
import io.lanyard.kernel.events.sprints.SprintParticipantJoined;
import io.lanyard.kernel.events.sprints.SprintParticipantLeft;
import io.lanyard.kernel.events.sprints.SprintParticipantLeftDays;
import io.lanyard.sprints.SprintsTestSupport;
import io.lanyard.sprints.sprint.write.AttendanceRecorded;
import io.lanyard.sprints.sprint.write.LeaveReason;
import io.lanyard.sprints.sprint.write.ParticipantLeft;
import io.lanyard.sprints.sprint.write.ParticipantLeftDays;
import io.lanyard.sprints.sprint.write.ParticipantSignedUp;
import io.lanyard.sprints.sprint.write.SprintAnnounced;
import io.lanyard.testsupport.PublishedEvents;
import io.lanyard.testsupport.ServiceTest;

/**
 * Given a sprint's domain events as the event store holds them, what reaches {@code lanyard.sprints.v1}: one
 * integration event each, in order, with the domain event's id and time (the message's, not a field's), and every
 * field. The events form a sprint the board can replay.
 */
@ServiceTest(properties = "spring.config.name=sprints")
class SprintEventsToKafkaTest extends SprintsTestSupport {

    private static final LocalDate MON = LocalDate.parse(MONDAY);
    private static final LocalDate TUE = LocalDate.parse(TUESDAY);
    private static final Instant DECIDED = Instant.parse("2027-05-10T09:00:00Z");

    @Autowired
    EventStore eventStore;

    @Test
    void each_domain_event_reaches_lanyard_sprints_v1_as_its_integration_event_with_its_id_and_time() {
        UUID conference = UUID.randomUUID();
        UUID sprint = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        UUID ada = UUID.randomUUID();
        UUID bea = UUID.randomUUID();
        List<DomainEventMessage<?>> given = List.of(
                stored(sprint, 0, new SprintAnnounced(sprint, conference, "CPython", "Triage issues", leader, 5,
                        List.of(MON, TUE), "olivia", DECIDED)),
                stored(sprint, 1, new ParticipantSignedUp(sprint, conference, ada, List.of(MON, TUE), "ada",
                        DECIDED)),
                stored(sprint, 2, new AttendanceRecorded(sprint, conference, ada, MON, "lena", DECIDED)),
                stored(sprint, 3, new ParticipantLeftDays(sprint, conference, ada, List.of(TUE),
                        LeaveReason.REGISTRATION_CANCELLED, "registration", DECIDED)),
                stored(sprint, 4, new ParticipantLeft(sprint, conference, ada, LeaveReason.WITHDREW, "ada", DECIDED)),
                stored(sprint, 5, new ParticipantSignedUp(sprint, conference, bea, List.of(MON), "bea", DECIDED)),
                stored(sprint, 6, new ParticipantLeft(sprint, conference, bea, LeaveReason.REMOVED, "lena", DECIDED)));

        eventStore.publish(given);

        List<PublishedEvents.Published> records = publishedRecordsFor(conference,
                events -> events.size() >= given.size());
        assertThat(records).extracting(PublishedEvents.Published::key)
                .as("keyed by the aggregate that decided them, so one sprint's events keep their order")
                .containsOnly(sprint.toString());
        List<IntegrationEvent> published = records.stream().map(PublishedEvents.Published::event).toList();
        assertThat(published).containsExactly(
                new io.lanyard.kernel.events.sprints.SprintAnnounced(id(given, 0), conference, at(given, 0), sprint,
                        "CPython", leader, List.of(MON, TUE), 5),
                new SprintParticipantJoined(id(given, 1), conference, at(given, 1), sprint, ada, List.of(MON, TUE)),
                new SprintAttendanceRecorded(id(given, 2), conference, at(given, 2), sprint, ada, MON),
                new SprintParticipantLeftDays(id(given, 3), conference, at(given, 3), sprint, ada, List.of(TUE)),
                new SprintParticipantLeft(id(given, 4), conference, at(given, 4), sprint, ada,
                        SprintParticipantLeft.Reason.WITHDREW),
                new SprintParticipantJoined(id(given, 5), conference, at(given, 5), sprint, bea, List.of(MON)),
                new SprintParticipantLeft(id(given, 6), conference, at(given, 6), sprint, bea,
                        SprintParticipantLeft.Reason.REMOVED));
    }

    /** Each at its own moment, none of them the payload's own time, so the test sees which one is published. */
    private static DomainEventMessage<?> stored(UUID sprint, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Sprint", sprint.toString(), sequence, payload, Map.of(),
                UUID.randomUUID().toString(), Instant.parse("2027-05-17T08:00:00Z").plusSeconds(60 * sequence));
    }

    private static UUID id(List<DomainEventMessage<?>> given, int index) {
        return UUID.fromString(given.get(index).getIdentifier());
    }

    private static Instant at(List<DomainEventMessage<?>> given, int index) {
        return given.get(index).getTimestamp();
    }
}
