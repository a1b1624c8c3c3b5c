package io.lanyard.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.dinners.DinnerTicketWaitlisted;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.kernel.events.registration.ConferenceCreated;

/**
 * The wire format and how it evolves: additive changes keep the version and tolerant readers ignore what they do
 * not know; a breaking change raises the version, and a reader parks what is newer than it understands.
 */
class IntegrationEventCodecTest {

    private final IntegrationEventCodec codec = new IntegrationEventCodec();

    @Test
    void an_event_survives_the_round_trip_with_its_stable_type_and_version() throws Exception {
        AttendeeRegistered event = new AttendeeRegistered(UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2027-05-14T16:00:00Z"), UUID.randomUUID(), "alice", "Alice", UUID.randomUUID());
        byte[] wire = codec.encode(event);
        String json = new String(wire, StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"registration.attendee-registered\"").contains("\"schemaVersion\":1")
                .doesNotContain("io.lanyard");
        assertThat(codec.decode(wire)).isEqualTo(event);
    }

    @Test
    void times_keep_the_offset_they_were_published_with() throws Exception {
        OffsetDateTime evening = OffsetDateTime.parse("2027-05-16T19:00:00-07:00");
        DinnerTicketWaitlisted event = new DinnerTicketWaitlisted(UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2027-05-01T10:00:00Z"), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "Museum dinner", evening);
        DinnerTicketWaitlisted read = (DinnerTicketWaitlisted) codec.decode(codec.encode(event));
        assertThat(read.dinnerStartsAt()).isEqualTo(evening);
        assertThat(read.dinnerStartsAt().getOffset()).isEqualTo(evening.getOffset());
    }

    @Test
    void a_reader_ignores_fields_added_by_a_newer_producer_of_the_same_version() throws Exception {
        UUID eventId = UUID.randomUUID();
        String json = """
                {"type":"registration.conference-created","schemaVersion":1,"eventId":"%s",
                 "conferenceId":"%s","occurredAt":"2027-01-01T00:00:00Z","name":"PyCon","startsOn":"2027-05-14",
                 "endsOn":"2027-05-22","timeZone":"America/Los_Angeles","organizerSubject":"olivia",
                 "venue":"Long Beach Convention Center","expectedAttendees":3300}"""
                .formatted(eventId, UUID.randomUUID());
        ConferenceCreated read = (ConferenceCreated) codec.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(read.eventId()).isEqualTo(eventId);
        assertThat(read.startsOn()).isEqualTo(LocalDate.of(2027, 5, 14));
    }

    @Test
    void a_reader_parks_a_version_newer_than_it_understands() {
        String json = """
                {"type":"registration.organizer-added","schemaVersion":2,"eventId":"%s","conferenceId":"%s",
                 "occurredAt":"2027-01-01T00:00:00Z","subjects":["olivia","oscar"]}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID());
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UndecodableRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(ParkingReason.FUTURE_VERSION));
    }

    @Test
    void a_type_read_from_another_services_topic_is_foreign() throws Exception {
        byte[] wire = codec.encode(new DinnerTicketWaitlisted(UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2027-05-01T10:00:00Z"), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "Museum dinner", OffsetDateTime.parse("2027-05-16T19:00:00-07:00")));
        assertThatThrownBy(() -> codec.decode(EventCatalogue.REGISTRATION_TOPIC, wire))
                .isInstanceOfSatisfying(UndecodableRecordException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ParkingReason.FOREIGN_TYPE);
                    assertThat(e.getMessage()).contains("dinners.ticket-waitlisted", EventCatalogue.DINNERS_TOPIC,
                            EventCatalogue.REGISTRATION_TOPIC);
                });
        assertThat(codec.decode(EventCatalogue.DINNERS_TOPIC, wire)).isInstanceOf(DinnerTicketWaitlisted.class);
    }

    @Test
    void records_without_the_envelope_or_with_broken_fields_are_malformed() {
        assertThatThrownBy(() -> codec.decode("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UndecodableRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(ParkingReason.MALFORMED));
        assertThatThrownBy(() -> codec.decode(("{\"type\":\"registration.organizer-added\",\"schemaVersion\":1,"
                + "\"eventId\":\"not-a-uuid\"}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UndecodableRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(ParkingReason.MALFORMED));
        assertThatThrownBy(() -> codec.decode(null))
                .isInstanceOfSatisfying(UndecodableRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(ParkingReason.MALFORMED));
    }
}
