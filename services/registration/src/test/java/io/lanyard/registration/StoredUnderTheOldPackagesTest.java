package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.registration.conference.write.ConferenceCreated;
import io.lanyard.registration.registrations.write.AttendeeRegistered;
import io.lanyard.registration.registrations.write.QuotaSegment;
import io.lanyard.registration.registrations.write.TicketTypeCreated;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;

/**
 * A conference, a ticket type, a quota segment with one seat sold and a snapshot of it, and that seat's registration,
 * stored as registration wrote them before its packages took the {@code <capability>/write} shape: under
 * {@code io.lanyard.registration.conference}, {@code .tickets} and {@code .attendees}. The aggregates, the read
 * models and the sale must read them as the classes they are now. Same properties as {@link SnapshotLoadingTest}:
 * no aggregate cache, so every command loads its aggregate from the store.
 */
@ServiceTest(properties = {"spring.config.name=registration", "lanyard.axon.snapshot-threshold=3",
        "lanyard.axon.cache-aggregates=false"})
class StoredUnderTheOldPackagesTest extends RegistrationTestSupport {

    private static final String STORED_AT = "2026-11-02T09:30:00.25Z";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Test
    void history_stored_under_the_old_class_names_loads_and_the_quota_it_left_still_holds() {
        UUID conference = UUID.randomUUID();
        UUID ticketType = UUID.randomUUID();
        UUID segment = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        storeEvent(conference, 0, "Conference", "io.lanyard.registration.conference.ConferenceCreated", """
                {"conferenceId":"%s","name":"EuroPython 2027","startsOn":"2027-07-12","endsOn":"2027-07-18",\
                "timeZone":"Europe/Prague","organizer":"ursula"}""".formatted(conference));
        storeEvent(ticketType, 0, "TicketType", "io.lanyard.registration.tickets.TicketTypeCreated", """
                {"ticketTypeId":"%s","conferenceId":"%s","name":"Early bird","priceCents":30000,"currency":"EUR",\
                "quota":2,"segmentIds":["%s"]}""".formatted(ticketType, conference, segment));
        storeEvent(segment, 0, "QuotaSegment", "io.lanyard.registration.tickets.QuotaSegmentOpened", """
                {"segmentId":"%s","ticketTypeId":"%s","conferenceId":"%s","allotment":2}"""
                .formatted(segment, ticketType, conference));
        storeEvent(segment, 1, "QuotaSegment", "io.lanyard.registration.tickets.SeatSold", """
                {"segmentId":"%s","ticketTypeId":"%s","attendeeId":"%s"}""".formatted(segment, ticketType, early));
        storeEvent(early, 0, "Registration", "io.lanyard.registration.attendees.AttendeeRegistered", """
                {"attendeeId":"%s","conferenceId":"%s","ticketTypeId":"%s","segmentId":"%s","subject":"erin",\
                "name":"Erin","email":"erin@example.org","registeredAt":"%s"}"""
                .formatted(early, conference, ticketType, segment, STORED_AT));
        storeSnapshot(segment, 1, "QuotaSegment", "io.lanyard.registration.tickets.QuotaSegment", """
                {"allotment":2,"conferenceId":"%s","segmentId":"%s","sold":1,"ticketTypeId":"%s"}"""
                .formatted(conference, segment, ticketType));

        DomainEventMessage<?> snapshot = eventStore.readEvents(segment.toString()).next();
        assertThat(snapshot.getPayload()).isInstanceOf(QuotaSegment.class);
        assertThat(snapshot.getSequenceNumber()).isEqualTo(1);
        assertThat(payloads(conference)).singleElement().isInstanceOf(ConferenceCreated.class);
        assertThat(payloads(ticketType)).singleElement().isInstanceOf(TicketTypeCreated.class);
        assertThat(payloads(early)).singleElement().isInstanceOf(AttendeeRegistered.class);

        for (String view : List.of("conference-view", "ticket-type-view", "registration-view")) {
            Http.Response replayed = http().post("/admin/read-models/" + view + "/replay",
                    tokens.mint("otto", List.of("OPERATOR")), null);
            assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        }

        String ursula = organizerToken("ursula");
        assertThat(http().post("/conferences/" + conference + "/organizers", ursula, Map.of("subject", "vera"))
                .status()).isEqualTo(204);
        assertThat(createTicketType(organizerToken("vera"), conference, 1)).isNotNull();
        String erin = attendeeToken("erin");
        String registration = "/conferences/" + conference + "/registrations/" + early;
        Http.Response erins = http().get(registration, erin);
        assertThat(erins.status()).as(erins.toString()).isEqualTo(200);
        assertThat(erins.json().get("name").asString()).isEqualTo("Erin");
        assertThat(http().post(registration + "/check-in", ursula, null).status()).isEqualTo(204);
        assertThat(http().post(registration + "/check-in", ursula, null).problem()).isEqualTo("already-checked-in");

        assertThat(sold(ursula, conference, ticketType)).isEqualTo(1);
        assertThat(register(attendeeToken("finn"), conference, ticketType, "Finn").status()).isEqualTo(201);
        assertThat(register(attendeeToken("gwen"), conference, ticketType, "Gwen").problem()).isEqualTo("sold-out");
        // erin was checked in, so only an organizer may still cancel her registration
        assertThat(http().delete(registration, ursula).status()).isEqualTo(204);
        assertThat(register(attendeeToken("gwen"), conference, ticketType, "Gwen").status()).isEqualTo(201);
        assertThat(sold(ursula, conference, ticketType)).isEqualTo(2);
    }

    private List<Object> payloads(UUID aggregate) {
        return eventStore.readEvents(aggregate.toString()).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    private int sold(String token, UUID conference, UUID ticketType) {
        return http().get("/conferences/" + conference + "/ticket-types/" + ticketType, token).json().get("sold")
                .asInt();
    }

    private void storeEvent(UUID aggregate, long sequence, String aggregateType, String payloadType, String payload) {
        jdbc.sql("""
                        insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                        meta_data, payload, payload_revision, payload_type, time_stamp)
                        values (?, ?, ?, ?, ?, ?, null, ?, ?)""")
                .params(aggregate.toString(), sequence, aggregateType, UUID.randomUUID().toString(),
                        bytes("{\"traceId\":\"%1$s\",\"correlationId\":\"%1$s\"}".formatted(UUID.randomUUID())),
                        bytes(payload), payloadType, STORED_AT)
                .update();
    }

    private void storeSnapshot(UUID aggregate, long sequence, String aggregateType, String payloadType,
                               String payload) {
        jdbc.sql("""
                        insert into snapshot_event_entry (aggregate_identifier, sequence_number, type,
                                                          event_identifier, meta_data, payload, payload_revision,
                                                          payload_type, time_stamp)
                        values (?, ?, ?, ?, ?, ?, null, ?, ?)""")
                .params(aggregate.toString(), sequence, aggregateType, UUID.randomUUID().toString(), bytes("{}"),
                        bytes(payload), payloadType, STORED_AT)
                .update();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
