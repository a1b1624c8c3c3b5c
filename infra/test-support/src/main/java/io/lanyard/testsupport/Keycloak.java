package io.lanyard.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One real Keycloak per test JVM, started on first use from the distribution that the module's build unpacks
 * (maven-dependency-plugin, {@code org.keycloak:keycloak-quarkus-dist}) with the production realm file
 * {@code infra/keycloak/lanyard-realm.json} imported. It listens on free ports of the loopback interface, keeps its
 * data in memory, logs to {@code keycloak.log} next to the distribution and stops when the JVM exits. Tests set up
 * their own users, clients and realms through Keycloak's admin REST API: the realm file has no users.
 */
public final class Keycloak {

    public static final String REALM = "lanyard";
    /** The realm file's client for getting tokens, with the {@code roles} and audience mappers. */
    public static final String APP_CLIENT = "lanyard-app";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ADMIN = "admin";

    private static Launched launched;
    private static Keycloak instance;

    /** A Keycloak process on its way up. */
    private record Launched(Process process, int httpPort, int managementPort, String adminPassword, Path log,
                            Path realmFile) {
    }

    private final String url;
    private final String adminPassword;
    private final Path realmFile;

    private Keycloak(String url, String adminPassword, Path realmFile) {
        this.url = url;
        this.adminPassword = adminPassword;
        this.realmFile = realmFile;
    }

    public static synchronized Keycloak instance() {
        if (instance == null) {
            instance = ready(launch());
        }
        return instance;
    }

    /**
     * Launches this JVM's Keycloak without waiting for it (see {@link KeycloakStartsEarly}): its start takes tens of
     * seconds, which the JVM's other tests then spend alongside it.
     */
    static synchronized void launchInBackground() {
        launch();
    }

    private static synchronized Launched launch() {
        if (launched == null) {
            launched = launch(Path.of(required("lanyard.test.keycloak.home")),
                    Path.of(required("lanyard.test.keycloak.realm")));
        }
        return launched;
    }

    private static Launched launch(Path home, Path realmFile) {
        int httpPort = TcpProxy.freePort();
        int managementPort = TcpProxy.freePort();
        String adminPassword = secret();
        Path log = home.resolveSibling("keycloak.log");
        Process process;
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                    "--health-enabled=true", "--import-realm", "--db=dev-mem")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not start from " + home, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        return new Launched(process, httpPort, managementPort, adminPassword, log, realmFile);
    }

    private static Keycloak ready(Launched launched) {
        Process process = launched.process();
        Path log = launched.log();
        URI ready = URI.create("http://127.0.0.1:" + launched.managementPort() + "/health/ready");
        // the first start after unpacking also builds Keycloak's configuration (Quarkus augmentation)
        await("Keycloak ready (log: " + log + ")").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
                    }
                    return status(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build()) == 200;
                });
        return new Keycloak("http://localhost:" + launched.httpPort(), launched.adminPassword(),
                launched.realmFile());
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    public String url() {
        return url;
    }

    /** The {@code iss} of the realm's tokens, as fetched from this JVM. */
    public String issuer(String realm) {
        return url + "/realms/" + realm;
    }

    public String jwkSetUri(String realm) {
        return issuer(realm) + "/protocol/openid-connect/certs";
    }

    /** A fresh copy of the production realm file, for a realm of the same shape under another name. */
    public ObjectNode realmFile() {
        try {
            return (ObjectNode) Http.JSON.readTree(Files.readString(realmFile));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + realmFile, e);
        }
    }

    /** The realm file's representation of one client, to create another like it. */
    public ObjectNode client(String clientId) {
        for (JsonNode client : realmFile().get("clients")) {
            if (client.get("clientId").asString().equals(clientId)) {
                return (ObjectNode) client;
            }
        }
        throw new IllegalArgumentException("no client " + clientId + " in " + realmFile);
    }

    public void createRealm(ObjectNode realm) {
        expect(201, admin("POST", "", realm));
    }

    public void createClient(String realm, Object client) {
        expect(201, admin("POST", "/" + realm + "/clients", client));
    }

    /** A user who may log in with the password (no required actions left), holding the given realm roles. */
    public String createUser(String realm, String username, String password, String... realmRoles) {
        Http.Response created = expect(201, admin("POST", "/" + realm + "/users", Map.of(
                "username", username, "enabled", true, "email", username + "@example.org", "emailVerified", true,
                "firstName", username, "lastName", "Test",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)))));
        String location = created.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        List<JsonNode> roles = new ArrayList<>();
        for (String role : realmRoles) {
            roles.add(expect(200, admin("GET", "/" + realm + "/roles/" + role, null)).json());
        }
        if (!roles.isEmpty()) {
            expect(204, admin("POST", "/" + realm + "/users/" + id + "/role-mappings/realm", roles));
        }
        return id;
    }

    /**
     * Adds an RSA key of the caller's to the realm (lowest priority, so Keycloak still signs with its own): the realm's
     * JWK set then serves its public half. Answers the key's {@code kid}.
     */
    public String addSigningKey(String realm, KeyPair keys) {
        String realmId = expect(200, admin("GET", "/" + realm, null)).json().get("id").asString();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        Http.Response created = expect(201, admin("POST", "/" + realm + "/components", Map.of(
                "name", "test-key", "providerId", "rsa", "providerType", "org.keycloak.keys.KeyProvider",
                "parentId", realmId, "config", Map.of("priority", List.of("0"), "enabled", List.of("true"),
                        "active", List.of("true"), "algorithm", List.of("RS256"), "privateKey", List.of(pem)))));
        String location = created.header("Location");
        String componentId = location.substring(location.lastIndexOf('/') + 1);
        for (JsonNode key : expect(200, admin("GET", "/" + realm + "/keys", null)).json().get("keys")) {
            if (componentId.equals(key.path("providerId").asString())) {
                return key.get("kid").asString();
            }
        }
        throw new IllegalStateException("Keycloak lists no key of component " + componentId);
    }

    /** An access token for the user, by the direct access grant (the user's password) of a public client. */
    public String token(String realm, String clientId, String username, String password) {
        HttpResponse<String> response = form(issuer(realm) + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", clientId, "username", username, "password", password));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + " from " + clientId + " in " + realm + ": "
                    + response.statusCode() + " " + response.body());
        }
        return Http.JSON.readTree(response.body()).get("access_token").asString();
    }

    /** A call to the admin REST API ({@code /admin/realms...}) as the bootstrap administrator. */
    public Http.Response admin(String method, String path, Object body) {
        String adminToken = token("master", "admin-cli", ADMIN, adminPassword);
        return new Http(url + "/admin/realms").send(method, path, adminToken, body, Map.of());
    }

    private static Http.Response expect(int status, Http.Response response) {
        if (response.status() != status) {
            throw new IllegalStateException("Keycloak answered " + response + ", not " + status);
        }
        return response;
    }

    private static HttpResponse<String> form(String uri, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("POST " + uri + " interrupted", e);
        }
    }

    private static int status(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: the module's build unpacks Keycloak and sets it "
                    + "(see services/registration/pom.xml)");
        }
        return value;
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
