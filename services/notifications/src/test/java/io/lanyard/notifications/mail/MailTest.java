package io.lanyard.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.dinners.DinnerTicketConfirmed;
import io.lanyard.kernel.events.dinners.DinnerTicketExpired;
import io.lanyard.kernel.events.dinners.DinnerTicketHeld;
import io.lanyard.kernel.events.dinners.DinnerTicketPromoted;
import io.lanyard.kernel.events.dinners.DinnerTicketWaitlisted;
import io.lanyard.kernel.events.registration.AttendeeContactGiven;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.kernel.events.sprints.SprintAnnounced;
import io.lanyard.kernel.events.sprints.SprintParticipantLeft;
import io.lanyard.kernel.events.volunteering.ShiftScheduled;
import io.lanyard.kernel.events.volunteering.VolunteerSignedUp;
import io.lanyard.kernel.events.volunteering.VolunteerWithdrew;
import io.lanyard.notifications.NotificationsTestSupport;
import io.lanyard.notifications.mail.write.MailProperties;
import io.lanyard.platform.messaging.IntegrationEventCodec;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * Mail at each moment the contract lists, through the dev profile's GreenMail, from facts published to the topics
 * as their owners publish them; the conference (PyCon US 2027) is in America/Los_Angeles, so a time printed in UTC
 * shows. The address arrives on the contacts topic apart from the facts, as registration publishes it.
 */
@ServiceTest(properties = "spring.config.name=notifications")
class MailTest extends NotificationsTestSupport {

    private static final IntegrationEventCodec CODEC = new IntegrationEventCodec();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    GreenMail devMailServer;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MailProperties properties;

    /** An attendee known to the service with their address, and their token. */
    private record Person(UUID conferenceId, UUID attendeeId, String email, String token) {
    }

    private Person person(UUID conference, String name) {
        String subject = name.toLowerCase() + "-" + UUID.randomUUID();
        UUID attendee = attendee(conference, subject, name);
        String email = subject + "@example.org";
        RegistrationFeed.send(EventCatalogue.CONTACTS_TOPIC, attendee.toString(), CODEC.encode(
                new AttendeeContactGiven(UUID.randomUUID(), conference, now(), attendee, email)));
        return new Person(conference, attendee, email, token(subject));
    }

    @Test
    void a_confirmed_registration_is_mailed_as_text_and_html_naming_the_conference() throws Exception {
        Person alice = person(conference("olivia"), "Alice");

        JsonNode mail = mailsTo(alice, 1).getFirst();
        assertThat(mail.get("to").asString()).isEqualTo(alice.email());
        assertThat(mail.get("subject").asString()).isEqualTo("PyCon US 2027: your registration is confirmed");
        assertThat(mail.get("body").asString()).contains("Hello Alice", "registration for PyCon US 2027 is confirmed",
                "times are in America/Los_Angeles");
        assertThat(mail.get("receivedAt").asString()).isNotBlank();

        MimeMessage received = received(alice.email());
        assertThat(received.getFrom()[0].toString()).isEqualTo(properties.from());
        Multipart alternatives = alternatives(received);
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternatives.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat((String) alternatives.getBodyPart(1).getContent()).contains("<strong>PyCon US 2027</strong>");

        JsonNode notifications = notifications(alice, alice.token());
        assertThat(notifications).hasSize(1);
        assertThat(notifications.get(0).get("kind").asString()).isEqualTo("REGISTRATION_CONFIRMED");
        assertThat(notifications.get(0).get("channel").asString()).isEqualTo("EMAIL");
        assertThat(notifications.get(0).get("status").asString()).isEqualTo("SENT");
        assertThat(Instant.parse(notifications.get(0).get("sentAt").asString())).isBefore(now().plusSeconds(1));
    }

