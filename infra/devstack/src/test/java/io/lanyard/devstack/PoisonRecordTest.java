package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.dinners.DinnersApplication;
import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.dinners.DinnerTicketHeld;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.messaging.DeadLetters;
import io.lanyard.platform.messaging.IntegrationEventCodec;
import io.lanyard.platform.messaging.ParkingReason;
import io.lanyard.platform.security.DevTokens;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import tools.jackson.databind.node.ObjectNode;

/** Records a consumer cannot use are parked with their reason, the consumer keeps going, operators replay. */
class PoisonRecordTest {

    private static final String TOPIC = EventCatalogue.REGISTRATION_TOPIC;
    private static RunningService dinners;

    @BeforeAll
    static void start() {
        dinners = RunningService.start(DinnersApplication::application, "poison_dinners",
                EmbeddedInfrastructure.kafka().getBrokersAsString(), EffectLedger.class);
    }

    @AfterAll
    static void stop() {
        dinners.close();
    }

    @Test
    void poison_records_are_parked_with_their_reason_and_the_consumer_keeps_going() {
        UUID conference = UUID.randomUUID();
        String key = conference.toString();
        RegistrationFeed.send(TOPIC, key, "this is not json".getBytes(StandardCharsets.UTF_8));
        ObjectNode withoutEnvelope = wireForm(conference);
        withoutEnvelope.remove("type");
        withoutEnvelope.remove("schemaVersion");
        RegistrationFeed.send(TOPIC, key, bytes(withoutEnvelope));
        RegistrationFeed.send(TOPIC, key, ("{\"type\":\"registration.attendee-teleported\",\"schemaVersion\":1,"
                + "\"eventId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        ObjectNode future = wireForm(conference);
        future.put("schemaVersion", 99);
        RegistrationFeed.send(TOPIC, key, bytes(future));
        ObjectNode brokenField = wireForm(conference);
        brokenField.put("attendeeId", "not-a-uuid");
        RegistrationFeed.send(TOPIC, key, bytes(brokenField));
        UUID healthy = RegistrationFeed.attendeeRegistered(conference, "after-the-poison", "Healthy");

        Attendees known = dinners.bean(Attendees.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> known.find(conference, healthy).isPresent());
        List<DeadLetters.DeadLetter> parked = dinners.bean(DeadLetters.class).list(1000).stream()
                .filter(d -> key.equals(d.key()))
                .toList();
        assertThat(parked).extracting(DeadLetters.DeadLetter::reason, d -> d.detail().replaceAll("(?s):.*", ":"))
                .containsExactly(
                        tuple(ParkingReason.MALFORMED, "not JSON:"),
                        tuple(ParkingReason.MALFORMED, "no type or schemaVersion"),
                        tuple(ParkingReason.UNKNOWN_TYPE, "unknown type registration.attendee-teleported"),
                        tuple(ParkingReason.FUTURE_VERSION,
                                "registration.attendee-registered version 99 is newer than the 1 this build reads"),
                        tuple(ParkingReason.MALFORMED, "registration.attendee-registered:"));
        assertThat(EffectLedger.effects(dinners, healthy)).isEqualTo(1);
    }

    /** A valid {@code AttendeeRegistered} as the platform writes it, to be spoilt one way or another. */
    private static ObjectNode wireForm(UUID conference) {
        byte[] valid = new IntegrationEventCodec().encode(new AttendeeRegistered(UUID.randomUUID(), conference,
                Instant.now(), UUID.randomUUID(), "poisoned", "Poisoned", UUID.randomUUID()));
        return (ObjectNode) Http.JSON.readTree(valid);
    }

    private static byte[] bytes(ObjectNode node) {
        return Http.JSON.writeValueAsBytes(node);
    }

    @Test
    void a_record_of_another_services_type_on_a_topic_is_parked_as_foreign() {
        UUID conference = UUID.randomUUID();
        Instant now = Instant.now();
        // written by a principal allowed to write the topic: what the ACLs cannot catch, the consumer must
        RegistrationFeed.send(TOPIC, conference.toString(), new IntegrationEventCodec().encode(new DinnerTicketHeld(
                UUID.randomUUID(), conference, now, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "Art Museum Dinner", OffsetDateTime.parse("2027-05-16T19:00:00-07:00"), now.plusSeconds(900))));
        UUID after = RegistrationFeed.attendeeRegistered(conference, "after-the-stray", "After");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> dinners.bean(Attendees.class).find(conference, after).isPresent());
        assertThat(dinners.bean(DeadLetters.class).list(1000))
                .filteredOn(d -> conference.toString().equals(d.key()))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.reason()).isEqualTo(ParkingReason.FOREIGN_TYPE);
                    assertThat(d.detail()).contains("dinners.ticket-held", EventCatalogue.DINNERS_TOPIC, TOPIC);
                });
    }

    @Test
    void a_record_whose_reaction_fails_is_parked_alone_and_its_neighbours_take_effect() {
        UUID conference = UUID.randomUUID();
        UUID before = RegistrationFeed.attendeeRegistered(conference, "before", "Before");
        UUID broken = UUID.randomUUID();
        // decodes fine, but PostgreSQL refuses a NUL in text: the replica's insert fails
        RegistrationFeed.publish(new AttendeeRegistered(UUID.randomUUID(), conference, Instant.now(), broken,
                "broken", "Nul\u0000Name", UUID.randomUUID()));
        UUID after = RegistrationFeed.attendeeRegistered(conference, "after", "After");

        Attendees known = dinners.bean(Attendees.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> known.find(conference, after).isPresent());
        assertThat(known.find(conference, before)).isPresent();
        assertThat(known.find(conference, broken)).isEmpty();
        assertThat(EffectLedger.effects(dinners, before)).isEqualTo(1);
        assertThat(EffectLedger.effects(dinners, after)).isEqualTo(1);
        assertThat(EffectLedger.effects(dinners, broken)).isZero();
        assertThat(dinners.bean(DeadLetters.class).list(1000))
                .filteredOn(d -> conference.toString().equals(d.key()))
                .extracting(DeadLetters.DeadLetter::reason).containsExactly(ParkingReason.HANDLER_FAILED);
    }

    @Test
    void a_redelivered_record_takes_effect_once() {
        UUID conference = UUID.randomUUID();
        UUID attendee = UUID.randomUUID();
        AttendeeRegistered event = new AttendeeRegistered(UUID.randomUUID(), conference, Instant.now(), attendee,
                "twice", "Delivered Twice", UUID.randomUUID());
        RegistrationFeed.publish(event);
        RegistrationFeed.publish(event);
        UUID after = RegistrationFeed.attendeeRegistered(conference, "next", "Next In Line");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> dinners.bean(Attendees.class).find(conference, after).isPresent());
        assertThat(EffectLedger.effects(dinners, attendee)).isEqualTo(1);
        assertThat(EffectLedger.effects(dinners, after)).isEqualTo(1);
    }

    @Test
    void an_operator_lists_and_replays_what_the_consumer_parked_and_nobody_else_may() {
        DevTokens tokens = dinners.bean(DevTokens.class);
        String operator = tokens.mint("ops", List.of("OPERATOR"));
        String organizer = tokens.mint("olivia", List.of("ORGANIZER"));
        Http http = dinners.http();
        JdbcClient jdbc = dinners.bean(JdbcClient.class);

        // the reaction fails for this attendee (as it would while a bug or an outage lasts), so the consumer parks it
        UUID conference = UUID.randomUUID();
        UUID attendee = UUID.randomUUID();
        String refuse = "refuse_" + attendee.toString().replace('-', '_');
        jdbc.sql("""
                create function %1$s() returns trigger language plpgsql as $$
                begin
                    if new.attendee_id = '%2$s' then raise exception 'refused by the test'; end if;
                    return new;
                end $$;
                create trigger %1$s before insert on test_effect_ledger for each row execute function %1$s()"""
                .formatted(refuse, attendee)).update();
        RegistrationFeed.publish(new AttendeeRegistered(UUID.randomUUID(), conference, Instant.now(), attendee, "late",
                "Parked Earlier", UUID.randomUUID()));
        UUID after = RegistrationFeed.attendeeRegistered(conference, "after", "After");
        Attendees known = dinners.bean(Attendees.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> known.find(conference, after).isPresent());
        List<DeadLetters.DeadLetter> parked = dinners.bean(DeadLetters.class).list(1000).stream()
                .filter(d -> conference.toString().equals(d.key()))
                .toList();
        assertThat(parked).hasSize(1);
        DeadLetters.DeadLetter letter = parked.getFirst();
        assertThat(letter.reason()).isEqualTo(ParkingReason.HANDLER_FAILED);
        assertThat(letter.detail()).contains("refused by the test");
        assertThat(known.find(conference, attendee)).isEmpty();
        String replay = "/admin/dead-letters/" + letter.id() + "/replay";

        assertThat(http.get("/admin/dead-letters", organizer).status()).isEqualTo(403);
        assertThat(http.get("/admin/dead-letters", null).status()).isEqualTo(401);
        assertThat(http.post(replay, organizer, null).status()).isEqualTo(403);
        assertThat(http.post(replay, null, null).status()).isEqualTo(401);
        Http.Response listed = http.get("/admin/dead-letters?limit=1000", operator);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(letter.id().toString());

        Http.Response stillFailing = http.post(replay, operator, null);
        assertThat(stillFailing.status()).as(stillFailing.toString()).isEqualTo(200);
        assertThat(stillFailing.json().get("outcome").asString()).isEqualTo("STILL_FAILING");
        assertThat(known.find(conference, attendee)).as("refused replays changed nothing").isEmpty();

        jdbc.sql("drop trigger %1$s on test_effect_ledger; drop function %1$s()".formatted(refuse)).update();
        Http.Response replayed = http.post(replay, operator, null);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(replayed.json().get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(known.find(conference, attendee)).isPresent();
        assertThat(EffectLedger.effects(dinners, attendee)).isEqualTo(1);
        assertThat(http.get("/admin/dead-letters?limit=1000", operator).body()).doesNotContain(letter.id().toString());
        assertThat(http.post(replay, operator, null).status()).as("replayed once, then gone").isEqualTo(404);
    }
}
