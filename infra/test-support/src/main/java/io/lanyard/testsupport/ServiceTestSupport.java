package io.lanyard.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.DevTokens;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Base of HTTP tests for a service that learns conferences and attendees from registration's events: sets them up
 * through Kafka, as registration would, and waits until the service's replica has them.
 */
public abstract class ServiceTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected DevTokens tokens;

    @Autowired
    protected Organizers organizers;

    @Autowired
    protected Attendees attendees;

    @Autowired
    protected MovableClock clock;

    @Autowired
    private ApplicationContext context;

    /** The service's time is {@code moment} from now on, until the test ends. */
    protected void clockAt(Instant moment) {
        clock.moveTo(moment);
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** Holds locks and watches the command bus, for tests of commands decided together. */
    protected GroupCommits groupCommits() {
        return new GroupCommits(context.getBean(JdbcClient.class), context.getBean(PlatformTransactionManager.class),
                context.getBean(AttendeeLocks.class), context.getBean(MeterRegistry.class));
    }

    protected Http http() {
        return Http.on(port);
    }

    protected String token(String subject) {
        return tokens.mint(subject, List.of());
    }

    protected String organizerToken(String subject) {
        return tokens.mint(subject, List.of("ORGANIZER"));
    }

    /** A conference organized by {@code organizer}, known to this service. */
    protected UUID conference(String organizer) {
        UUID conferenceId = RegistrationFeed.conferenceCreated(organizer);
        await().atMost(Duration.ofSeconds(30)).until(() -> organizers.isOrganizer(conferenceId, organizer));
        return conferenceId;
    }

    /** A registered attendee of the conference, known to this service. */
    protected UUID attendee(UUID conferenceId, String subject, String name) {
        UUID attendeeId = RegistrationFeed.attendeeRegistered(conferenceId, subject, name);
        await().atMost(Duration.ofSeconds(30)).until(() -> attendees.find(conferenceId, attendeeId).isPresent());
        return attendeeId;
    }

    /**
     * {@code count} registered attendees of the conference, subjects {@code prefix-0} onwards (each their own name),
     * registered at once and waited for together.
     */
    protected List<UUID> registeredAttendees(UUID conferenceId, String prefix, int count) {
        List<UUID> attendeeIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            attendeeIds.add(RegistrationFeed.attendeeRegistered(conferenceId, prefix + "-" + i, prefix + "-" + i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> attendeeIds.stream()
                .allMatch(attendeeId -> attendees.find(conferenceId, attendeeId).isPresent()));
        return attendeeIds;
    }

    /** Registration cancels the attendee; waits until this service has seen it. */
    protected void cancelRegistration(UUID conferenceId, UUID attendeeId, String subject) {
        RegistrationFeed.attendeeCancelled(conferenceId, attendeeId, subject);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                attendees.find(conferenceId, attendeeId).map(a -> !a.active()).orElse(false));
    }
}
