package io.lanyard.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;
import tools.jackson.databind.JsonNode;

@ServiceTest(properties = "spring.config.name=notifications")
class WebhookHttpTest extends NotificationsTestSupport {

    @Test
    void an_organizer_registers_a_webhook_and_sees_its_secret_once() {
        UUID conference = conference("olivia");
        String url = RECEIVER.endpoint((n, r) -> 204).url();

        Http.Response registered = register(organizerToken("olivia"), conference, url,
                List.of("sprints.sprint-announced", "registration.attendee-registered"));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.json().get("id").asString();
        assertThat(registered.header("Location")).isEqualTo(webhooks(conference) + "/" + id);
        String secret = registered.json().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);
        Http.Response list = http().get(webhooks(conference), organizerToken("olivia"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(1);
        JsonNode listed = list.json().get(0);
        assertThat(listed.get("id").asString()).isEqualTo(id);
        assertThat(listed.get("url").asString()).isEqualTo(url);
        assertThat(listed.get("events").values().stream().map(JsonNode::asString).toList())
                .containsExactly("sprints.sprint-announced", "registration.attendee-registered");
        assertThat(listed.get("enabled").asBoolean()).isTrue();
        assertThat(list.body()).doesNotContain(secret).doesNotContain("secret");
    }

    @Test
    void two_registrations_get_different_secrets() {
        UUID conference = conference("olivia");
        Hook one = hook(conference, "olivia", (n, r) -> 204);
        Hook two = hook(conference, "olivia", (n, r) -> 204);

        assertThat(one.secret()).isNotEqualTo(two.secret());
    }

    @Test
    void an_organizer_deletes_a_webhook_and_it_is_gone() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 204);

        Http.Response deleted = http().delete(webhooks(conference) + "/" + hook.id(), organizerToken("olivia"));

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(http().get(webhooks(conference), organizerToken("olivia")).json().size()).isZero();
        Http.Response again = http().delete(webhooks(conference) + "/" + hook.id(), organizerToken("olivia"));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.problem()).isEqualTo("not-found");
        assertThat(http().get(deliveries(conference, hook.id()), organizerToken("olivia")).status()).isEqualTo(404);
    }

    @Test
    void only_the_conferences_organizers_manage_its_webhooks() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 204);
        UUID other = conference("oscar");
        String url = RECEIVER.endpoint((n, r) -> 204).url();

        for (String token : List.of(token("mallory"), organizerToken("oscar"))) {
            assertForbidden(register(token, conference, url, List.of("*")));
            assertForbidden(http().get(webhooks(conference), token));
            assertForbidden(http().delete(webhooks(conference) + "/" + hook.id(), token));
            assertForbidden(http().get(deliveries(conference, hook.id()), token));
            assertForbidden(http().post(deliveries(conference, hook.id()) + "/" + UUID.randomUUID() + "/retry",
                    token, null));
        }
        // oscar's own conference does not have olivia's webhook
        assertThat(http().delete(webhooks(other) + "/" + hook.id(), organizerToken("oscar")).status())
                .isEqualTo(404);
        assertThat(webhookListed(hook)).isNotNull();
    }

    @Test
    void unknown_webhooks_and_deliveries_are_not_found() {
        UUID conference = conference("olivia");
        Hook hook = hook(conference, "olivia", (n, r) -> 204);
        UUID nobody = UUID.randomUUID();

        assertNotFound(http().delete(webhooks(conference) + "/" + nobody, organizerToken("olivia")));
        assertNotFound(http().get(deliveries(conference, nobody), organizerToken("olivia")));
        assertNotFound(http().post(deliveries(conference, nobody) + "/" + UUID.randomUUID() + "/retry",
                organizerToken("olivia"), null));
        assertNotFound(http().post(deliveries(conference, hook.id()) + "/" + UUID.randomUUID() + "/retry",
                organizerToken("olivia"), null));
        assertNotFound(http().get(webhooks(UUID.randomUUID()), organizerToken("olivia")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/hooks", "ftp://hooks.example.org/in", "mailto:olivia@example.org",
            "http://user:pass@hooks.example.org/in", "http:///in", "not a url", "hooks.example.org"})
    void refuses_a_url_that_is_not_an_absolute_http_one(String url) {
        UUID conference = conference("olivia");

        Http.Response refused = register(organizerToken("olivia"), conference, url, List.of("*"));

        assertValidationFailed(refused, "url");
        assertThat(http().get(webhooks(conference), organizerToken("olivia")).json().size()).isZero();
    }

    @Test
    void refuses_event_types_the_catalogue_does_not_offer() {
        UUID conference = conference("olivia");
        String url = RECEIVER.endpoint((n, r) -> 204).url();

        assertValidationFailed(register(organizerToken("olivia"), conference, url,
                List.of("sprints.sprint-announced", "sprints.sprint-exploded")), "events");
        assertValidationFailed(register(organizerToken("olivia"), conference, url, List.of()), "events");
        assertValidationFailed(register(organizerToken("olivia"), conference, url, List.of("*", "sprints.sprint-announced")),
                "events");
        assertThat(http().get(webhooks(conference), organizerToken("olivia")).json().size()).isZero();
    }

    /** The server-side request forgery guard: no webhook may make this service call inside the network. */
    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8085/admin", "http://10.0.0.1/in", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]:8080/in", "http://localhost/in", "https://192.168.1.10/in", "http://172.16.0.1/in",
            "http://[fd00::1]/in", "http://0.0.0.0:8085/in", "http://224.0.0.1/in", "http://100.64.0.1/in"})
    void refuses_a_url_that_resolves_to_a_private_address(String url) {
        UUID conference = conference("olivia");

        Http.Response refused = register(organizerToken("olivia"), conference, url, List.of("*"));

        JsonNode error = assertValidationFailed(refused, "url");
        assertThat(error.get("message").asString()).contains("resolves to").contains("address")
                .containsAnyOf("loopback", "private", "link-local", "unspecified", "multicast");
        assertThat(http().get(webhooks(conference), organizerToken("olivia")).json().size()).isZero();
    }

    @Test
    void the_loopback_name_is_refused_as_loopback() {
        UUID conference = conference("olivia");

        JsonNode error = assertValidationFailed(register(organizerToken("olivia"), conference,
                "http://localhost:8085/in", List.of("*")), "url");

        assertThat(error.get("message").asString()).startsWith("localhost resolves to").contains("a loopback address");
    }

    private static void assertForbidden(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.problem()).isEqualTo("forbidden");
    }

    private static void assertNotFound(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.problem()).isEqualTo("not-found");
    }

    private static JsonNode assertValidationFailed(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.problem()).isEqualTo("validation-failed");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        return error;
    }
}
