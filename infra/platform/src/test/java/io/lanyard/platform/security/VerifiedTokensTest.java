package io.lanyard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokensTest {

    private static final SecretKeySpec KEY =
            new SecretKeySpec("a dev key of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private static final Instant MINTED = Instant.parse("2027-05-14T09:00:00Z");

    private Instant now = MINTED;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedTokens tokens = verifiedTokens();
    private final DevTokens issuer = new DevTokens(KEY, clock, Duration.ofMinutes(30));

    @Test
    void a_token_used_again_is_not_verified_again() {
        String token = issuer.mint("alice", List.of("ATTENDEE"));

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again.getSubject()).isEqualTo("alice");
        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
        tokens.decode(issuer.mint("bob", List.of("ATTENDEE")));
        assertThat(verifications).as("another token is verified on its own").hasValue(2);
    }

    @Test
    void a_remembered_token_is_refused_once_it_has_expired() {
        String token = issuer.mint("alice", List.of("ATTENDEE"));
        tokens.decode(token);

        now = MINTED.plus(Duration.ofMinutes(31));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).as("the verifier gave the refusal").hasValue(2);
    }

    @Test
    void a_forged_token_is_never_remembered() {
        String token = issuer.mint("alice", List.of("ATTENDEE"));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(
                token.lastIndexOf('.') + 5);

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private VerifiedTokens verifiedTokens() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> rules = new DelegatingOAuth2TokenValidator<>(
                new JwtIssuerValidator(DevTokens.ISSUER), timestamps);
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
        nimbus.setJwtValidator(rules);
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        return new VerifiedTokens(counting, rules, 100, Duration.ofMinutes(10));
    }
}
