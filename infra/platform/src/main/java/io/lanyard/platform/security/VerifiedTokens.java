package io.lanyard.platform.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Remembers the tokens it has verified, by their exact text, until they expire (at most {@code keepAtMost}), so an
 * attendee's next request with the same token costs no signature check and no parse: those were a tenth of a
 * request's CPU (docs/benchmarks.md, issue 20). A remembered token is checked against the token rules again at each
 * use (expiry and not-before, against the clock of that use), and one they now refuse is forgotten and decoded
 * again, so its caller gets the verifier's own refusal. Only verified tokens are remembered: a forged or garbled one
 * costs its check every time and takes no room. A signing key the issuer withdraws stops no token it signed before
 * its expiry, which is what a stateless check of a token means anyway.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> rules;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> rules, int maximumSize, Duration keepAtMost) {
        this.verifier = verifier;
        this.rules = rules;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetimeLeft(jwt, keepAtMost)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (!rules.validate(known).hasErrors()) {
                return known;
            }
            verified.invalidate(token);
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    private static Duration lifetimeLeft(Jwt jwt, Duration keepAtMost) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(Instant.now(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(keepAtMost) < 0 ? left : keepAtMost;
    }
}