    @Test
    void a_held_seat_is_mailed_with_the_holds_deadline_in_the_conferences_time_zone() {
        Person bob = person(conference("olivia"), "Bob");
        UUID dinner = UUID.randomUUID();
        RegistrationFeed.publish(new DinnerTicketHeld(UUID.randomUUID(), bob.conferenceId(), now(), dinner,
                UUID.randomUUID(), bob.attendeeId(), "Speakers' dinner", OffsetDateTime.parse("2027-05-18T19:00:00-07:00"),
                Instant.parse("2027-05-18T02:45:00Z")));

        JsonNode mail = mailsTo(bob, 2).get(1);
        assertThat(mail.get("subject").asString()).isEqualTo(
                "PyCon US 2027: a seat at Speakers' dinner is held for you until Monday 17 May 2027, 19:45 PDT");
        assertThat(mail.get("body").asString())
                .contains("a seat at Speakers' dinner (Tuesday 18 May 2027, 19:00 PDT) is held for you until "
                        + "Monday 17 May 2027, 19:45 PDT")
                .doesNotContain("02:45");
    }

    @Test
    void a_waitlisted_attendee_who_is_promoted_is_mailed_the_holds_deadline() {
        Person carol = person(conference("olivia"), "Carol");
        UUID dinner = UUID.randomUUID();
        UUID ticket = UUID.randomUUID();
        RegistrationFeed.publish(new DinnerTicketWaitlisted(UUID.randomUUID(), carol.conferenceId(), now(), dinner,
                ticket, carol.attendeeId(), "Sprint dinner", OffsetDateTime.parse("2027-05-20T18:30:00-07:00")));
        RegistrationFeed.publish(new DinnerTicketPromoted(UUID.randomUUID(), carol.conferenceId(), now(), dinner,
                ticket, carol.attendeeId(), Instant.parse("2027-05-19T16:15:00Z")));

        JsonNode mail = mailsTo(carol, 2).get(1);
        assertThat(mail.get("subject").asString()).isEqualTo(
                "PyCon US 2027: a seat at Sprint dinner freed up, held for you until Wednesday 19 May 2027, 09:15 PDT");
        assertThat(mail.get("body").asString()).contains("you were next on the waiting list",
                "held for you until Wednesday 19 May 2027, 09:15 PDT");
        assertThat(kinds(carol)).containsExactly("REGISTRATION_CONFIRMED", "DINNER_SEAT_PROMOTED");
    }

    @Test
    void a_confirmed_ticket_and_an_expired_hold_are_mailed() {
        UUID conference = conference("olivia");
        Person dora = person(conference, "Dora");
        Person emil = person(conference, "Emil");
        Person pia = person(conference, "Pia");
        UUID dinner = UUID.randomUUID();
        OffsetDateTime startsAt = OffsetDateTime.parse("2027-05-18T19:00:00-07:00");
        UUID doraTicket = UUID.randomUUID();
        UUID emilTicket = UUID.randomUUID();
        Instant deadline = Instant.parse("2027-05-18T02:45:00Z");
        RegistrationFeed.publish(new DinnerTicketHeld(UUID.randomUUID(), conference, now(), dinner, doraTicket,
                dora.attendeeId(), "Speakers' dinner", startsAt, deadline));
        RegistrationFeed.publish(new DinnerTicketHeld(UUID.randomUUID(), conference, now(), dinner, emilTicket,
                emil.attendeeId(), "Speakers' dinner", startsAt, deadline));
        RegistrationFeed.publish(new DinnerTicketConfirmed(UUID.randomUUID(), conference, now(), dinner, doraTicket,
                dora.attendeeId()));
        // a ticket still on the waiting list when the dinner starts expires without a hold ever mailed; published
        // first, it was seen by the time Emil's expiry is mailed
        UUID piaTicket = UUID.randomUUID();
        RegistrationFeed.publish(new DinnerTicketWaitlisted(UUID.randomUUID(), conference, now(), dinner, piaTicket,
                pia.attendeeId(), "Speakers' dinner", startsAt));
        RegistrationFeed.publish(new DinnerTicketExpired(UUID.randomUUID(), conference, now(), dinner, piaTicket,
                pia.attendeeId()));
        RegistrationFeed.publish(new DinnerTicketExpired(UUID.randomUUID(), conference, now(), dinner, emilTicket,
                emil.attendeeId()));

        assertThat(mailsTo(dora, 3)).extracting(m -> m.get("subject").asString())
                .contains("PyCon US 2027: your ticket for Speakers' dinner is confirmed");
        assertThat(mailsTo(emil, 3)).extracting(m -> m.get("subject").asString())
                .contains("PyCon US 2027: your ticket for Speakers' dinner has expired");
        assertThat(kinds(dora)).containsExactly("REGISTRATION_CONFIRMED", "DINNER_SEAT_HELD",
                "DINNER_TICKET_CONFIRMED");
        assertThat(kinds(emil)).containsExactly("REGISTRATION_CONFIRMED", "DINNER_SEAT_HELD", "DINNER_HOLD_EXPIRED");
        assertThat(kinds(pia)).containsExactly("REGISTRATION_CONFIRMED");
    }

