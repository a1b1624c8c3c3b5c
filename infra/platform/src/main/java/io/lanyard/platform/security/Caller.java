package io.lanyard.platform.security;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling: the token's subject and its global roles. */
public record Caller(String subject, List<String> roles) {

    public static final String ORGANIZER = "ORGANIZER";
    public static final String OPERATOR = "OPERATOR";

    static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(jwt.getSubject(), roles == null ? List.of() : List.copyOf(roles));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
