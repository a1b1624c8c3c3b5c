package io.lanyard.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What a token must be, whichever issuer signed it: from the expected issuer, not expired nor used before its
 * {@code nbf} (Spring's timestamp check, tolerating the given clock skew), with an {@code exp} at all (that check
 * lets a token without one through), and, when an audience is configured, meant for it.
 */
final class TokenRules {

    /** Spring Security's default tolerance between the issuer's clock and ours. */
    static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    private TokenRules() {
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return validator(issuer, audience, DEFAULT_CLOCK_SKEW);
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew) {
        List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>();
        rules.add(JwtValidators.createDefaultWithValidators(
                List.of(new JwtIssuerValidator(issuer), new JwtTimestampValidator(clockSkew))));
        rules.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        if (audience != null && !audience.isBlank()) {
            rules.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(audience)));
        }
        return new DelegatingOAuth2TokenValidator<>(rules);
    }
}
