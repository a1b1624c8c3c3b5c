package io.lanyard.platform.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One token bucket (Bucket4j) per caller: the token's {@code sub} once the bearer token is verified, the client
 * address otherwise. A caller over its rate is answered 429 {@code rate-limited} with {@code Retry-After} before any
 * work is done. The buckets live in this instance's memory (a Caffeine cache, so forgotten callers cost nothing):
 * behind a load balancer over n instances a caller gets up to n times the rate, which still bounds what one caller
 * can take from each instance. Health probes and the dev profile's token minting are not counted.
 */
public class RateLimit extends OncePerRequestFilter {

    private final RateLimitProperties properties;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public RateLimit(RateLimitProperties properties) {
        this(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimit(RateLimitProperties properties, TimeMeter time) {
        this.properties = properties;
        this.time = time;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.callers())
                .expireAfterAccess(properties.idle())
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !properties.enabled() || path.startsWith("/actuator/health") || path.equals("/dev/tokens");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.get(caller(request), k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(seconds));
        Problems.write(response, ProblemSlug.RATE_LIMITED,
                "too many requests from you; try again in " + seconds + " s");
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(properties.burst())
                        .refillGreedy(properties.perSecond(), Duration.ofSeconds(1)).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static String caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
            return "sub:" + jwt.getName();
        }
        return "address:" + request.getRemoteAddr();
    }
}
