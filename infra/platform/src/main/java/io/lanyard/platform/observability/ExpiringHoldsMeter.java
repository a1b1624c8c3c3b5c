package io.lanyard.platform.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** Publishes a service's {@link ExpiringHolds}, when it has one; both gauges share one answer per second. */
final class ExpiringHoldsMeter implements MeterBinder {

    private final ObjectProvider<ExpiringHolds> holds;
    private final Clock clock;
    private ExpiringHolds source;
    private ExpiringHolds.Count last = new ExpiringHolds.Count(0, 0);
    private Instant at = Instant.MIN;

    ExpiringHoldsMeter(ObjectProvider<ExpiringHolds> holds, Clock clock) {
        this.holds = holds;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        source = holds.getIfUnique();
        if (source == null) {
            return;
        }
        Gauge.builder(ExpiringHolds.GAUGE, this, m -> m.count().pending())
                .description("holds that expire unless paid").tag("state", "pending").register(registry);
        Gauge.builder(ExpiringHolds.GAUGE, this, m -> m.count().overdue())
                .description("holds past their expiry time that have not expired yet").tag("state", "overdue")
                .register(registry);
    }

    private synchronized ExpiringHolds.Count count() {
        Instant now = clock.instant();
        if (at.plus(Duration.ofSeconds(1)).isBefore(now)) {
            last = source.count(now);
            at = now;
        }
        return last;
    }
}
