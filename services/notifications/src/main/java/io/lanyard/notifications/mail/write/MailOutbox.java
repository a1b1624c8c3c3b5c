package io.lanyard.notifications.mail.write;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.IdGenerator;

import io.lanyard.platform.outbox.DeliveryQueue;
import io.lanyard.platform.personaldata.PersonalFields;

/**
 * The {@code mail_message} table: mails are queued here in the transaction of the integration event that calls for
 * them, at most once per (event, kind), and worked off by the sender through {@link #queue()}. A mail waits, not
 * due, while the attendee's address has not arrived: the contacts topic is read apart from the others, so the
 * address may come a moment after the fact that calls for a mail.
 */
public class MailOutbox {

    public static final DeliveryQueue.Table TABLE = new DeliveryQueue.Table("mail_message", "message_id", null, "SENT");
    public static final String SENT = "SENT";
    /** A reminder that no longer applies: its shift was left, or the registration cancelled. */
    public static final String CANCELLED = "CANCELLED";
    /** Why a mail to an erased attendee was never sent. */
    public static final String NOT_SENT_ERASED = "not sent: the attendee was erased";

    /** What a mail is about: the shift, dinner or sprint, and a dinner hold's deadline; either may be absent. */
    public record Subject(UUID subjectId, Instant deadline) {

        public static final Subject NONE = new Subject(null, null);
    }

    /** One queued mail as the attendee's notification list shows it; {@code sentAt} only once it was sent. */
    public record Listed(UUID id, MailKind kind, String status, Instant sentAt) {
    }

    /** One queued mail as the sender needs it. */
    public record Queued(UUID id, UUID conferenceId, UUID attendeeId, MailKind kind, UUID subjectId,
                         Instant deadline) {
    }

    private final DeliveryQueue queue;
    private final JdbcClient jdbc;
    private final IdGenerator ids;

