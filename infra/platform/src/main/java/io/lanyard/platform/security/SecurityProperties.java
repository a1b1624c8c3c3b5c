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
 */
@ConfigurationProperties("lanyard.security")
public record SecurityProperties(
        String devKey,
        String issuerUri,
        String jwkSetUri,
        String audience,
        @DefaultValue("12h") Duration devTokenLifetime,
        @DefaultValue("60s") Duration clockSkew) {
}
