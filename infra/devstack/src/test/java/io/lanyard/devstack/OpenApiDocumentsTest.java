package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.web.Problems;
import io.lanyard.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every service serves its OpenAPI document without a token, listing the contract's endpoints and every problem slug
 * of the one catalogue with its status, in a form a client generator can use (docs/api.md "OpenAPI documents").
 */
class OpenApiDocumentsTest {

    /** Where the committed documents live (the lint and the generated clients work from them). */
    static final Path COMMITTED = Path.of(System.getProperty("lanyard.openapi.documents", "../../docs/openapi"));
    private static final String REFRESH = "lanyard.openapi.refresh";
    /** The devstack's ports, named as the committed documents' servers instead of this test's random ones. */
    private static final Map<String, Integer> DEVSTACK_PORTS = Map.of("registration", 8081, "volunteering", 8082,
            "dinners", 8083, "sprints", 8084, "notifications", 8085);

    private static final Map<String, List<String>> CONTRACT = Map.of(
            "registration", List.of("post /conferences", "post /conferences/{conferenceId}/organizers",
                    "post /conferences/{conferenceId}/ticket-types",
                    "get /conferences/{conferenceId}/ticket-types/{ticketTypeId}",
                    "post /conferences/{conferenceId}/registrations", "get /conferences/{conferenceId}/registrations",
                    "get /conferences/{conferenceId}/registrations/{attendeeId}",
                    "delete /conferences/{conferenceId}/registrations/{attendeeId}",
                    "post /conferences/{conferenceId}/registrations/{attendeeId}/check-in",
                    "get /conferences/{conferenceId}/attendees/{attendeeId}/itinerary"),
            "volunteering", List.of("put /conferences/{conferenceId}/volunteer-policy",
                    "post /conferences/{conferenceId}/shifts", "get /conferences/{conferenceId}/shifts",
                    "post /conferences/{conferenceId}/shifts/{shiftId}/volunteers",
                    "delete /conferences/{conferenceId}/shifts/{shiftId}/volunteers/{attendeeId}",
                    "post /conferences/{conferenceId}/shifts/{shiftId}/volunteers/{attendeeId}/attendance",
                    "get /conferences/{conferenceId}/volunteers/{attendeeId}",
                    "get /conferences/{conferenceId}/volunteers/{attendeeId}/shifts.ics"),
            "dinners", List.of("post /conferences/{conferenceId}/dinners",
                    "get /conferences/{conferenceId}/dinners/{dinnerId}",
                    "post /conferences/{conferenceId}/dinners/{dinnerId}/tickets",
                    "get /conferences/{conferenceId}/dinners/{dinnerId}/tickets/{ticketId}",
                    "post /conferences/{conferenceId}/dinners/{dinnerId}/tickets/{ticketId}/payment",
                    "delete /conferences/{conferenceId}/dinners/{dinnerId}/tickets/{ticketId}",
                    "get /conferences/{conferenceId}/dinners/{dinnerId}/guests"),
            "sprints", List.of("post /conferences/{conferenceId}/sprints", "get /conferences/{conferenceId}/sprints",
                    "post /conferences/{conferenceId}/sprints/{sprintId}/participants",
                    "delete /conferences/{conferenceId}/sprints/{sprintId}/participants/{attendeeId}",
                    "post /conferences/{conferenceId}/sprints/{sprintId}/participants/{attendeeId}/attendance",
                    "get /conferences/{conferenceId}/sprints/{sprintId}/participants"),
            "notifications", List.of("post /conferences/{conferenceId}/webhooks",
                    "get /conferences/{conferenceId}/webhooks",
                    "delete /conferences/{conferenceId}/webhooks/{webhookId}",
                    "get /conferences/{conferenceId}/webhooks/{webhookId}/deliveries",
                    "post /conferences/{conferenceId}/webhooks/{webhookId}/deliveries/{deliveryId}/retry",
                    "get /conferences/{conferenceId}/attendees/{attendeeId}/notifications"));

