package io.lanyard.notifications.personaldata.read.export;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lanyard.notifications.mail.automation.sendmail.MailComposer;
import io.lanyard.notifications.mail.write.MailFacts;
import io.lanyard.notifications.mail.write.MailKind;
import io.lanyard.notifications.mail.write.MailOutbox;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import tools.jackson.databind.json.JsonMapper;

/**
 * A copy of everything notifications holds about one attendee, for them and the conference's organizers: the name
 * and subject its directory knows, the address mail goes to, every mail queued for them (its subject line as it
 * reads now, status and times), and the webhook deliveries that carried their data, with the receiver each went
 * to. Nothing of anyone else. Once they were erased it is ids, kinds and times, and {@code (erased)}.
 */
@RestController
class PersonalDataController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PersonalData(UUID attendeeId, UUID conferenceId, String subject, String name, String email,
                        List<Mail> mails, List<WebhookDelivery> webhookDeliveries) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Mail(UUID id, MailKind kind, String subject, String status, Instant createdAt, Instant dueAt,
                Instant sentAt, String lastError) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookDelivery(UUID id, String eventType, String receiver, String status, Instant createdAt,
                           Map<String, Object> data) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Organizers organizers;
    private final Attendees attendees;
    private final MailFacts facts;
    private final MailOutbox outbox;
    private final MailComposer composer;
    private final JdbcClient jdbc;

    PersonalDataController(Organizers organizers, Attendees attendees, MailFacts facts, MailOutbox outbox,
                           MailComposer composer, JdbcClient jdbc) {
        this.organizers = organizers;
        this.attendees = attendees;
        this.facts = facts;
        this.outbox = outbox;
        this.composer = composer;
        this.jdbc = jdbc;
    }

    @GetMapping("/conferences/{conferenceId}/attendees/{attendeeId}/personal-data")
    PersonalData exportNotificationsPersonalData(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId,
                                                 Caller caller) {
        organizers.requireConference(conferenceId);
        Attendees.KnownAttendee attendee = attendees.requireSelfOrOrganizer(conferenceId, attendeeId, caller);
        List<Mail> mails = outbox.keptFor(conferenceId, attendeeId).stream()
                .map(kept -> new Mail(kept.mail().id(), kept.mail().kind(),
                        composer.subjectLine(kept.mail()).orElse(null), kept.status(), kept.createdAt(),
                        kept.dueAt(), kept.sentAt(), kept.lastError()))
                .toList();
        return new PersonalData(attendeeId, conferenceId, attendee.subject(), attendee.name(),
                facts.addressOf(attendeeId).orElse(null), mails, deliveriesAbout(conferenceId, attendeeId));
    }

    private List<WebhookDelivery> deliveriesAbout(UUID conferenceId, UUID attendeeId) {
        return jdbc.sql("""
                        select d.delivery_id, d.event_type, w.url, d.status, d.created_at, d.payload
                        from webhook_delivery d left join webhook_view w on w.webhook_id = d.webhook_id
                        where d.attendee_id = ? and d.conference_id = ?
                        order by d.created_at, d.delivery_id""")
                .params(attendeeId, conferenceId)
                .query((rs, n) -> new WebhookDelivery(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), instant(rs.getTimestamp(5)), data(rs.getString(6))))
                .list();
    }

    /** The event's fields as the delivery's body carries them (name and subject {@code (erased)} once erased). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(String body) {
        return (Map<String, Object>) JSON.readValue(body, Map.class).get("data");
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
