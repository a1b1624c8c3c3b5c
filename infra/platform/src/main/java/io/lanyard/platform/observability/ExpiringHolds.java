package io.lanyard.platform.observability;

import java.time.Instant;

/**
 * The hook for a service that holds things for a limited time (dinners holds seats until payment): a bean of this
 * type is published as the gauge {@code lanyard.holds.expiring} with tag {@code state} {@code pending} (held, due
 * to expire unless paid) and {@code overdue} (past their expiry time and not expired yet, which means the deadline
 * scheduler is behind). Answer from the service's own tables; the gauge asks at most once per scrape.
 */
public interface ExpiringHolds {

    String GAUGE = "lanyard.holds.expiring";

    record Count(long pending, long overdue) {
    }

    Count count(Instant now);
}
