package io.lanyard.sprints.sprint.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** A {@link SprintAnnounced} as the service stored it before revision 2, read through the upcaster. */
class SprintAnnouncedUpcasterTest {

    private static final UUID SPRINT = UUID.fromString("0bd5c29d-5aef-48c8-a499-3b1913a68255");
    private static final UUID CONFERENCE = UUID.fromString("c54ef843-6fb4-4685-9151-d596c952055a");
    private static final UUID LEADER = UUID.fromString("e9a20959-da65-4a4a-9624-e6ff574fa004");
    private static final Instant ANNOUNCED_AT = Instant.parse("2026-11-22T04:09:50.832853398Z");

    /** Byte for byte what revision 1 wrote to {@code domain_event_entry.payload}, with no payload revision. */
    static final String REVISION_1 = """
            {"sprintId":"%s","conferenceId":"%s","project":"CPython","description":"Triage issues, review pull \
            requests","leaderAttendeeId":"%s","capacity":7,"days":["2027-05-17","2027-05-18"],"announcedBy":"cap",\
            "announcedAt":"2026-11-22T04:09:50.832853398Z"}""";

    private final Serializer serializer = Jackson3Serializer.builder().build();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new SprintAnnouncedUpcaster());

    @Test
    void a_revision_1_announcement_is_read_with_its_capacity_as_seats_per_day() {
        IntermediateEventRepresentation upcast = upcast(SprintAnnounced.class.getName(), null,
                REVISION_1.formatted(SPRINT, CONFERENCE, LEADER));

        assertThat(upcast.getType().getName()).isEqualTo(SprintAnnounced.class.getName());
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        JsonNode json = upcast.getData(JsonNode.class).getData();
        assertThat(json.has("capacity")).isFalse();
        assertThat(json.get("seatsPerDay").asInt()).isEqualTo(7);
        assertThat(json.get("project").asString()).isEqualTo("CPython");

        SprintAnnounced event = serializer.deserialize(upcast.getData());
        assertThat(event).isEqualTo(new SprintAnnounced(SPRINT, CONFERENCE, "CPython",
                "Triage issues, review pull requests", LEADER, 7,
                List.of(LocalDate.parse("2027-05-17"), LocalDate.parse("2027-05-18")), "cap", ANNOUNCED_AT));
    }

    @Test
    void revision_2_announcements_and_other_events_pass_unchanged() {
        SprintAnnounced current = new SprintAnnounced(SPRINT, CONFERENCE, "CPython", "Triage", LEADER, 4,
                List.of(LocalDate.parse("2027-05-17")), "olivia", ANNOUNCED_AT);
        String revision2 = serializer.serialize(current, String.class).getData();
        IntermediateEventRepresentation untouched = upcast(SprintAnnounced.class.getName(), "2", revision2);
        assertThat(untouched.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(untouched.getData())).isEqualTo(current);

        String signUp = """
                {"sprintId":"%s","conferenceId":"%s","attendeeId":"%s","days":["2027-05-17"],"signedUpBy":"cap-0",\
                "signedUpAt":"2026-11-22T04:09:51.229728216Z"}""".formatted(SPRINT, CONFERENCE, LEADER);
        IntermediateEventRepresentation other = upcast(ParticipantSignedUp.class.getName(), null, signUp);
        assertThat(other.getType().getRevision()).isNull();
        assertThat(other.getData(String.class).getData()).isEqualTo(signUp);
    }

    private IntermediateEventRepresentation upcast(String payloadType, String revision, String payload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Sprint", SPRINT.toString(), 0,
                UUID.randomUUID().toString(), ANNOUNCED_AT, payloadType, revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();
        assertThat(upcast).hasSize(1);
        return upcast.getFirst();
    }
}
