package io.lanyard.sprints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's clock in the HTTP tests: the real time (before the test conference's week, so no sprint day has
 * begun) until a test sets it to a morning of that week, from where it keeps ticking. {@link SprintsTestSupport}
 * sets it back after every test.
 */
public final class SprintsClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    void setTo(Instant now) {
        shift = Duration.between(Instant.now(), now);
    }

    void realTime() {
        shift = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same set time, seen from another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        SprintsClock set = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return set.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return set.withZone(other);
            }
        };
    }

    /**
     * A configuration class on the test class path, so the application's component scan finds it in every sprints
     * context without a context of its own; the platform's {@code Clock} gives way to it.
     */
    @Configuration(proxyBeanMethods = false)
    static class InTheTests {

        @Bean
        SprintsClock sprintsClock() {
            return new SprintsClock();
        }
    }
}
