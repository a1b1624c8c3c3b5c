package io.lanyard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenRulesTest {

    private static final String ISSUER = "https://login.example.org/realms/lanyard";
    private final Instant now = Instant.now();

    @Test
    void a_token_from_the_issuer_for_the_audience_within_its_lifetime_is_accepted() {
        assertThat(TokenRules.validator(ISSUER, "lanyard").validate(token(ISSUER, List.of("lanyard"), true))
                .hasErrors()).isFalse();
    }

    @Test
    void a_token_without_exp_is_refused() {
        assertThat(TokenRules.validator(ISSUER, null).validate(token(ISSUER, List.of(), false)).hasErrors()).isTrue();
    }

    @Test
    void an_expired_token_is_refused() {
        Jwt expired = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).subject("alice")
                .issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).build();
        assertThat(TokenRules.validator(ISSUER, null).validate(expired).hasErrors()).isTrue();
    }

    @Test
    void a_token_expired_within_the_clock_skew_is_accepted_and_one_beyond_it_refused() {
        Jwt expiredTenSecondsAgo = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).subject("alice")
                .issuedAt(now.minusSeconds(300)).expiresAt(now.minusSeconds(10)).build();
        assertThat(TokenRules.validator(ISSUER, null).validate(expiredTenSecondsAgo).hasErrors())
                .as("Spring's default skew of 60 s").isFalse();
        assertThat(TokenRules.validator(ISSUER, null, Duration.ofSeconds(5)).validate(expiredTenSecondsAgo)
                .hasErrors()).isTrue();
    }

    @Test
    void a_token_of_another_issuer_is_refused() {
        assertThat(TokenRules.validator(ISSUER, null)
                .validate(token("https://login.example.org/realms/other", List.of(), true)).hasErrors()).isTrue();
    }

    @Test
    void the_audience_is_checked_only_when_one_is_configured() {
        Jwt forAnotherAudience = token(ISSUER, List.of("account"), true);
        OAuth2TokenValidator<Jwt> withAudience = TokenRules.validator(ISSUER, "lanyard");
        assertThat(withAudience.validate(forAnotherAudience).hasErrors()).isTrue();
        assertThat(withAudience.validate(token(ISSUER, List.of(), true)).hasErrors()).as("no aud at all").isTrue();
        assertThat(TokenRules.validator(ISSUER, "").validate(forAnotherAudience).hasErrors()).isFalse();
    }

    private Jwt token(String issuer, List<String> audience, boolean expires) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuer(issuer).subject("alice")
                .issuedAt(now.minusSeconds(10));
        if (!audience.isEmpty()) {
            builder.audience(audience);
        }
        if (expires) {
            builder.expiresAt(now.plusSeconds(300));
        }
        return builder.build();
    }
}
