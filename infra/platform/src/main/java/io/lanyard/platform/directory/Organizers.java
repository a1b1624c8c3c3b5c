package io.lanyard.platform.directory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.ForbiddenException;
import io.lanyard.platform.web.NotFoundException;

/**
 * Which conferences exist and who organizes them, as this service knows it: registration projects its own events
 * here, every other service replicates them from Kafka.
 */
public class Organizers {

    private final JdbcClient jdbc;
    private final ReplicationCatchUp catchUp;

    public Organizers(JdbcClient jdbc, ReplicationCatchUp catchUp) {
        this.jdbc = jdbc;
        this.catchUp = catchUp;
    }

    /** A conference as this service knows it; dates are null for one replicated before they were kept. */
    public record KnownConference(UUID conferenceId, String name, LocalDate startsOn, LocalDate endsOn,
                                  String timeZone) {
        public ZoneId zone() {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        }
    }

    public void conferenceCreated(UUID conferenceId, String name, LocalDate startsOn, LocalDate endsOn,
                                  String timeZone, String organizer) {
        jdbc.sql("""
                        insert into known_conference (conference_id, name, starts_on, ends_on, time_zone)
                        values (?, ?, ?, ?, ?)
                        on conflict (conference_id) do nothing""")
                .params(conferenceId, name, startsOn, endsOn, timeZone)
                .update();
        organizerAdded(conferenceId, organizer);
    }

    public Optional<KnownConference> conference(UUID conferenceId) {
        return jdbc.sql("select * from known_conference where conference_id = ?")
                .param(conferenceId)
                .query((rs, n) -> new KnownConference(rs.getObject("conference_id", UUID.class), rs.getString("name"),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        rs.getString("time_zone")))
                .optional();
    }

    /** The conference, after replication's moment; 404 if this service does not know it. */
    public KnownConference requireKnownConference(UUID conferenceId) {
        requireConference(conferenceId);
        return conference(conferenceId).orElseThrow(() -> new NotFoundException("conference", conferenceId));
    }

    public void organizerAdded(UUID conferenceId, String subject) {
        jdbc.sql("insert into conference_organizer (conference_id, subject) values (?, ?) on conflict do nothing")
                .params(conferenceId, subject)
                .update();
    }

    public boolean conferenceExists(UUID conferenceId) {
        return jdbc.sql("select count(*) from known_conference where conference_id = ?")
                .param(conferenceId).query(Long.class).single() > 0;
    }

    public boolean isOrganizer(UUID conferenceId, String subject) {
        return jdbc.sql("select count(*) from conference_organizer where conference_id = ? and subject = ?")
                .params(conferenceId, subject).query(Long.class).single() > 0;
    }

    /** 404 for a conference this service does not know, 403 for a caller who does not organize it. */
    public void requireOrganizer(UUID conferenceId, Caller caller) {
        requireConference(conferenceId);
        if (!isOrganizerCatchingUp(conferenceId, caller)) {
            throw new ForbiddenException("only organizers of this conference may do this");
        }
    }

    /**
     * 403 unless the caller is the person behind {@code subject} (the attendee acting for themselves) or an organizer
     * of the conference; an organizer made a moment ago is given replication's moment here as everywhere. An erased
     * attendee's subject is nobody's: a token whose {@code sub} happens to read like the placeholder is not them.
     */
    public void requireSelfOrOrganizer(UUID conferenceId, String subject, Caller caller) {
        boolean self = caller.subject().equals(subject) && !PersonalFields.isErased(subject);
        if (!self && !isOrganizerCatchingUp(conferenceId, caller)) {
            throw new ForbiddenException("only the attendee and organizers of this conference may do this");
        }
    }

    /** Someone just made an organizer may reach this service before the OrganizerAdded event does. */
    private boolean isOrganizerCatchingUp(UUID conferenceId, Caller caller) {
        String key = "organizer/" + conferenceId + "/" + caller.subject();
        return isOrganizer(conferenceId, caller.subject())
                || caller.hasRole(Caller.ORGANIZER) && catchUp.until(key, () -> isOrganizer(conferenceId, caller.subject()));
    }

    public void requireConference(UUID conferenceId) {
        if (!catchUp.until("conference/" + conferenceId, () -> conferenceExists(conferenceId))) {
            throw new NotFoundException("conference", conferenceId);
        }
    }
}
