package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.lanyard.testsupport.EmbeddedInfrastructureInitializer;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.Keycloak;
import io.lanyard.testsupport.UsesKeycloak;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registration outside the dev profile, as compose runs it: tokens from a real Keycloak with the production realm
 * file (infra/keycloak), the issuer and audience checked, no clock skew tolerated so that a token of a few seconds
 * expires within the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=registration", "lanyard.test.database-password=not-the-dev-default",
        "lanyard.security.audience=lanyard", "lanyard.security.clock-skew=0s"})
@ActiveProfiles("production")
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@UsesKeycloak
class KeycloakTokenHttpTest {

    private static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort
    private int port;

    private String organizerId;
    private String ownKid;
    private KeyPair ownKeys;
    private UUID conferenceId;
    private UUID ticketTypeId;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        // as in compose: the JWK set at the address the service reaches, the issuer as it stands in the tokens
        registry.add("lanyard.security.jwk-set-uri", () -> keycloak().jwkSetUri(Keycloak.REALM));
        registry.add("lanyard.security.issuer-uri", () -> keycloak().issuer(Keycloak.REALM));
    }

    @BeforeAll
    void usersClientsAndRealms() throws NoSuchAlgorithmException {
        // before any token reaches the service, so that the JWK set it first fetches has this key already
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        ownKeys = generator.generateKeyPair();
        ownKid = keycloak().addSigningKey(Keycloak.REALM, ownKeys);

        organizerId = keycloak().createUser(Keycloak.REALM, "olivia", PASSWORD, "ORGANIZER");
        keycloak().createUser(Keycloak.REALM, "alice", PASSWORD);
        keycloak().createClient(Keycloak.REALM, Map.of("clientId", "another-app", "publicClient", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true));
        ObjectNode brief = keycloak().client(Keycloak.APP_CLIENT).put("clientId", "lanyard-app-brief");
        ((ObjectNode) brief.get("attributes")).put("access.token.lifespan", "5");
        keycloak().createClient(Keycloak.REALM, brief);
        keycloak().createRealm(keycloak().realmFile().put("realm", "other"));
        keycloak().createUser("other", "olivia", PASSWORD, "ORGANIZER");

        Http.Response conference = http().post("/conferences", token("olivia"), Map.of("name", "PyCon US 2027",
                "startsOn", "2027-05-14", "endsOn", "2027-05-22", "timeZone", "America/Los_Angeles"));
        assertThat(conference.status()).as(conference.toString()).isEqualTo(201);
        conferenceId = UUID.fromString(conference.json().get("id").asString());
        Http.Response ticketType = http().post("/conferences/" + conferenceId + "/ticket-types", token("olivia"),
                Map.of("name", "Individual", "priceCents", 40000, "currency", "USD", "quota", 10));
        assertThat(ticketType.status()).as(ticketType.toString()).isEqualTo(201);
        ticketTypeId = UUID.fromString(ticketType.json().get("id").asString());
    }

    @Test
    void a_token_from_keycloak_is_accepted_and_its_subject_is_the_keycloak_user() {
        String alice = token("alice");
        assertThat(ticketType(alice).status()).isEqualTo(200);
        Http.Response registered = http().post("/conferences/" + conferenceId + "/registrations", alice,
                Map.of("ticketTypeId", ticketTypeId.toString(), "name", "Alice", "email", "alice@example.org"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        // olivia (by the sub of her token, her Keycloak id) organizes the conference she created
        String attendee = registered.json().get("id").asString();
        assertThat(http().get("/conferences/" + conferenceId + "/registrations/" + attendee, token("olivia"))
                .status()).isEqualTo(200);
        assertThat(claims(token("olivia")).get("sub").asString()).isEqualTo(organizerId);
        assertThat(http().post("/dev/tokens", null, Map.of("subject", "mallory")).status())
                .as("no dev tokens outside the dev profile").isEqualTo(404);
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        String forAnotherApp = keycloak().token(Keycloak.REALM, "another-app", "alice", PASSWORD);
        assertThat(claims(forAnotherApp).get("aud").toString()).doesNotContain("lanyard");
        assertUnauthenticated(ticketType(forAnotherApp));
    }

    @Test
    void an_expired_token_is_refused() {
        String brief = keycloak().token(Keycloak.REALM, "lanyard-app-brief", "alice", PASSWORD);
        assertThat(ticketType(brief).status()).as("while it lasts").isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> ticketType(brief).status() == 401);
        assertThat(Instant.ofEpochSecond(claims(brief).get("exp").asLong())).isBefore(Instant.now());
        assertUnauthenticated(ticketType(brief));
    }

    @Test
    void a_token_without_exp_is_refused_though_signed_by_a_key_of_the_issuer() throws JOSEException {
        // Keycloak mints no token without exp: this one is signed by a key the realm's JWK set serves
        assertThat(ticketType(ownToken(Instant.now().plusSeconds(60))).status())
                .as("the same token with an exp").isEqualTo(200);
        assertUnauthenticated(ticketType(ownToken(null)));
    }

    @Test
    void a_token_from_another_realm_is_refused() {
        String otherRealm = keycloak().token("other", Keycloak.APP_CLIENT, "olivia", PASSWORD);
        assertThat(claims(otherRealm).get("aud").toString()).contains("lanyard");
        assertUnauthenticated(http().post("/conferences", otherRealm, Map.of("name", "Elsewhere",
                "startsOn", "2027-06-01", "endsOn", "2027-06-02", "timeZone", "UTC")));
    }

    /** Started once per test JVM, on first use. */
    private static Keycloak keycloak() {
        return Keycloak.instance();
    }

    private Http http() {
        return Http.on(port);
    }

    private static String token(String username) {
        return keycloak().token(Keycloak.REALM, Keycloak.APP_CLIENT, username, PASSWORD);
    }

    private Http.Response ticketType(String token) {
        return http().get("/conferences/" + conferenceId + "/ticket-types/" + ticketTypeId, token);
    }

    private String ownToken(Instant expiresAt) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(keycloak().issuer(Keycloak.REALM)).audience("lanyard").subject(organizerId)
                .issueTime(new Date()).claim("roles", List.of("ORGANIZER"));
        if (expiresAt != null) {
            claims.expirationTime(Date.from(expiresAt));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ownKid)
                .type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(new RSASSASigner(ownKeys.getPrivate()));
        return jwt.serialize();
    }

    private static JsonNode claims(String token) {
        return Http.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static void assertUnauthenticated(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.problem()).isEqualTo("unauthenticated");
    }
}
