package io.lanyard.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Mints HMAC-signed tokens with the dev key; exists only when a dev key is configured. */
public class DevTokens {

    static final String ISSUER = "lanyard-dev";
    private final NimbusJwtEncoder encoder;
    private final Clock clock;
    private final Duration lifetime;

    DevTokens(SecretKeySpec key, Clock clock, Duration lifetime) {
        this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public String mint(String subject, List<String> roles) {
        var now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("roles", roles)
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
