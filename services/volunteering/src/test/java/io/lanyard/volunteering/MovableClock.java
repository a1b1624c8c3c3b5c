package io.lanyard.volunteering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's clock in its HTTP tests: the real time, unless a test moves it to a moment of the conference week
 * (a shift has begun, attendance can be recorded). It keeps ticking from there, and every test starts again from
 * the real time ({@link VolunteeringTestSupport} puts it back after each test).
 */
public final class MovableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    /** From now on the service's time is {@code instant}, and runs on from there. */
    public void moveTo(Instant instant) {
        ahead = Duration.between(Instant.now(), instant);
    }

    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same moving time, seen from another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock clock = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return clock.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return clock.withZone(other);
            }
        };
    }

    /**
     * Found by the application's component scan like any configuration class on the test class path, so that every
     * HTTP test shares one context; the platform's own {@code Clock} steps aside for it.
     */
    @Configuration(proxyBeanMethods = false)
    static class InTests {

        @Bean
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
