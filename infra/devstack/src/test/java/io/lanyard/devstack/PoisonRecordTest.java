package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
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
        RegistrationFeed.send(TOPIC, key, ("{\"type\":\"registration.attendee-teleported\",\"schemaVersion\":1,"
                + "\"eventId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        RegistrationFeed.send(TOPIC, key, ("{\"type\":\"registration.attendee-registered\",\"schemaVersion\":99,"
                + "\"eventId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        RegistrationFeed.send(TOPIC, key, ("{\"type\":\"registration.attendee-registered\",\"schemaVersion\":1,"
                + "\"eventId\":\"" + UUID.randomUUID() + "\",\"conferenceId\":\"" + conference + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        UUID healthy = RegistrationFeed.attendeeRegistered(conference, "after-the-poison", "Healthy");

        Attendees known = dinners.bean(Attendees.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> known.find(conference, healthy).isPresent());
        DeadLetters deadLetters = dinners.bean(DeadLetters.class);
        List<DeadLetters.DeadLetter> parked = deadLetters.list(100).stream()
                .filter(d -> key.equals(d.key()))
                .toList();
        assertThat(parked).extracting(DeadLetters.DeadLetter::reason).containsExactly(
                ParkingReason.MALFORMED, ParkingReason.UNKNOWN_TYPE, ParkingReason.FUTURE_VERSION,
                ParkingReason.MALFORMED);
        assertThat(parked).allSatisfy(d -> assertThat(d.detail()).isNotBlank());
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
    void an_operator_lists_and_replays_dead_letters() {
        DevTokens tokens = dinners.bean(DevTokens.class);
        String operator = tokens.mint("ops", List.of("OPERATOR"));
        Http http = dinners.http();

        UUID conference = UUID.randomUUID();
        UUID attendee = UUID.randomUUID();
        byte[] valid = new IntegrationEventCodec().encode(new AttendeeRegistered(UUID.randomUUID(), conference,
                Instant.now(), attendee, "late", "Parked Earlier", UUID.randomUUID()));
        UUID letter = UUID.randomUUID();
        dinners.bean(JdbcClient.class).sql("""
                        insert into kafka_dead_letter (id, topic, partition_no, record_offset, record_key, payload,
                                                       headers, reason, detail, parked_at)
                        values (?, ?, 0, ?, ?, ?, '{}'::jsonb, 'UNKNOWN_TYPE', 'parked by an older build', now())""")
                .params(letter, TOPIC, -System.nanoTime(), conference.toString(), valid)
                .update();

        assertThat(http.get("/admin/dead-letters", tokens.mint("olivia", List.of("ORGANIZER"))).status())
                .isEqualTo(403);
        Http.Response listed = http.get("/admin/dead-letters?limit=1000", operator);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(letter.toString());

        Http.Response replayed = http.post("/admin/dead-letters/" + letter + "/replay", operator, null);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(replayed.json().get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(dinners.bean(Attendees.class).find(conference, attendee)).isPresent();
        assertThat(http.get("/admin/dead-letters?limit=1000", operator).body()).doesNotContain(letter.toString());
        assertThat(http.post("/admin/dead-letters/" + UUID.randomUUID() + "/replay", operator, null).status())
                .isEqualTo(404);
    }
}