    @Test
    void a_shift_reminder_is_due_twelve_hours_before_the_start_and_a_withdrawal_cancels_it() {
        UUID conference = conference("olivia");
        Person fay = person(conference, "Fay");
        Person gus = person(conference, "Gus");
        mailsTo(fay, 1);
        mailsTo(gus, 1);
        UUID shift = UUID.randomUUID();
        Instant startsAt = now().plus(3, ChronoUnit.DAYS);
        Instant due = startsAt.minus(Duration.ofHours(12));
        RegistrationFeed.publish(new ShiftScheduled(UUID.randomUUID(), conference, now(), shift, "Bag stuffing",
                "stuffing", "Hall A", startsAt.atOffset(ZoneOffset.UTC), startsAt.plus(2, ChronoUnit.HOURS)
                .atOffset(ZoneOffset.UTC), 10));
        RegistrationFeed.publish(new VolunteerSignedUp(UUID.randomUUID(), conference, now(), shift, fay.attendeeId()));
        RegistrationFeed.publish(new VolunteerSignedUp(UUID.randomUUID(), conference, now(), shift, gus.attendeeId()));
        RegistrationFeed.publish(new VolunteerWithdrew(UUID.randomUUID(), conference, now(), shift, gus.attendeeId()));
        await().atMost(WAIT).until(() -> reminderStatus(gus).equals(List.of("CANCELLED")));

        assertThat(reminderDueAt(fay)).isEqualTo(due);
        assertThat(statuses(fay)).containsExactly("SENT", "PENDING");

        // just before it is due a mail that is due goes, the reminder stays: one claim takes every due mail
        clockAt(due.minusSeconds(30));
        RegistrationFeed.publish(new DinnerTicketHeld(UUID.randomUUID(), conference, clock.instant(),
                UUID.randomUUID(), UUID.randomUUID(), fay.attendeeId(), "Speakers' dinner",
                OffsetDateTime.parse("2027-05-18T19:00:00-07:00"), Instant.parse("2027-05-18T02:45:00Z")));
        mailsTo(fay, 2);
        assertThat(reminderStatus(fay)).containsExactly("PENDING");

        clockAt(due.plusSeconds(1));
        JsonNode reminder = mailsTo(fay, 3).get(2);
        String start = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm zzz", Locale.ENGLISH)
                .format(startsAt.atZone(ZoneId.of("America/Los_Angeles")));
        assertThat(reminder.get("subject").asString())
                .isEqualTo("PyCon US 2027: your shift \"Bag stuffing\" starts " + start);
        assertThat(reminder.get("body").asString()).contains("at Hall A: " + start);
        assertThat(statuses(fay)).containsExactly("SENT", "SENT", "SENT");
        assertThat(kinds(gus)).as("the withdrawn volunteer's reminder is cancelled, not listed")
                .containsExactly("REGISTRATION_CONFIRMED");
        assertThat(mailsTo(gus, 1)).hasSize(1);
    }

    @Test
    void a_sign_up_later_than_the_reminder_time_is_reminded_at_once_unless_the_shift_has_begun() {
        UUID conference = conference("olivia");
        Person hal = person(conference, "Hal");
        UUID soon = UUID.randomUUID();
        UUID begun = UUID.randomUUID();
        Instant in2Hours = now().plus(2, ChronoUnit.HOURS);
        Instant anHourAgo = now().minus(1, ChronoUnit.HOURS);
        RegistrationFeed.publish(new ShiftScheduled(UUID.randomUUID(), conference, now(), begun, "Registration desk",
                "desk", "Lobby", anHourAgo.atOffset(ZoneOffset.UTC), in2Hours.atOffset(ZoneOffset.UTC), 4));
        RegistrationFeed.publish(new ShiftScheduled(UUID.randomUUID(), conference, now(), soon, "Session chair",
                "chair", "Room 1", in2Hours.atOffset(ZoneOffset.UTC), in2Hours.plus(1, ChronoUnit.HOURS)
                .atOffset(ZoneOffset.UTC), 4));
        RegistrationFeed.publish(new VolunteerSignedUp(UUID.randomUUID(), conference, now(), begun, hal.attendeeId()));
        RegistrationFeed.publish(new VolunteerSignedUp(UUID.randomUUID(), conference, now(), soon, hal.attendeeId()));

        List<JsonNode> mails = mailsTo(hal, 2);
        assertThat(mails.get(1).get("subject").asString()).contains("your shift \"Session chair\" starts");
        assertThat(kinds(hal)).containsExactly("REGISTRATION_CONFIRMED", "SHIFT_REMINDER");
    }

