package io.lanyard.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests one caller (token {@code sub}, or the client address without a token) may make to one instance.
 * The defaults let an organizer's bulk work and the benchmark's clients through untouched and stop a runaway script.
 *
 * @param enabled   off only for experiments; production keeps it on
 * @param burst     requests a caller may make at once before being paced
 * @param perSecond requests a caller regains every second
 * @param callers   callers remembered at once; the least recently seen are forgotten first
 * @param idle      a caller not seen for this long starts again with a full burst
 */
@ConfigurationProperties("lanyard.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2000") long burst,
        @DefaultValue("500") long perSecond,
        @DefaultValue("100000") long callers,
        @DefaultValue("10m") Duration idle) {
}