    public MailOutbox(DeliveryQueue queue, JdbcClient jdbc, IdGenerator ids) {
        this.queue = queue;
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public DeliveryQueue queue() {
        return queue;
    }

    /** Queues a mail due at {@code dueAt}; the same event and kind again changes nothing. */
    public void enqueue(UUID eventId, MailKind kind, UUID conferenceId, UUID attendeeId, Subject subject,
                        Instant dueAt, Instant now) {
        jdbc.sql("""
                        insert into mail_message (message_id, conference_id, attendee_id, kind, event_id, subject_id,
                                                  deadline, status, due_at, created_at, next_attempt_at)
                        values (:id, :conference, :attendee, :kind, :event, :subject, :deadline, 'PENDING', :due, :now,
                                case when exists (select 1 from mail_recipient where attendee_id = :attendee)
                                     then cast(:due as timestamptz) end)
                        on conflict (event_id, kind) do nothing""")
                .param("id", ids.generateId()).param("conference", conferenceId).param("attendee", attendeeId)
                .param("kind", kind.name()).param("event", eventId).param("subject", subject.subjectId())
                .param("deadline", timestamp(subject.deadline())).param("due", timestamp(dueAt))
                .param("now", timestamp(now))
                .update();
    }

    /** The attendee's address has arrived: their waiting mails become due when they were meant to be. */
    public void addressKnown(UUID attendeeId) {
        jdbc.sql("""
                        update mail_message set next_attempt_at = due_at
                        where attendee_id = ? and status = 'PENDING' and next_attempt_at is null""")
                .param(attendeeId)
                .update();
    }

    /** The reminders of the attendee's shift (all their shifts when {@code shiftId} is null) that are not sent yet. */
    public void cancelReminders(UUID attendeeId, UUID shiftId) {
        jdbc.sql("""
                        update mail_message set status = 'CANCELLED', next_attempt_at = null
                        where attendee_id = :attendee and kind = 'SHIFT_REMINDER' and status = 'PENDING'
                          and (cast(:shift as uuid) is null or subject_id = :shift)""")
                .param("attendee", attendeeId).param("shift", shiftId)
                .update();
    }

    /**
     * The attendee was erased: nothing more is sent to them. Their mails not sent yet fail with the reason (and stay
     * listed, so nothing is lost track of); a send failure recorded with their address no longer names it. The rows
     * keep ids, kinds and times only: texts are rendered when sent and never stored.
     */
    public void attendeeErased(UUID conferenceId, UUID attendeeId, Optional<String> address) {
        // by conference and attendee, as mail_message_by_attendee is: a purge erases a whole conference, one by one
        jdbc.sql("""
                        update mail_message set status = 'FAILED', next_attempt_at = null, claimed_until = null,
                                                claimed_by = null, last_error = :reason
                        where conference_id = :conference and attendee_id = :attendee and status = 'PENDING'""")
                .param("conference", conferenceId).param("attendee", attendeeId).param("reason", NOT_SENT_ERASED)
                .update();
        address.ifPresent(email -> jdbc.sql("""
                        update mail_message set last_error = replace(last_error, :email, :erased)
                        where conference_id = :conference and attendee_id = :attendee
                          and strpos(last_error, :email) > 0""")
                .param("conference", conferenceId).param("attendee", attendeeId).param("email", email)
                .param("erased", PersonalFields.ERASED)
                .update());
    }

    /** Whether the attendee was mailed (or is to be) that a seat at the dinner is held for them. */
    public boolean holdMailed(UUID attendeeId, UUID dinnerId) {
        return jdbc.sql("""
                        select exists (select 1 from mail_message where attendee_id = ? and subject_id = ?
                                       and kind in ('DINNER_SEAT_HELD', 'DINNER_SEAT_PROMOTED'))""")
                .params(attendeeId, dinnerId)
                .query(Boolean.class).single();
    }

    /** Every mail queued for the attendee that still applies, oldest first. */
    public List<Listed> of(UUID conferenceId, UUID attendeeId) {
        return jdbc.sql("""
                        select message_id, kind, status, last_attempt_at from mail_message
                        where conference_id = ? and attendee_id = ? and status <> 'CANCELLED'
                        order by created_at, message_id""")
                .params(conferenceId, attendeeId)
                .query((rs, n) -> new Listed(rs.getObject(1, UUID.class), MailKind.valueOf(rs.getString(2)),
                        rs.getString(3), SENT.equals(rs.getString(3)) ? rs.getTimestamp(4).toInstant() : null))
                .list();
    }

    /** One mail with everything the table keeps of it, for the attendee's copy of their data. */
    public record Kept(Queued mail, String status, Instant createdAt, Instant dueAt, Instant sentAt,
                       String lastError) {
    }

    /** Every mail of the attendee, cancelled reminders too, oldest first. */
    public List<Kept> keptFor(UUID conferenceId, UUID attendeeId) {
        return jdbc.sql("""
                        select message_id, kind, subject_id, deadline, status, created_at, due_at, last_attempt_at,
                               last_error
                        from mail_message where conference_id = ? and attendee_id = ?
                        order by created_at, message_id""")
                .params(conferenceId, attendeeId)
                .query((rs, n) -> new Kept(new Queued(rs.getObject(1, UUID.class), conferenceId, attendeeId,
                        MailKind.valueOf(rs.getString(2)), rs.getObject(3, UUID.class), instant(rs.getTimestamp(4))),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                        SENT.equals(rs.getString(5)) ? instant(rs.getTimestamp(8)) : null, rs.getString(9)))
                .list();
    }

    public Optional<Queued> find(UUID messageId) {
        return jdbc.sql("""
                        select conference_id, attendee_id, kind, subject_id, deadline from mail_message
                        where message_id = ?""")
                .param(messageId)
                .query((rs, n) -> new Queued(messageId, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        MailKind.valueOf(rs.getString(3)), rs.getObject(4, UUID.class),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
