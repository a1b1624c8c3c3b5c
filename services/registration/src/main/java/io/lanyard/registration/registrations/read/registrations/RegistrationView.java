package io.lanyard.registration.registrations.read.registrations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.operations.ReadModelTables;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.platform.problems.RefusedInTransaction;
import io.lanyard.registration.registrations.write.ActiveRegistrations;
import io.lanyard.registration.registrations.write.AlreadyRegisteredException;
import io.lanyard.registration.registrations.write.AttendeeCheckedIn;
import io.lanyard.registration.registrations.write.AttendeeErased;
import io.lanyard.registration.registrations.write.AttendeeRegistered;
import io.lanyard.registration.registrations.write.ConferenceRegistrations;
import io.lanyard.registration.registrations.write.RegistrationCancelled;

/**
 * Registrations as organizers and attendees see them, written in the command's transaction. Its unique index on
 * a subject's live registration is the safety net behind {@link ActiveRegistrations}: two simultaneous first
 * registrations of one subject both pass the check, and the second insert rolls its whole sale back.
 */
@Component
@ProcessingGroup("registration-view")
@ReadModelTables({"registration_view", "known_attendee"})
class RegistrationView implements ActiveRegistrations, ConferenceRegistrations {

    enum Status { CONFIRMED, CANCELLED, ERASED }

    record RegistrationDetails(UUID id, UUID conferenceId, String subject, String name, String email,
                               UUID ticketTypeId, Status status, boolean checkedIn) {
    }

    /** The least uuid in PostgreSQL's order (it compares the bytes unsigned), where a walk in id order starts. */
    private static final UUID NIL = new UUID(0L, 0L);

    private final JdbcClient jdbc;
    private final Attendees attendees;

    RegistrationView(JdbcClient jdbc, Attendees attendees) {
        this.jdbc = jdbc;
        this.attendees = attendees;
    }

    @EventHandler
    void on(AttendeeRegistered event) {
        try {
            jdbc.sql("""
                            insert into registration_view (attendee_id, conference_id, ticket_type_id, subject, name,
                                                           email, status, checked_in, registered_at)
                            values (?, ?, ?, ?, ?, ?, 'CONFIRMED', false, ?)""")
                    .params(event.attendeeId(), event.conferenceId(), event.ticketTypeId(),
                            subjectOf(event.attendeeId(), event.subject()), event.name(), event.email(),
                            java.sql.Timestamp.from(event.registeredAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RefusedInTransaction(new AlreadyRegisteredException());
        }
        attendees.registered(event.attendeeId(), event.conferenceId(), event.subject(), event.name());
    }

    @EventHandler
    void on(RegistrationCancelled event) {
        jdbc.sql("update registration_view set status = 'CANCELLED' where attendee_id = ? and status <> 'ERASED'")
                .param(event.attendeeId()).update();
        attendees.cancelled(event.attendeeId());
    }

    @EventHandler
    void on(AttendeeCheckedIn event) {
        jdbc.sql("update registration_view set checked_in = true where attendee_id = ?")
                .param(event.attendeeId()).update();
    }

    /** Name, e-mail address and subject go; the row, and so the counts of registrations, stays. */
    @EventHandler
    void on(AttendeeErased event) {
        jdbc.sql("update registration_view set status = 'ERASED', subject = ?, name = ?, email = ? "
                        + "where attendee_id = ?")
                .params(erasedSubject(event.attendeeId()), PersonalFields.ERASED, PersonalFields.ERASED,
                        event.attendeeId())
                .update();
        attendees.erased(event.attendeeId());
    }

    /**
     * An erased attendee's subject reads as the placeholder when their registration is replayed; one of their
     * own per attendee keeps the index on live registrations from seeing two erased attendees as one subject.
     */
    private static String subjectOf(UUID attendeeId, String subject) {
        return PersonalFields.ERASED.equals(subject) ? erasedSubject(attendeeId) : subject;
    }

    private static String erasedSubject(UUID attendeeId) {
        return PersonalFields.ERASED + " " + attendeeId;
    }

    @Override
    public boolean hasActiveRegistration(UUID conferenceId, String subject) {
        return jdbc.sql("""
                        select count(*) from registration_view
                        where conference_id = ? and subject = ? and status = 'CONFIRMED'""")
                .params(conferenceId, subject).query(Long.class).single() > 0;
    }

    @Override
    public List<UUID> unerasedAttendees(UUID conferenceId, UUID after, int limit) {
        return jdbc.sql("""
                        select attendee_id from registration_view
                        where conference_id = ? and status <> 'ERASED' and attendee_id > ?
                        order by attendee_id limit ?""")
                .params(conferenceId, after == null ? NIL : after, limit)
                .query(UUID.class)
                .list();
    }

    @Override
    public boolean hasUnerasedAttendees(UUID conferenceId) {
        return jdbc.sql("select exists (select 1 from registration_view where conference_id = ? and status <> 'ERASED')")
                .param(conferenceId).query(Boolean.class).single();
    }

    Optional<RegistrationDetails> find(UUID conferenceId, UUID attendeeId) {
        return jdbc.sql("select * from registration_view where attendee_id = ? and conference_id = ?")
                .params(attendeeId, conferenceId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    List<RegistrationDetails> page(UUID conferenceId, int page, int size) {
        return jdbc.sql("""
                        select * from registration_view where conference_id = ?
                        order by registered_at, attendee_id limit ? offset ?""")
                .params(conferenceId, size, (long) page * size)
                .query((rs, n) -> map(rs))
                .list();
    }

    long count(UUID conferenceId) {
        return jdbc.sql("select count(*) from registration_view where conference_id = ?")
                .param(conferenceId).query(Long.class).single();
    }

    private static RegistrationDetails map(ResultSet rs) throws SQLException {
        return new RegistrationDetails(rs.getObject("attendee_id", UUID.class), rs.getObject("conference_id", UUID.class),
                rs.getString("subject"), rs.getString("name"), rs.getString("email"),
                rs.getObject("ticket_type_id", UUID.class), Status.valueOf(rs.getString("status")),
                rs.getBoolean("checked_in"));
    }
}