    @Test
    void every_service_documents_its_contract_endpoints_and_problem_slugs() {
        CONTRACT.forEach((service, operations) -> {
            Http.Response document = FullStack.service(service).http().get("/v3/api-docs", null);
            assertThat(document.status()).as(service).isEqualTo(200);
            write(service, document.body());
            JsonNode paths = document.json().get("paths");
            for (String operation : operations) {
                String[] methodAndPath = operation.split(" ", 2);
                assertThat(paths.path(methodAndPath[1]).has(methodAndPath[0]))
                        .as(service + " documents " + operation).isTrue();
            }
            assertThat(document.body()).as(service + " lists problem slugs")
                    .contains("sold-out", "not-registered", "validation-failed");
            JsonNode listed = document.json().path("components").path("x-problem-slugs");
            for (ProblemSlug slug : ProblemSlug.values()) {
                assertThat(listed.path(slug.slug()).asInt()).as(service + " lists " + slug + " with its status")
                        .isEqualTo(Problems.status(slug).value());
            }
        });
    }

    @Test
    void every_service_documents_what_a_generated_client_needs() {
        for (String service : CONTRACT.keySet()) {
            JsonNode document = FullStack.service(service).http().get("/v3/api-docs", null).json();
            assertThat(document.path("components").path("securitySchemes").path("bearerJwt").path("scheme").asString())
                    .as(service + " declares bearer security").isEqualTo("bearer");
            assertThat(document.path("info").path("version").asString()).as(service + " version").isNotBlank();
            assertThat(document.path("info").path("contact").path("name").asString()).as(service + " contact")
                    .isNotBlank();
            assertThat(document.path("info").path("license").path("name").asString()).as(service + " license")
                    .isNotBlank();
            JsonNode license = document.path("info").path("license");
            assertThat(license.has("identifier") != license.has("url"))
                    .as(service + " licence names an identifier or a URL, not both: " + license).isTrue();
            assertThat(document.toString()).as(service + " names no media type */*").doesNotContain("*/*");
            Set<String> operationIds = new HashSet<>();
            List<String> problems = new ArrayList<>();
            document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
                String where = service + " " + entry.getKey() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                JsonNode responses = operation.path("responses");
                if (!operation.path("summary").isString() || operation.path("summary").asString().isBlank()) {
                    problems.add(where + ": no summary");
                }
                String id = operation.path("operationId").asString();
                if (id.isBlank() || id.matches(".*_\\d+") || !operationIds.add(id)) {
                    problems.add(where + ": operationId " + id + " is missing, numbered or not unique");
                }
                operation.path("parameters").forEach(parameter -> {
                    if (parameter.path("name").asString().equals("caller")) {
                        problems.add(where + ": asks for the caller");
                    }
                });
                boolean open = path.getKey().startsWith("/dev/");
                if (!operation.path("security").isArray() || open != operation.path("security").isEmpty()) {
                    problems.add(where + (open ? ": asks for a token" : ": has no security requirement"));
                }
                if (!open && !responses.has("401")) {
                    problems.add(where + ": does not document 401");
                }
                if (!open && !responses.path("429").path("headers").has("Retry-After")) {
                    problems.add(where + ": does not document 429 rate-limited with Retry-After");
                }
                if (!open && !responses.path("503").path("headers").has("Retry-After")) {
                    problems.add(where + ": does not document 503 service-unavailable with Retry-After");
                }
                if (path.getKey().contains("{") && !responses.has("404")) {
                    problems.add(where + ": does not document 404");
                }
                if (operation.path("tags").size() != 1
                        || operation.path("tags").get(0).asString().endsWith("-controller")) {
                    problems.add(where + ": not tagged by resource: " + operation.path("tags"));
                }
                if (entry.getKey().equals("delete") && (!responses.has("204") || responses.has("200"))) {
                    problems.add(where + ": a deletion that does not document 204");
                }
                responses.properties().forEach(response -> {
                    if (response.getKey().startsWith("4") && !response.getValue().path("content")
                            .path("application/problem+json").path("schema").path("$ref").asString()
                            .equals("#/components/schemas/Problem")) {
                        problems.add(where + ": " + response.getKey() + " without the Problem schema");
                    }
                });
            }));
            assertThat(problems).as(service).isEmpty();
        }
    }

    @Test
    void creations_document_201_with_their_location() {
        Map<String, List<String>> creations = Map.of(
                "registration", List.of("/conferences", "/conferences/{conferenceId}/ticket-types",
                        "/conferences/{conferenceId}/registrations"),
                "volunteering", List.of("/conferences/{conferenceId}/shifts",
                        "/conferences/{conferenceId}/shifts/{shiftId}/volunteers"),
                "dinners", List.of("/conferences/{conferenceId}/dinners",
                        "/conferences/{conferenceId}/dinners/{dinnerId}/tickets"),
                "sprints", List.of("/conferences/{conferenceId}/sprints",
                        "/conferences/{conferenceId}/sprints/{sprintId}/participants"),
                "notifications", List.of("/conferences/{conferenceId}/webhooks"));
        creations.forEach((service, paths) -> {
            JsonNode document = FullStack.service(service).http().get("/v3/api-docs", null).json();
            for (String path : paths) {
                JsonNode responses = document.path("paths").path(path).path("post").path("responses");
                assertThat(responses.has("200")).as(service + " post " + path + " answers no 200").isFalse();
                assertThat(responses.path("201").path("headers").has("Location"))
                        .as(service + " post " + path + " documents 201 with Location").isTrue();
                assertThat(responses.path("201").path("content").has("application/json"))
                        .as(service + " post " + path + " answers application/json").isTrue();
            }
        });
        JsonNode dinners = FullStack.service("dinners").http().get("/v3/api-docs", null).json();
        JsonNode request = dinners.path("paths").path("/conferences/{conferenceId}/dinners/{dinnerId}/tickets")
                .path("post");
        assertThat(request.path("operationId").asString()).isEqualTo("requestDinnerTicket");
        for (String status : List.of("400", "401", "404", "409", "422")) {
            assertThat(request.path("responses").has(status)).as("requestDinnerTicket documents " + status).isTrue();
        }
    }

    @Test
    void every_service_serves_the_document_committed_in_docs_openapi() throws IOException {
        List<String> differing = new ArrayList<>();
        for (String service : CONTRACT.keySet()) {
            JsonNode served = committable(service, FullStack.service(service).http().get("/v3/api-docs", null).json());
            Path file = COMMITTED.resolve(service + ".json");
            if (Boolean.getBoolean(REFRESH)) {
                Files.createDirectories(COMMITTED);
                Files.writeString(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
            } else if (!Files.exists(file) || !Http.JSON.readTree(file.toFile()).equals(served)) {
                differing.add(service + " (" + file.toAbsolutePath().normalize() + ")");
            }
        }
        assertThat(differing).as("the documents the services serve differ from the committed ones; after a deliberate "
                + "API change refresh them with ./mvnw -pl infra/devstack -am test -Dtest=OpenApiDocumentsTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -D" + REFRESH + "=true (add -Dcodegen.skip=true if the "
                + "old ones no longer generate clients that compile), review the diff and commit docs/openapi")
                .isEmpty();
    }

    /** The served document as committed: servers are the devstack's, not this test's random port. */
    private static JsonNode committable(String service, JsonNode served) {
        ObjectNode document = (ObjectNode) served.deepCopy();
        document.putArray("servers").addObject()
                .put("url", "http://localhost:" + DEVSTACK_PORTS.get(service))
                .put("description", "the devstack (./mvnw -pl infra/devstack -am spring-boot:run)");
        return document;
    }

    /** Kept in target/openapi for linting and client generation against the documents the services really serve. */
    private static void write(String service, String document) {
        try {
            Path file = Path.of("target", "openapi", service + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
