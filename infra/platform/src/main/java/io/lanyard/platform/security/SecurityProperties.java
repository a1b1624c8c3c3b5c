package io.lanyard.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param devKey     shared HMAC key of the {@code dev} profile; when set, tokens are checked with it
 * @param issuerUri  the token issuer outside {@code dev}; its JWK set verifies signatures
 * @param jwkSetUri  a JWK set to use when the issuer publishes no discovery document (the issuer is still checked)
 * @param audience   when set, a token's {@code aud} must contain it
 * @param clockSkew  how far the issuer's clock may be from ours when {@code exp} and {@code nbf} are checked
 * @param verifiedTokens     how many verified tokens are remembered, so their next use needs no signature check
 * @param verifiedTokensKept the longest a verified token is remembered (never beyond its {@code exp})
 */
@ConfigurationProperties("lanyard.security")
public record SecurityProperties(
        String devKey,
        String issuerUri,
        String jwkSetUri,
        String audience,
        @DefaultValue("12h") Duration devTokenLifetime,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("4096") int verifiedTokens,
        @DefaultValue("10m") Duration verifiedTokensKept) {
}
