package io.lanyard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.dinners.DinnerTicketHeld;
import io.lanyard.kernel.events.registration.AttendeeContactGiven;
import io.lanyard.kernel.events.registration.AttendeeErased;
import io.lanyard.kernel.events.volunteering.ShiftScheduled;
import io.lanyard.kernel.events.volunteering.VolunteerSignedUp;
import io.lanyard.platform.messaging.IntegrationEventCodec;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * An erased attendee is forgotten here: their address, the personal values in the webhook bodies about them, their
 * mails not sent yet; later facts about them mail no one; the contacts topic's tombstone forgets an address; the
 * copy of one's data shows what is held, for them and the organizers only.
 */
@ServiceTest(properties = "spring.config.name=notifications")
class ErasureTest extends NotificationsTestSupport {

    private static final IntegrationEventCodec CODEC = new IntegrationEventCodec();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Person(UUID attendeeId, String subject, String name, String email) {
    }

    /** An attendee known here with their address; name, subject and address are theirs alone. */
    private Person person(UUID conference, String name) {
        String subject = name.toLowerCase() + "-" + UUID.randomUUID();
        String fullName = name + " " + UUID.randomUUID().toString().substring(0, 8);
        UUID attendee = attendee(conference, subject, fullName);
        String email = subject + "@example.org";
        RegistrationFeed.send(EventCatalogue.CONTACTS_TOPIC, attendee.toString(), CODEC.encode(
                new AttendeeContactGiven(UUID.randomUUID(), conference, now(), attendee, email)));
        await().atMost(WAIT).until(() -> address(attendee) != null);
        return new Person(attendee, subject, fullName, email);
    }

