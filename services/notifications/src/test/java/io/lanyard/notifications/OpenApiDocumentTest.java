package io.lanyard.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The notifications document as the platform builds it from the handlers, and the committed copy in docs/openapi:
 * after a deliberate API change refresh it with {@code -Dlanyard.openapi.refresh=true} and commit the diff.
 */
@ServiceTest(properties = "spring.config.name=notifications")
class OpenApiDocumentTest extends NotificationsTestSupport {

    private static final Path COMMITTED = Path.of(System.getProperty("lanyard.openapi.documents", "../../docs/openapi"))
            .resolve("notifications.json");

    private static final Map<String, String> OPERATIONS = Map.of(
            "post /conferences/{conferenceId}/webhooks", "registerWebhook",
            "get /conferences/{conferenceId}/webhooks", "listWebhooks",
            "delete /conferences/{conferenceId}/webhooks/{webhookId}", "deleteWebhook",
            "get /conferences/{conferenceId}/webhooks/{webhookId}/deliveries", "listWebhookDeliveries",
            "post /conferences/{conferenceId}/webhooks/{webhookId}/deliveries/{deliveryId}/retry",
            "retryWebhookDelivery",
            "get /conferences/{conferenceId}/attendees/{attendeeId}/notifications", "listAttendeeNotifications",
            "get /conferences/{conferenceId}/attendees/{attendeeId}/personal-data",
            "exportNotificationsPersonalData");

    private JsonNode document() {
        Http.Response document = http().get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        return document.json();
    }

    private static JsonNode operation(JsonNode document, String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        return document.path("paths").path(methodAndPath[1]).path(methodAndPath[0]);
    }

    @Test
    void the_webhook_and_notification_endpoints_are_documented_with_their_ids_summaries_and_real_statuses() {
        JsonNode document = document();

        OPERATIONS.forEach((operation, id) -> {
            JsonNode documented = operation(document, operation);
            assertThat(documented.path("operationId").asString()).as(operation).isEqualTo(id);
            assertThat(documented.path("summary").asString()).as(operation).isNotBlank();
            assertThat(documented.path("responses").has("403")).as(operation + " documents 403").isTrue();
            assertThat(documented.path("responses").has("404")).as(operation + " documents 404").isTrue();
            assertThat(documented.path("responses").has("409")).as(operation + " refuses nothing with 409").isFalse();
        });
        JsonNode register = operation(document, "post /conferences/{conferenceId}/webhooks").path("responses");
        assertThat(register.path("201").path("headers").has("Location")).isTrue();
        assertThat(register.has("400")).isTrue();
        assertThat(register.has("200")).isFalse();
        JsonNode delete = operation(document, "delete /conferences/{conferenceId}/webhooks/{webhookId}")
                .path("responses");
        assertThat(delete.has("204")).isTrue();
        assertThat(delete.has("200")).isFalse();
        JsonNode retry = operation(document,
                "post /conferences/{conferenceId}/webhooks/{webhookId}/deliveries/{deliveryId}/retry")
                .path("responses");
        assertThat(retry.has("202")).as(retry.toString()).isTrue();
        assertThat(retry.has("200")).isFalse();
        assertThat(retry.has("201")).isFalse();
    }

    @Test
    void the_committed_document_is_the_one_served() throws IOException {
        ObjectNode served = (ObjectNode) document().deepCopy();
        served.putArray("servers").addObject()
                .put("url", "http://localhost:8085")
                .put("description", "the devstack (./mvnw -pl infra/devstack -am spring-boot:run)");
        if (Boolean.getBoolean("lanyard.openapi.refresh")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        }
        assertThat(Files.exists(COMMITTED)).as(COMMITTED.toAbsolutePath().normalize() + " exists").isTrue();
        assertThat(Http.JSON.readTree(COMMITTED.toFile()))
                .as("the served document differs from " + COMMITTED.toAbsolutePath().normalize()
                        + "; after a deliberate API change run this test with -Dlanyard.openapi.refresh=true")
                .isEqualTo(served);
    }
}
