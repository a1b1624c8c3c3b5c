package io.lanyard.registration.registrations.write;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.directory.Organizers.KnownConference;
import io.lanyard.registration.PersonalDataPurgeProperties;
import io.lanyard.registration.RegistrationApplication;

/**
 * Purging a conference's personal data after the event: every attendee of it is erased as the erasure endpoint
 * erases one ({@code EraseAttendee}: the key goes, {@code AttendeeErased} tells the other services), so seats stay
 * sold and counts stay. A purge is a row of {@code personal_data_purge}, written when an operator asks or when the
 * automatic purge finds the conference's time has come, and worked off in batches by whichever instance claims it:
 * each attendee in a transaction of their own, so 3,300 attendees are neither one long transaction nor lost work
 * when the process stops halfway. The row stays unfinished until no attendee of the conference is left unerased;
 * erasing is idempotent, so whoever takes it up again after a restart simply carries on.
 */
@Component
public class PersonalDataPurges {

    /** Said once the request is stored, so that a worker starts on it now rather than at its next poll. */
    public record PurgeRequested(UUID conferenceId) {
    }

    private static final Logger log = LoggerFactory.getLogger(PersonalDataPurges.class);

    private final JdbcClient jdbc;
    private final Commands commands;
    private final Organizers organizers;
    private final ConferenceRegistrations registrations;
    private final Clock clock;
    private final PersonalDataPurgeProperties properties;
    private final ApplicationEventPublisher events;
    private final String owner;