    @Test
    void a_cancelled_registration_cancels_the_reminders_not_sent_yet() {
        UUID conference = conference("olivia");
        Person ida = person(conference, "Ida");
        mailsTo(ida, 1);
        UUID shift = UUID.randomUUID();
        Instant startsAt = now().plus(5, ChronoUnit.DAYS);
        RegistrationFeed.publish(new ShiftScheduled(UUID.randomUUID(), conference, now(), shift, "Cloakroom",
                "cloakroom", "Basement", startsAt.atOffset(ZoneOffset.UTC), startsAt.plus(1, ChronoUnit.HOURS)
                .atOffset(ZoneOffset.UTC), 3));
        RegistrationFeed.publish(new VolunteerSignedUp(UUID.randomUUID(), conference, now(), shift, ida.attendeeId()));
        await().atMost(WAIT).until(() -> kinds(ida).contains("SHIFT_REMINDER"));

        cancelRegistration(conference, ida.attendeeId(), "ida");

        await().atMost(WAIT).until(() -> reminderStatus(ida).equals(List.of("CANCELLED")));
        assertThat(kinds(ida)).containsExactly("REGISTRATION_CONFIRMED");
    }

    @Test
    void only_a_participant_removed_by_the_leader_or_an_organizer_is_mailed_about_leaving_a_sprint() {
        UUID conference = conference("olivia");
        Person jan = person(conference, "Jan");
        Person kim = person(conference, "Kim");
        UUID sprint = UUID.randomUUID();
        RegistrationFeed.publish(new SprintAnnounced(UUID.randomUUID(), conference, now(), sprint, "CPython",
                UUID.randomUUID(), List.of(LocalDate.of(2027, 5, 23)), 10));
        // the withdrawal first: the conference's facts arrive in order, so once the removal is mailed it was seen
        RegistrationFeed.publish(new SprintParticipantLeft(UUID.randomUUID(), conference, now(), sprint,
                kim.attendeeId(), SprintParticipantLeft.Reason.WITHDREW));
        RegistrationFeed.publish(new SprintParticipantLeft(UUID.randomUUID(), conference, now(), sprint,
                jan.attendeeId(), SprintParticipantLeft.Reason.REMOVED));

        JsonNode mail = mailsTo(jan, 2).get(1);
        assertThat(mail.get("subject").asString())
                .isEqualTo("PyCon US 2027: you are no longer on the CPython sprint");
        assertThat(kinds(kim)).containsExactly("REGISTRATION_CONFIRMED");
    }

    @Test
    void a_send_the_mail_server_refuses_is_retried_then_failed_and_the_list_shows_it() {
        UUID conference = conference("olivia");
        double failedBefore = meters.counter("lanyard.notifications.mails", "outcome", "failed").count();
        devMailServer.stop();
        try {
            Person lea = person(conference, "Lea");
            await().atMost(WAIT).until(() -> statuses(lea).equals(List.of("FAILED")));

            assertThat(jdbc.sql("select attempts from mail_message where attendee_id = ?").param(lea.attendeeId())
                    .query(Integer.class).single()).as("the first attempt and one after each pause")
                    .isEqualTo(properties.retryPauses().size() + 1);
            assertThat(notifications(lea, lea.token()).get(0).has("sentAt")).isFalse();
            Http.Response health = http().get("/actuator/health", tokens.mint("otto", List.of("OPERATOR")));
            assertThat(health.json().get("status").asString()).as("mail waits in the outbox; the service is up")
                    .isEqualTo("UP");
        } finally {
            devMailServer.start();
        }
        assertThat(meters.counter("lanyard.notifications.mails", "outcome", "failed").count())
                .isEqualTo(failedBefore + 1);
        assertThat(meters.counter("lanyard.notifications.mails", "outcome", "retry").count())
                .isGreaterThanOrEqualTo(properties.retryPauses().size());

        Person max = person(conference, "Max");
        mailsTo(max, 1);
        assertThat(statuses(max)).containsExactly("SENT");
        assertThat(meters.get("lanyard.notifications.mails.pending").gauge().value()).isNotNegative();
    }

