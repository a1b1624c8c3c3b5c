package io.lanyard.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registration's settings for purging a conference's personal data after the event; the platform's
 * {@code PersonalDataProperties} binds the key cache's settings under the same prefix.
 *
 * @param purgeAfter        how long after the conference's last day (its end, midnight after {@code endsOn} in its
 *                          time zone) its attendees are erased automatically; unset, nothing is purged unless an
 *                          operator asks
 * @param purgeBatchSize    how many attendees one batch erases before the worker renews its lease and looks again
 * @param purgePollInterval how often each instance looks for purges that are due or unfinished
 * @param purgeLease        how long an instance's claim on a purge keeps the others away; renewed after every batch,
 *                          so a purge left by an instance that died is taken up again after at most this long
 */
@ConfigurationProperties("lanyard.personal-data")
public record PersonalDataPurgeProperties(
        Duration purgeAfter,
        @DefaultValue("100") int purgeBatchSize,
        @DefaultValue("30s") Duration purgePollInterval,
        @DefaultValue("2m") Duration purgeLease) {

    public PersonalDataPurgeProperties {
        if (purgeAfter != null && purgeAfter.isNegative()) {
            throw new IllegalArgumentException("lanyard.personal-data.purge-after must not be negative");
        }
        if (purgeBatchSize < 1) {
            throw new IllegalArgumentException("lanyard.personal-data.purge-batch-size must be at least 1");
        }
        if (!purgePollInterval.isPositive() || !purgeLease.isPositive()) {
            throw new IllegalArgumentException("lanyard.personal-data.purge-poll-interval and purge-lease must be "
                    + "positive");
        }
    }

    public boolean purgesAutomatically() {
        return purgeAfter != null;
    }
}
