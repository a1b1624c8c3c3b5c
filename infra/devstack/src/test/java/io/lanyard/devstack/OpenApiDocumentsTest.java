package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.web.Problems;
import io.lanyard.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * Every service serves its OpenAPI document without a token, listing the contract's endpoints and every problem slug
 * of the one catalogue with its status.
 */
class OpenApiDocumentsTest {

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
                    "get /conferences/{conferenceId}/sprints/{sprintId}/participants"));

    @Test
    void every_service_documents_its_contract_endpoints_and_problem_slugs() {
        CONTRACT.forEach((service, operations) -> {
            Http.Response document = FullStack.service(service).http().get("/v3/api-docs", null);
            assertThat(document.status()).as(service).isEqualTo(200);
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
}
