package io.lanyard.sprints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTestSupport;
import tools.jackson.databind.JsonNode;

/** What the sprints HTTP tests share: announcing sprints and signing people up through the API. */
abstract class SprintsTestSupport extends ServiceTestSupport {

    static final String MONDAY = "2027-05-17";
    static final String TUESDAY = "2027-05-18";
    static final String WEDNESDAY = "2027-05-19";

    static String sprints(UUID conference) {
        return "/conferences/" + conference + "/sprints";
    }

    static String participants(UUID conference, UUID sprint) {
        return sprints(conference) + "/" + sprint + "/participants";
    }

    Http.Response announce(String token, UUID conference, UUID leader, int capacity, String... days) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project", "CPython");
        body.put("description", "Triage issues, review pull requests");
        body.put("leaderAttendeeId", leader.toString());
        body.put("capacity", capacity);
        body.put("days", List.of(days));
        return http().post(sprints(conference), token, body);
    }

    UUID announced(String token, UUID conference, UUID leader, int capacity, String... days) {
        Http.Response response = announce(token, conference, leader, capacity, days);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    Http.Response signUp(String token, UUID conference, UUID sprint, UUID attendee, String... days) {
        return http().post(participants(conference, sprint), token,
                Map.of("attendeeId", attendee.toString(), "days", List.of(days)));
    }

    void signedUp(String token, UUID conference, UUID sprint, UUID attendee, String... days) {
        Http.Response response = signUp(token, conference, sprint, attendee, days);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    JsonNode sprint(String token, UUID conference, UUID sprint) {
        Http.Response list = http().get(sprints(conference), token);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        for (JsonNode node : list.json()) {
            if (node.get("id").asString().equals(sprint.toString())) {
                return node;
            }
        }
        throw new AssertionError("sprint " + sprint + " is not listed: " + list.body());
    }

    int participantsOn(String token, UUID conference, UUID sprint, String day) {
        return sprint(token, conference, sprint).get("participantsPerDay").get(day).asInt();
    }
}
