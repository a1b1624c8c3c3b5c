package io.lanyard.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.web.Problems;

/**
 * Every service is an OAuth2 resource server: a bearer JWT whose {@code roles} claim becomes Spring roles. In the
 * {@code dev} profile tokens are signed with a shared HMAC key; elsewhere they come from the configured issuer.
 */
@AutoConfiguration
@EnableMethodSecurity
@EnableConfigurationProperties({SecurityProperties.class, RateLimitProperties.class})
public class SecurityConfiguration {

    /** The {@code /dev/…} endpoints exist in the {@code dev} profile only: elsewhere they answer 404. */
    private static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/dev/tokens", "/dev/mail",
            "/error"};
    /** What the service measures can tell an outsider how busy it is and who is doing what: operators only. */
    private static final String[] OPERATORS_ONLY = {"/actuator/prometheus", "/actuator/metrics",
            "/actuator/metrics/**"};

    @Bean
    SecurityFilterChain lanyardSecurity(HttpSecurity http, RateLimitProperties rateLimits) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(OPEN).permitAll()
                        .requestMatchers(OPERATORS_ONLY).hasRole(Caller.OPERATOR)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) ->
                                Problems.write(response, ProblemSlug.UNAUTHENTICATED, "a valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) ->
                                Problems.write(response, ProblemSlug.FORBIDDEN, "you may not do this")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) ->
                                Problems.write(response, ProblemSlug.UNAUTHENTICATED, "a valid bearer token is required"))
                        .accessDeniedHandler((request, response, ex) ->
                                Problems.write(response, ProblemSlug.FORBIDDEN, "you may not do this")))
                // after the token is verified, so the limit is the caller's own and a forged sub cannot spend it
                .addFilterAfter(new RateLimit(rateLimits), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Each request is observed once, as {@code http.server.requests} (its timer, its span, its trace id in the logs);
     * Spring Security's own observations would add one around each of its filters, around the authentication and
     * around the authorization, each with its handlers' start and stop (docs/benchmarks.md, issue 20's profile).
     */
    @Bean
    SecurityObservationSettings requestsObservedOnce() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        if (present(properties.devKey())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(hmacKey(properties.devKey()))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
            return remembering(decoder, TokenRules.validator(DevTokens.ISSUER, properties.audience(),
                    properties.clockSkew()), properties);
        }
        if (present(properties.jwkSetUri())) {
            if (!present(properties.issuerUri())) {
                throw new IllegalStateException("LANYARD_JWT_JWK_SET_URI needs LANYARD_JWT_ISSUER_URI too: a token's "
                        + "issuer is always checked, and it is checked against that");
            }
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
            return remembering(decoder, TokenRules.validator(properties.issuerUri(), properties.audience(),
                    properties.clockSkew()), properties);
        }
        if (present(properties.issuerUri())) {
            NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(properties.issuerUri());
            return remembering(decoder, TokenRules.validator(properties.issuerUri(), properties.audience(),
                    properties.clockSkew()), properties);
        }
        throw new IllegalStateException("Configure a token issuer: LANYARD_JWT_ISSUER_URI or LANYARD_JWT_JWK_SET_URI "
                + "(or run with the dev profile, which uses a shared dev key)");
    }

    @Bean
    @ConditionalOnProperty("lanyard.security.dev-key")
    DevTokens devTokens(SecurityProperties properties, Clock clock) {
        return new DevTokens(hmacKey(properties.devKey()), clock, properties.devTokenLifetime());
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /** The decoder checks each token's signature and rules once; then {@link VerifiedTokens} remembers it. */
    private static JwtDecoder remembering(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> rules,
                                          SecurityProperties properties) {
        decoder.setJwtValidator(rules);
        return new VerifiedTokens(decoder, rules, properties.verifiedTokens(), properties.verifiedTokensKept());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static SecretKeySpec hmacKey(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("lanyard.security.dev-key must be at least 32 bytes for HS256");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
