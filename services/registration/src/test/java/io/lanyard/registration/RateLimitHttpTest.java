package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import io.lanyard.platform.security.RateLimit;
import io.lanyard.testsupport.ServiceTest;
import jakarta.servlet.Filter;

/**
 * The platform's per-caller limit is in every service's security chain, after the bearer token is verified, so the
 * bucket is the verified caller's. (The limit's own behaviour, 429 with {@code Retry-After} and the refill, is the
 * platform's {@code RateLimitTest}.)
 */
@ServiceTest(properties = "spring.config.name=registration")
class RateLimitHttpTest extends RegistrationTestSupport {

    @Autowired
    List<SecurityFilterChain> chains;

    @Test
    void the_rate_limit_runs_after_the_token_is_verified() {
        List<Filter> filters = chains.getFirst().getFilters();
        int bearer = indexOf(filters, BearerTokenAuthenticationFilter.class);
        int limit = indexOf(filters, RateLimit.class);
        assertThat(bearer).isNotNegative();
        assertThat(limit).isGreaterThan(bearer);
    }

    @Test
    void an_organizers_burst_of_requests_is_never_paced_by_the_default_limit() {
        String organizer = organizerToken("olivia");
        assertThat(IntStream.range(0, 300)
                .map(i -> http().get("/conferences/" + UUID.randomUUID() + "/registrations", organizer)
                        .status()))
                .as("300 requests at once from one organizer").doesNotContain(429);
    }

    private static int indexOf(List<Filter> filters, Class<?> type) {
        return IntStream.range(0, filters.size()).filter(i -> type.isInstance(filters.get(i))).findFirst().orElse(-1);
    }
}
