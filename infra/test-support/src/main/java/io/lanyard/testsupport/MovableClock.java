package io.lanyard.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A service's clock in its tests: the real time, unless a test moves it to a moment of the conference week (a shift
 * has begun, a dinner's cut-off has passed), from where it keeps ticking. {@link ServiceTestSupport} puts it back
 * after each test. Only the service's injected {@code Clock} moves: db-scheduler and Kafka keep the real time, so
 * moving it fires no deadline early.
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
}