    PersonalDataPurges(JdbcClient jdbc, Commands commands, Organizers organizers,
                       ConferenceRegistrations registrations, Clock clock, PersonalDataPurgeProperties properties,
                       ApplicationEventPublisher events, IdGenerator ids) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.organizers = organizers;
        this.registrations = registrations;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
        // a claim is this context's own: another instance, or this one restarted, is another owner
        this.owner = RegistrationApplication.NAME + "-purge/" + ids.generateId();
    }

    /** The moment a conference is over: midnight after its last day, where it takes place; null without dates. */
    public static Instant endOf(KnownConference conference) {
        return conference.endsOn() == null ? null
                : conference.endsOn().plusDays(1).atStartOfDay(conference.zone()).toInstant();
    }

    /**
     * An operator's purge: 404 for an unknown conference, 409 {@code conference-not-ended} before its end. Asking
     * again while it runs, or after it finished with every attendee erased, changes nothing; after it finished with
     * someone registered since, it runs again for them.
     */
    void requestByOperator(UUID conferenceId) throws ConferenceNotEndedException {
        KnownConference conference = organizers.requireKnownConference(conferenceId);
        Instant end = endOf(conference);
        Instant now = clock.instant();
        if (end == null) {
            throw new ConferenceNotEndedException("the conference's dates are not known here; replay conference-view "
                    + "to fill them in");
        }
        if (now.isBefore(end)) {
            throw new ConferenceNotEndedException("the conference ends at " + end + "; its attendees' personal data "
                    + "can be purged from then on");
        }
        int stored = jdbc.sql("""
                        insert into personal_data_purge (conference_id, requested_by, requested_at)
                        values (?, 'OPERATOR', ?)
                        on conflict (conference_id) do nothing""")
                .params(conferenceId, Timestamp.from(now))
                .update();
        if (stored == 0 && registrations.hasUnerasedAttendees(conferenceId)) {
            stored = jdbc.sql("""
                            update personal_data_purge set requested_by = 'OPERATOR', requested_at = ?,
                                                           finished_at = null
                            where conference_id = ? and finished_at is not null""")
                    .params(Timestamp.from(now), conferenceId)
                    .update();
        }
        if (stored > 0) {
            log.info("Purge of conference {}'s personal data requested by an operator", conferenceId);
            events.publishEvent(new PurgeRequested(conferenceId));
        }
    }

    /**
     * The automatic purge: requests, once per conference, the purge of every conference whose end lies at least
     * {@code after} in the past. A conference purged before, by an operator or by this, is not purged again.
     *
     * @return the conferences requested now
     */
    public List<UUID> requestDue(Duration after) {
        Instant latestEnd = clock.instant().minus(after);
        // a superset in SQL (no time zone puts a day's end more than a day after its UTC midnight), exact in Java
        LocalDate candidatesEndedBy = LocalDate.ofInstant(latestEnd, ZoneOffset.UTC).plusDays(1);
        List<KnownConference> candidates = jdbc.sql("""
                        select k.conference_id, k.name, k.starts_on, k.ends_on, k.time_zone from known_conference k
                        where k.ends_on <= ?
                          and not exists (select 1 from personal_data_purge p where p.conference_id = k.conference_id)
                        order by k.ends_on, k.conference_id""")
                .param(candidatesEndedBy)
                .query((rs, n) -> new KnownConference(rs.getObject("conference_id", UUID.class), rs.getString("name"),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        rs.getString("time_zone")))
                .list();
        List<UUID> requested = new ArrayList<>();
        for (KnownConference conference : candidates) {
            if (endOf(conference).plus(after).isAfter(clock.instant())) {
                continue;
            }
            int stored = jdbc.sql("""
                            insert into personal_data_purge (conference_id, requested_by, requested_at)
                            values (?, 'AUTOMATIC', ?)
                            on conflict (conference_id) do nothing""")
                    .params(conference.conferenceId(), Timestamp.from(clock.instant()))
                    .update();
            if (stored > 0) {
                log.info("Purge of conference {}'s personal data due: it ended at {}, {} ago", conference.conferenceId(),
                        endOf(conference), after);
                requested.add(conference.conferenceId());
            }
        }
        return requested;
    }

    /**
     * Claims the longest-waiting unfinished purge that no instance holds, for {@code purge-lease}. The lease runs on
     * the database's time, so instances whose clocks differ agree on when it ran out.
     */
    public Optional<UUID> claimNext() {
        return jdbc.sql("""
                        update personal_data_purge
                        set claimed_until = now() + ? * interval '1 millisecond', claimed_by = ?
                        where conference_id = (select conference_id from personal_data_purge
                                               where finished_at is null
                                                 and (claimed_until is null or claimed_until < now())
                                               order by requested_at, conference_id
                                               limit 1 for update skip locked)
                        returning conference_id""")
                .params(properties.purgeLease().toMillis(), owner)
                .query(UUID.class)
                .optional();
    }

    /**
     * Erases the claimed conference's attendees, {@code batchSize} at a time, renewing the claim after each batch,
     * until none is left or the thread is interrupted (the service stopping: the claim is let go, so the next start
     * or another instance takes it up at once). An attendee whose erasure failed is left for the next attempt, once
     * the lease ran out.
     */
    public void carryOut(UUID conferenceId, int batchSize) {
        UUID after = null;
        int erased = 0;
        int failed = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<UUID> batch = registrations.unerasedAttendees(conferenceId, after, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            int erasedInBatch = 0;
            for (UUID attendeeId : batch) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                try {
                    commands.send(new RegistrationMessages.EraseAttendee(attendeeId, clock.instant()));
                    erasedInBatch++;
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("Purge of conference {}: erasing attendee {} failed, left for the next attempt: {}",
                            conferenceId, attendeeId, e.toString());
                }
                after = attendeeId;
            }
            erased += erasedInBatch;
            jdbc.sql("""
                            update personal_data_purge
                            set attendees_erased = attendees_erased + ?,
                                claimed_until = now() + ? * interval '1 millisecond'
                            where conference_id = ? and claimed_by = ?""")
                    .params(erasedInBatch, properties.purgeLease().toMillis(), conferenceId, owner)
                    .update();
        }
        if (Thread.currentThread().isInterrupted()) {
            jdbc.sql("update personal_data_purge set claimed_until = null where conference_id = ? and claimed_by = ?")
                    .params(conferenceId, owner).update();
            log.info("Purge of conference {} stopped after {} erasures; it carries on at the next start", conferenceId,
                    erased);
            return;
        }
        if (failed == 0 && !registrations.hasUnerasedAttendees(conferenceId)) {
            jdbc.sql("""
                            update personal_data_purge set finished_at = ?, claimed_until = null
                            where conference_id = ? and claimed_by = ?""")
                    .params(Timestamp.from(clock.instant()), conferenceId, owner)
                    .update();
            log.info("Purge of conference {} finished: {} attendees erased", conferenceId, erased);
        } else {
            log.warn("Purge of conference {}: {} attendees erased, {} failed; tried again once its lease ran out",
                    conferenceId, erased, failed);
        }
    }
}
