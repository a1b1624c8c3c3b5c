package io.lanyard.platform.directory;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.platform.personaldata.PersonalDataKeys;

/**
 * Conferences, organizers and attendees as every service needs them. Registration owns them and projects its own
 * events ({@code lanyard.directory.replicate=false}); the others replicate them from Kafka.
 */
@AutoConfiguration
public class DirectoryConfiguration {

    /**
     * A client that registers and at once asks another service about that registration may be a few milliseconds
     * ahead of Kafka. Before a replicating service answers "unknown conference" or "unknown attendee" it gives
     * replication a moment to catch up, bounded (see {@link ReplicationCatchUp}); the owner of the data answers at
     * once.
     */
    @Bean
    ReplicationCatchUp replicationCatchUp(
            @Value("${lanyard.directory.replicate:true}") boolean replicate,
            @Value("${lanyard.directory.catch-up:2s}") Duration catchUp,
            @Value("${lanyard.directory.catch-up-waiting:8}") int maxWaiting,
            @Value("${lanyard.directory.catch-up-miss-memory:2s}") Duration rememberMisses) {
        return replicate ? new ReplicationCatchUp(catchUp, maxWaiting, rememberMisses) : ReplicationCatchUp.none();
    }

    @Bean
    Organizers organizers(JdbcClient jdbc, ReplicationCatchUp catchUp) {
        return new Organizers(jdbc, catchUp);
    }

    @Bean
    Attendees attendees(JdbcClient jdbc, Organizers organizers, ReplicationCatchUp catchUp) {
        return new Attendees(jdbc, organizers, catchUp);
    }

    @Bean
    ConferenceCalendar conferenceCalendar(Organizers organizers, Clock clock,
            @Value("${lanyard.directory.date-margin-days:3}") int marginDays) {
        return new ConferenceCalendar(organizers, clock, marginDays);
    }

    @Bean
    CommitLocks commitLocks(JdbcClient jdbc) {
        return new CommitLocks(jdbc);
    }

    @Bean
    AttendeeLocks attendeeLocks(CommitLocks locks) {
        return new AttendeeLocks(locks);
    }

    /** Registered on the command bus by Axon's interceptor auto-configuration, as every handler interceptor bean. */
    @Bean
    AttendeeLocksFirst attendeeLocksFirst(AttendeeLocks locks, Attendees attendees) {
        return new AttendeeLocksFirst(locks, attendees);
    }

    @Bean
    @ConditionalOnProperty(name = "lanyard.directory.replicate", havingValue = "true", matchIfMissing = true)
    DirectoryReplica directoryReplica(Organizers organizers, Attendees attendees, PersonalDataKeys keys) {
        return new DirectoryReplica(organizers, attendees, keys);
    }

    @Bean
    @ConditionalOnProperty(name = "lanyard.directory.replicate", havingValue = "true", matchIfMissing = true)
    KnownAttendeeController knownAttendeeController(Attendees attendees) {
        return new KnownAttendeeController(attendees);
    }
}
