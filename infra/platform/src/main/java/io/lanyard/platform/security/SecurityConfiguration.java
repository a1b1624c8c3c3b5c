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
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
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

    private static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
            "/dev/tokens", "/error"};

    @Bean
    SecurityFilterChain lanyardSecurity(HttpSecurity http, RateLimitProperties rateLimits) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(OPEN).permitAll().anyRequest().authenticated())
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

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        if (properties.devKey() != null && !properties.devKey().isBlank()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(hmacKey(properties.devKey()))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(DevTokens.ISSUER));
            return decoder;
        }
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
            if (properties.issuerUri() != null && !properties.issuerUri().isBlank()) {
                decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
            }
            return decoder;
        }
        if (properties.issuerUri() != null && !properties.issuerUri().isBlank()) {
            return JwtDecoders.fromIssuerLocation(properties.issuerUri());
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

    private static SecretKeySpec hmacKey(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("lanyard.security.dev-key must be at least 32 bytes for HS256");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
