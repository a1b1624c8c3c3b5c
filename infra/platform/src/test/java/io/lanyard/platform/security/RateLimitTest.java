package io.lanyard.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.github.bucket4j.TimeMeter;

class RateLimitTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RateLimit limit = new RateLimit(new RateLimitProperties(true, 3, 1, 100, Duration.ofMinutes(1)),
            new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return nanos.get();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            });

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_caller_over_the_rate_is_answered_429_with_retry_after_and_the_next_window_passes() throws Exception {
        as("alice");
        for (int i = 0; i < 3; i++) {
            assertThat(call("/conferences").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse limited = call("/conferences");
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
        assertThat(limited.getContentType()).isEqualTo("application/problem+json");
        assertThat(limited.getContentAsString()).contains("urn:lanyard:problem:rate-limited", "\"status\":429");

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(call("/conferences").getStatus()).isEqualTo(200);
        assertThat(call("/conferences").getStatus()).isEqualTo(429);
    }

    @Test
    void each_caller_has_a_bucket_of_their_own() throws Exception {
        as("mallory");
        for (int i = 0; i < 5; i++) {
            call("/conferences");
        }
        assertThat(call("/conferences").getStatus()).isEqualTo(429);

        as("bob");
        assertThat(call("/conferences").getStatus()).isEqualTo(200);
        SecurityContextHolder.clearContext();
        assertThat(call("/conferences").getStatus()).as("no token: counted by address").isEqualTo(200);
    }

    @Test
    void health_probes_are_never_limited() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(call("/actuator/health/readiness").getStatus()).isEqualTo(200);
        }
    }

    private void as(String subject) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(subject).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
    }

    private MockHttpServletResponse call(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr("192.0.2.7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