    @Test
    void an_erased_attendee_loses_address_webhook_bodies_and_pending_mail_and_another_keeps_theirs() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 200, "registration.attendee-registered");
        Person erin = person(conference, "Erin");
        Person kim = person(conference, "Kim");
        UUID shift = UUID.randomUUID();
        Instant startsAt = now().plus(4, ChronoUnit.DAYS);
        RegistrationFeed.publish(new ShiftScheduled(UUID.randomUUID(), conference, now(), shift, "Bag stuffing",
                "stuffing", "Hall A", startsAt.atOffset(ZoneOffset.UTC), startsAt.plus(2, ChronoUnit.HOURS)
                .atOffset(ZoneOffset.UTC), 10));
        RegistrationFeed.publish(new VolunteerSignedUp(UUID.randomUUID(), conference, now(), shift, erin.attendeeId()));
        RegistrationFeed.publish(new VolunteerSignedUp(UUID.randomUUID(), conference, now(), shift, kim.attendeeId()));
        // a record about her that this build cannot read yet waits among the dead letters with her address
        RegistrationFeed.send(EventCatalogue.CONTACTS_TOPIC, erin.attendeeId().toString(), ("{\"type\":"
                + "\"registration.attendee-contact-given\",\"schemaVersion\":99,\"eventId\":\"" + UUID.randomUUID()
                + "\",\"conferenceId\":\"" + conference + "\",\"occurredAt\":\"" + now() + "\",\"attendeeId\":\""
                + erin.attendeeId() + "\",\"email\":\"" + erin.email() + "\"}").getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> statuses(erin).equals(List.of("SENT", "PENDING"))
                && statuses(kim).equals(List.of("SENT", "PENDING")) && deliveriesOf(hook).size() == 2
                && parkedAbout(erin) == 1);
        assertThat(dump()).contains(erin.email(), erin.name(), erin.subject());

        RegistrationFeed.publish(new AttendeeErased(UUID.randomUUID(), conference, now(), erin.attendeeId()));

        await().atMost(WAIT).until(() -> address(erin) == null);
        assertThat(dump()).as("every table notifications writes")
                .doesNotContain(erin.email()).doesNotContain(erin.name()).doesNotContain(erin.subject());
        assertThat(statuses(erin)).as("the reminder is not sent, and says why").containsExactly("SENT", "FAILED");
        assertThat(jdbc.sql("select last_error from mail_message where attendee_id = ? and kind = 'SHIFT_REMINDER'")
                .param(erin.attendeeId()).query(String.class).single()).isEqualTo("not sent: the attendee was erased");
        JsonNode scrubbed = Http.JSON.readTree(deliveryBody(hook, erin)).get("data");
        assertThat(scrubbed.get("name").asString()).isEqualTo(PersonalFields.ERASED);
        assertThat(scrubbed.get("subject").asString()).isEqualTo(PersonalFields.ERASED);
        assertThat(scrubbed.get("attendeeId").asString()).isEqualTo(erin.attendeeId().toString());
        assertThat(address(kim)).isEqualTo(kim.email());
        assertThat(statuses(kim)).containsExactly("SENT", "PENDING");
        assertThat(Http.JSON.readTree(deliveryBody(hook, kim)).get("data").get("name").asString())
                .isEqualTo(kim.name());
        assertThat(deliveriesOf(hook)).as("the delivery log keeps its rows").hasSize(2);
        assertThat(parkedAbout(erin)).as("the dead letter stays, without her address").isOne();

        // later facts about her mail no one, and an address arriving late (the contacts topic is read apart) is
        // not taken
        UUID held = UUID.randomUUID();
        RegistrationFeed.publish(new DinnerTicketHeld(held, conference, now(), UUID.randomUUID(), UUID.randomUUID(),
                erin.attendeeId(), "Speakers' dinner", OffsetDateTime.parse("2027-05-18T19:00:00-07:00"),
                now().plus(1, ChronoUnit.HOURS)));
        UUID lateAddress = UUID.randomUUID();
        RegistrationFeed.send(EventCatalogue.CONTACTS_TOPIC, erin.attendeeId().toString(), CODEC.encode(
                new AttendeeContactGiven(lateAddress, conference, now(), erin.attendeeId(), erin.email())));
        await().atMost(WAIT).until(() -> processed(held) && processed(lateAddress));
        assertThat(statuses(erin)).containsExactly("SENT", "FAILED");
        assertThat(address(erin)).isNull();

        // a second erasure changes nothing
        String before = about(erin);
        UUID again = UUID.randomUUID();
        RegistrationFeed.publish(new AttendeeErased(again, conference, now(), erin.attendeeId()));
        await().atMost(WAIT).until(() -> processed(again));
        assertThat(about(erin)).isEqualTo(before);
    }

    @Test
    void the_contacts_topics_tombstone_forgets_the_address() {
        UUID conference = conference("olivia");
        Person tom = person(conference, "Tom");
        long parkedBefore = jdbc.sql("select count(*) from kafka_dead_letter").query(Long.class).single();

        RegistrationFeed.send(EventCatalogue.CONTACTS_TOPIC, tom.attendeeId().toString(), null);

        await().atMost(WAIT).until(() -> address(tom.attendeeId()) == null);
        assertThat(jdbc.sql("select count(*) from kafka_dead_letter").query(Long.class).single())
                .as("a tombstone is not poison").isEqualTo(parkedBefore);
    }

    @Test
    void the_copy_of_ones_data_is_for_the_attendee_and_the_organizers_and_holds_nothing_of_others() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 200, "registration.attendee-registered");
        Person uma = person(conference, "Uma");
        Person vic = person(conference, "Vic");
        await().atMost(WAIT).until(() -> statuses(uma.attendeeId()).equals(List.of("SENT"))
                && deliveriesOf(hook).size() == 2);
        String path = "/conferences/" + conference + "/attendees/" + uma.attendeeId() + "/personal-data";

        Http.Response own = http().get(path, token(uma.subject()));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        JsonNode data = own.json();
        assertThat(data.get("attendeeId").asString()).isEqualTo(uma.attendeeId().toString());
        assertThat(data.get("email").asString()).isEqualTo(uma.email());
        assertThat(data.get("subject").asString()).isEqualTo(uma.subject());
        assertThat(data.get("mails")).hasSize(1);
        JsonNode mail = data.get("mails").get(0);
        assertThat(mail.get("kind").asString()).isEqualTo("REGISTRATION_CONFIRMED");
        assertThat(mail.get("subject").asString()).isEqualTo("PyCon US 2027: your registration is confirmed");
        assertThat(mail.get("status").asString()).isEqualTo("SENT");
        assertThat(mail.has("sentAt")).isTrue();
        assertThat(data.get("webhookDeliveries")).hasSize(1);
        assertThat(data.get("webhookDeliveries").get(0).get("receiver").asString()).isEqualTo(hook.endpoint().url());
        assertThat(data.get("webhookDeliveries").get(0).get("data").get("subject").asString())
                .isEqualTo(uma.subject());
        assertThat(own.body()).doesNotContain(vic.subject()).doesNotContain(vic.email());

        assertThat(http().get(path, organizerToken("olivia")).status()).isEqualTo(200);
        Http.Response other = http().get(path, token(vic.subject()));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.problem()).isEqualTo("forbidden");
        Http.Response unknown = http().get("/conferences/" + conference + "/attendees/" + UUID.randomUUID()
                + "/personal-data", organizerToken("olivia"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problem()).isEqualTo("not-found");

        RegistrationFeed.publish(new AttendeeErased(UUID.randomUUID(), conference, now(), uma.attendeeId()));
        await().atMost(WAIT).until(() -> address(uma.attendeeId()) == null);
        Http.Response afterwards = http().get(path, organizerToken("olivia"));
        assertThat(afterwards.status()).isEqualTo(200);
        assertThat(afterwards.json().has("email")).isFalse();
        assertThat(afterwards.body()).doesNotContain(uma.subject()).doesNotContain(uma.email());
        assertThat(afterwards.json().get("mails")).hasSize(1);
    }

    private String address(Person person) {
        return address(person.attendeeId());
    }

    private String address(UUID attendee) {
        return jdbc.sql("select email from mail_recipient where attendee_id = ?").param(attendee)
                .query(String.class).optional().orElse(null);
    }

    private List<String> statuses(Person person) {
        return statuses(person.attendeeId());
    }

    private List<String> statuses(UUID attendee) {
        return jdbc.sql("select status from mail_message where attendee_id = ? order by created_at, message_id")
                .param(attendee).query(String.class).list();
    }

    private List<String> deliveriesOf(Hook hook) {
        return jdbc.sql("select payload from webhook_delivery where webhook_id = ?").param(hook.id())
                .query(String.class).list();
    }

    private String deliveryBody(Hook hook, Person person) {
        return deliveriesOf(hook).stream().filter(body -> body.contains(person.attendeeId().toString()))
                .findFirst().orElseThrow();
    }

    private long parkedAbout(Person person) {
        return jdbc.sql("select count(*) from kafka_dead_letter where position(convert_to(?, 'UTF8') in payload) > 0")
                .param(person.attendeeId().toString()).query(Long.class).single();
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("select count(*) from processed_integration_event where event_id = ?").param(eventId)
                .query(Long.class).single() == 1;
    }

    /** Every row of this service's own tables about the person. */
    private String about(Person person) {
        StringBuilder rows = new StringBuilder();
        for (String table : List.of("mail_recipient", "mail_message", "webhook_delivery", "known_attendee")) {
            jdbc.sql("select t::text from " + table + " t where attendee_id = ? order by 1").param(person.attendeeId())
                    .query(String.class).list().forEach(row -> rows.append(table).append(' ').append(row).append('\n'));
        }
        jdbc.sql("select t::text from personal_data_key t where subject = ?").param(person.attendeeId().toString())
                .query(String.class).list().forEach(rows::append);
        jdbc.sql("select encode(payload, 'escape') from kafka_dead_letter "
                        + "where position(convert_to(?, 'UTF8') in payload) > 0")
                .param(person.attendeeId().toString()).query(String.class).list().forEach(rows::append);
        return rows.toString();
    }

    /** Every table of this service's database as text, as the devstack's erasure test reads them. */
    private String dump() {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.sql("select tablename from pg_tables where schemaname = current_schema() "
                + "order by tablename").query(String.class).list()) {
            jdbc.sql("select t::text from " + table + " t order by 1").query(String.class).list()
                    .forEach(row -> all.append(table).append(' ').append(row).append('\n'));
            // bytea (event payloads, parked records) reads as hex above; as text here
            for (String column : jdbc.sql("select column_name from information_schema.columns where table_schema = "
                    + "current_schema() and table_name = ? and data_type = 'bytea'").param(table)
                    .query(String.class).list()) {
                jdbc.sql("select encode(" + column + ", 'escape') from " + table + " where " + column
                        + " is not null").query(String.class).list()
                        .forEach(value -> all.append(table).append('.').append(column).append(' ').append(value)
                                .append('\n'));
            }
        }
        return all.toString();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
