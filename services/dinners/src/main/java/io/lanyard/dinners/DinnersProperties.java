package io.lanyard.dinners;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param holdDuration       how long a held seat waits for payment before it goes down the waiting list
 * @param cancellationCutoff how long before a dinner starts its guests may no longer cancel themselves
 */
@ConfigurationProperties("lanyard.dinners")
public record DinnersProperties(@DefaultValue("15m") Duration holdDuration,
                                @DefaultValue("48h") Duration cancellationCutoff) {
}
