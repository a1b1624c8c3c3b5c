package io.lanyard.notifications.mail.write;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What mails need to know beyond the directory replica (conference name and time zone, attendee name): the
 * attendees' addresses, and the shifts, dinners and sprints they are about, replicated from the other services'
 * events. A later fact about the same thing replaces an earlier one.
 */
public class MailFacts {

    public record Shift(UUID shiftId, String title, String location, Instant startsAt, Instant endsAt) {
    }

    public record Dinner(UUID dinnerId, String name, Instant startsAt) {
    }

    public record Sprint(UUID sprintId, String project) {
    }

    private final JdbcClient jdbc;

    public MailFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void address(UUID attendeeId, UUID conferenceId, String email) {
        jdbc.sql("""
                        insert into mail_recipient (attendee_id, conference_id, email) values (?, ?, ?)
                        on conflict (attendee_id) do update set email = excluded.email""")
                .params(attendeeId, conferenceId, email)
                .update();
    }

    /** Forgets the attendee's address; the one it was, if it was known. */
    public Optional<String> forgetAddress(UUID attendeeId) {
        return jdbc.sql("delete from mail_recipient where attendee_id = ? returning email").param(attendeeId)
                .query(String.class).optional();
    }

    public Optional<String> addressOf(UUID attendeeId) {
        return jdbc.sql("select email from mail_recipient where attendee_id = ?").param(attendeeId)
                .query(String.class).optional();
    }

    public void shift(UUID shiftId, UUID conferenceId, String title, String location, OffsetDateTime startsAt,
                      OffsetDateTime endsAt) {
        jdbc.sql("""
                        insert into mail_shift (shift_id, conference_id, title, location, starts_at, ends_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (shift_id) do update set title = excluded.title, location = excluded.location,
                            starts_at = excluded.starts_at, ends_at = excluded.ends_at""")
                .params(shiftId, conferenceId, title, location, Timestamp.from(startsAt.toInstant()),
                        Timestamp.from(endsAt.toInstant()))
                .update();
    }

    public Optional<Shift> shift(UUID shiftId) {
        return jdbc.sql("select title, location, starts_at, ends_at from mail_shift where shift_id = ?")
                .param(shiftId)
                .query((rs, n) -> new Shift(shiftId, rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    public void dinner(UUID dinnerId, UUID conferenceId, String name, OffsetDateTime startsAt) {
        jdbc.sql("""
                        insert into mail_dinner (dinner_id, conference_id, name, starts_at) values (?, ?, ?, ?)
                        on conflict (dinner_id) do update set name = excluded.name, starts_at = excluded.starts_at""")
                .params(dinnerId, conferenceId, name, Timestamp.from(startsAt.toInstant()))
                .update();
    }

    public Optional<Dinner> dinner(UUID dinnerId) {
        return jdbc.sql("select name, starts_at from mail_dinner where dinner_id = ?")
                .param(dinnerId)
                .query((rs, n) -> new Dinner(dinnerId, rs.getString(1), rs.getTimestamp(2).toInstant()))
                .optional();
    }

    public void sprint(UUID sprintId, UUID conferenceId, String project) {
        jdbc.sql("""
                        insert into mail_sprint (sprint_id, conference_id, project) values (?, ?, ?)
                        on conflict (sprint_id) do update set project = excluded.project""")
                .params(sprintId, conferenceId, project)
                .update();
    }

    public Optional<Sprint> sprint(UUID sprintId) {
        return jdbc.sql("select project from mail_sprint where sprint_id = ?")
                .param(sprintId)
                .query((rs, n) -> new Sprint(sprintId, rs.getString(1)))
                .optional();
    }
}