    @Test
    void a_fact_older_than_a_day_when_it_arrives_is_not_mailed_about() {
        UUID conference = conference("olivia");
        UUID attendee = UUID.randomUUID();
        String subject = "quinn-" + UUID.randomUUID();
        RegistrationFeed.send(EventCatalogue.CONTACTS_TOPIC, attendee.toString(), CODEC.encode(
                new AttendeeContactGiven(UUID.randomUUID(), conference, now(), attendee, subject + "@example.org")));
        RegistrationFeed.publish(new AttendeeRegistered(UUID.randomUUID(), conference,
                now().minus(properties.staleAfter()).minusSeconds(60), attendee, subject, "Quinn", UUID.randomUUID()));
        // the directory replica learns the attendee in the transaction that would have queued the mail
        await().atMost(WAIT).until(() -> attendees.find(conference, attendee).isPresent());

        assertThat(jdbc.sql("select count(*) from mail_message where attendee_id = ?").param(attendee)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void the_notifications_of_an_attendee_are_for_that_attendee_and_the_organizers() {
        UUID conference = conference("olivia");
        Person nia = person(conference, "Nia");
        String path = "/conferences/" + conference + "/attendees/" + nia.attendeeId() + "/notifications";

        assertThat(http().get(path, organizerToken("olivia")).status()).isEqualTo(200);
        assertThat(http().get(path, nia.token()).status()).isEqualTo(200);
        Http.Response stranger = http().get(path, token("mallory"));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.problem()).isEqualTo("forbidden");
        assertThat(http().get(path, organizerToken("oscar")).status()).as("another conference's organizer")
                .isEqualTo(403);
        assertThat(http().get("/conferences/" + conference + "/attendees/" + UUID.randomUUID() + "/notifications",
                organizerToken("olivia")).status()).isEqualTo(404);
        assertThat(http().get(path, null).status()).isEqualTo(401);
    }

    private List<JsonNode> mailsTo(Person person, int count) {
        List<JsonNode> mails = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            Http.Response response = http().get("/dev/mail?to=" + person.email(), null);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            mails.clear();
            response.json().forEach(mails::add);
            return mails.size() >= count;
        });
        return mails;
    }

    private MimeMessage received(String email) throws Exception {
        for (MimeMessage message : devMailServer.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(email)) {
                return message;
            }
        }
        throw new AssertionError("no mail to " + email);
    }

    /** The multipart/alternative inside the mail (Spring wraps it in a mixed/related part for attachments). */
    private static Multipart alternatives(MimeMessage message) throws Exception {
        Multipart part = (Multipart) message.getContent();
        while (!part.getContentType().startsWith("multipart/alternative")) {
            part = (Multipart) part.getBodyPart(0).getContent();
        }
        return part;
    }

    private JsonNode notifications(Person person, String token) {
        Http.Response response = http().get("/conferences/" + person.conferenceId() + "/attendees/"
                + person.attendeeId() + "/notifications", token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<String> kinds(Person person) {
        List<String> kinds = new ArrayList<>();
        notifications(person, person.token()).forEach(n -> kinds.add(n.get("kind").asString()));
        return kinds;
    }

    private List<String> statuses(Person person) {
        List<String> statuses = new ArrayList<>();
        notifications(person, person.token()).forEach(n -> statuses.add(n.get("status").asString()));
        return statuses;
    }

    private List<String> reminderStatus(Person person) {
        return jdbc.sql("select status from mail_message where attendee_id = ? and kind = 'SHIFT_REMINDER'")
                .param(person.attendeeId()).query(String.class).list();
    }

    private Instant reminderDueAt(Person person) {
        return jdbc.sql("select due_at from mail_message where attendee_id = ? and kind = 'SHIFT_REMINDER'")
                .param(person.attendeeId()).query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
