package io.lanyard.platform.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.platform.problems.NotRegisteredException;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;

/** The attendees this service knows from registration's events: who they are and whether they are still in. */
public class Attendees {

    public enum Status { REGISTERED, CANCELLED }

    public record KnownAttendee(UUID attendeeId, UUID conferenceId, String subject, String name, Status status) {
        public boolean active() {
            return status == Status.REGISTERED;
        }
    }

    private final JdbcClient jdbc;
    private final Organizers organizers;
    private final ReplicationCatchUp catchUp;

    public Attendees(JdbcClient jdbc, Organizers organizers, ReplicationCatchUp catchUp) {
        this.jdbc = jdbc;
        this.organizers = organizers;
        this.catchUp = catchUp;
    }

    public void registered(UUID attendeeId, UUID conferenceId, String subject, String name) {
        jdbc.sql("""
                        insert into known_attendee (attendee_id, conference_id, subject, name, status)
                        values (?, ?, ?, ?, 'REGISTERED')
                        on conflict (attendee_id) do nothing""")
                .params(attendeeId, conferenceId, subject, name)
                .update();
    }

    public void cancelled(UUID attendeeId) {
        jdbc.sql("update known_attendee set status = 'CANCELLED' where attendee_id = ?").param(attendeeId).update();
    }

    /** Forgets who the attendee was; their registration, and so the directory's counts, stay. */
    public void erased(UUID attendeeId) {
        jdbc.sql("update known_attendee set subject = ?, name = ? where attendee_id = ?")
                .params(PersonalFields.ERASED, PersonalFields.ERASED, attendeeId)
                .update();
    }

    public Optional<KnownAttendee> find(UUID conferenceId, UUID attendeeId) {
        return jdbc.sql("select * from known_attendee where attendee_id = ? and conference_id = ?")
                .params(attendeeId, conferenceId)
                .query((rs, n) -> new KnownAttendee(rs.getObject("attendee_id", UUID.class),
                        rs.getObject("conference_id", UUID.class), rs.getString("subject"), rs.getString("name"),
                        Status.valueOf(rs.getString("status"))))
                .optional();
    }

    /** Every registration of one person (token {@code sub}) in the conference, cancelled ones included, by id. */
    public List<UUID> registrationsOf(UUID conferenceId, String subject) {
        return jdbc.sql("select attendee_id from known_attendee where conference_id = ? and subject = ? "
                        + "order by attendee_id")
                .params(conferenceId, subject)
                .query(UUID.class)
                .list();
    }

    /** Like {@link #find}, but gives replication a moment when the attendee is not known yet. */
    public Optional<KnownAttendee> findCatchingUp(UUID conferenceId, UUID attendeeId) {
        catchUp.until("attendee/" + attendeeId, () -> find(conferenceId, attendeeId).isPresent());
        return find(conferenceId, attendeeId);
    }

    /**
     * The attendee as this service knows them (404 {@code not-found} if it does not, after replication's moment),
     * provided the caller is that attendee or an organizer of the conference (403 otherwise).
     */
    public KnownAttendee requireSelfOrOrganizer(UUID conferenceId, UUID attendeeId, Caller caller) {
        KnownAttendee attendee = findCatchingUp(conferenceId, attendeeId)
                .orElseThrow(() -> new NotFoundException("attendee", attendeeId));
        organizers.requireSelfOrOrganizer(conferenceId, attendee.subject(), caller);
        return attendee;
    }

    /**
     * The attendee must be registered and active (422 {@code not-registered} otherwise), and the caller must be
     * that attendee or an organizer of the conference (403 otherwise). Called inside a command's transaction after
     * {@link AttendeeLocks#lock}, the answer holds until that transaction commits.
     */
    public KnownAttendee requireActingFor(UUID conferenceId, UUID attendeeId, Caller caller)
            throws NotRegisteredException {
        organizers.requireConference(conferenceId);
        Optional<KnownAttendee> known = findCatchingUp(conferenceId, attendeeId);
        if (known.isPresent()) {
            organizers.requireSelfOrOrganizer(conferenceId, known.get().subject(), caller);
        }
        if (known.isEmpty() || !known.get().active()) {
            throw new NotRegisteredException(attendeeId);
        }
        return known.get();
    }
}
