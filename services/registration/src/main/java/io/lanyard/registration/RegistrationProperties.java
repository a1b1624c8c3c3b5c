package io.lanyard.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxQuotaSegments how many independently locked segments a large quota is split into
 * @param seatsPerSegment  the smallest segment worth splitting off; small quotas stay in one segment
 */
@ConfigurationProperties("lanyard.registration")
public record RegistrationProperties(@DefaultValue("32") int maxQuotaSegments, @DefaultValue("50") int seatsPerSegment) {
}
