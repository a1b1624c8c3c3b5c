package io.lanyard.sprints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTest;
import tools.jackson.databind.JsonNode;

@ServiceTest(properties = "spring.config.name=sprints")
class SprintAnnouncementHttpTest extends SprintsTestSupport {

    @Test
    void an_organizer_announces_a_sprint_and_everyone_sees_it_on_the_board() {
        UUID conference = conference("olivia");
        UUID leader = attendee(conference, "lena", "Lena Leader");

        Http.Response created = announce(organizerToken("olivia"), conference, leader, 12, TUESDAY, MONDAY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo(sprints(conference) + "/" + id);

        attendee(conference, "ada", "Ada");
        Http.Response board = http().get(sprints(conference), token("ada"));
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.json().size()).isEqualTo(1);
        JsonNode sprint = board.json().get(0);
        assertThat(sprint.get("id").asString()).isEqualTo(id);
        assertThat(sprint.get("project").asString()).isEqualTo("CPython");
        assertThat(sprint.get("description").asString()).isEqualTo("Triage issues, review pull requests");
        assertThat(sprint.get("leaderAttendeeId").asString()).isEqualTo(leader.toString());
        assertThat(sprint.get("capacity").asInt()).isEqualTo(12);
        assertThat(sprint.get("days").values().stream().map(JsonNode::asString).toList())
                .containsExactly(MONDAY, TUESDAY);
        assertThat(sprint.get("participantsPerDay").get(MONDAY).asInt()).isZero();
        assertThat(sprint.get("participantsPerDay").get(TUESDAY).asInt()).isZero();

        Http.Response one = http().get(sprints(conference) + "/" + id, token("someone"));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("project").asString()).isEqualTo("CPython");
    }

    @Test
    void a_registered_attendee_announces_a_sprint_they_lead() {
        UUID conference = conference("olivia");
        UUID leader = attendee(conference, "lena", "Lena Leader");

        Http.Response created = announce(token("lena"), conference, leader, 8, MONDAY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(sprint(token("lena"), conference, UUID.fromString(created.json().get("id").asString()))
                .get("leaderAttendeeId").asString()).isEqualTo(leader.toString());
    }

    @Test
    void an_attendee_may_not_announce_a_sprint_led_by_someone_else() {
        UUID conference = conference("olivia");
        UUID leader = attendee(conference, "lena", "Lena Leader");
        attendee(conference, "mallory", "Mallory");

        Http.Response refused = announce(token("mallory"), conference, leader, 8, MONDAY);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problem()).isEqualTo("forbidden");
        Http.Response otherOrganizer = announce(organizerToken("oscar"), conference, leader, 8, MONDAY);
        assertThat(otherOrganizer.status()).isEqualTo(403);
        assertThat(http().get(sprints(conference), token("lena")).json().size()).isZero();
    }

    @Test
    void the_leader_must_be_a_registered_attendee() {
        UUID conference = conference("olivia");
        UUID cancelled = attendee(conference, "carl", "Carl");
        cancelRegistration(conference, cancelled, "carl");

        Http.Response unknown = announce(organizerToken("olivia"), conference, UUID.randomUUID(), 8, MONDAY);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.problem()).isEqualTo("not-registered");
        Http.Response gone = announce(token("carl"), conference, cancelled, 8, MONDAY);
        assertThat(gone.status()).isEqualTo(422);
        assertThat(gone.problem()).isEqualTo("not-registered");
        assertThat(http().get(sprints(conference), organizerToken("olivia")).json().size()).isZero();
    }

    /** The test conference runs 2027-05-14 to 22; three days either side are for set-up and sprints. */
    @Test
    void sprint_days_fall_within_the_conference_and_its_margin() {
        UUID conference = conference("olivia");
        UUID leader = attendee(conference, "lena", "Lena Leader");
        String organizer = organizerToken("olivia");

        Http.Response ancient = announce(organizer, conference, leader, 5, "1999-01-01");
        assertThat(ancient.status()).as(ancient.toString()).isEqualTo(422);
        assertThat(ancient.problem()).isEqualTo("outside-conference");
        assertThat(ancient.json().get("firstDay").asString()).isEqualTo("2027-05-11");
        assertThat(ancient.json().get("lastDay").asString()).isEqualTo("2027-05-25");
        for (Http.Response outside : List.of(
                announce(organizer, conference, leader, 5, "2027-05-10", MONDAY),
                announce(token("lena"), conference, leader, 5, MONDAY, "2027-05-26"))) {
            assertThat(outside.status()).as(outside.toString()).isEqualTo(422);
            assertThat(outside.problem()).isEqualTo("outside-conference");
        }
        assertThat(http().get(sprints(conference), organizer).json().size()).as("nothing announced").isZero();

        Http.Response edges = announce(organizer, conference, leader, 5, "2027-05-11", "2027-05-25");
        assertThat(edges.status()).as(edges.toString()).isEqualTo(201);
    }

    /** The leader registered a moment ago, and the announcement reached sprints before registration's event. */
    @Test
    void a_leader_registered_a_moment_ago_is_given_replications_moment_to_announce_their_sprint() throws Exception {
        UUID conference = conference("olivia");
        UUID[] lena = new UUID[1];

        Http.Response created = whileTheReplicaIsBehind("known_attendee",
                () -> lena[0] = RegistrationFeed.attendeeRegistered(conference, "lena", "Lena Leader"),
                () -> announce(token("lena"), conference, lena[0], 8, MONDAY));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void bad_input_is_answered_with_a_problem_and_announces_nothing() {
        UUID conference = conference("olivia");
        UUID leader = attendee(conference, "lena", "Lena Leader");
        String organizer = organizerToken("olivia");

        Http.Response blank = http().post(sprints(conference), organizer, Map.of("project", " ", "description", "",
                "leaderAttendeeId", leader.toString(), "capacity", 0, "days", List.of()));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.problem()).isEqualTo("validation-failed");
        assertThat(blank.body()).contains("project").contains("capacity").contains("days");

        Http.Response twice = announce(organizer, conference, leader, 5, MONDAY, MONDAY);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.problem()).isEqualTo("validation-failed");
        assertThat(twice.body()).contains("days");

        Http.Response notADate = announce(organizer, conference, leader, 5, "next monday");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.problem()).isEqualTo("validation-failed");

        Http.Response noLeader = http().post(sprints(conference), organizer,
                Map.of("project", "NumPy", "capacity", 5, "days", List.of(MONDAY)));
        assertThat(noLeader.status()).isEqualTo(400);
        assertThat(noLeader.problem()).isEqualTo("validation-failed");

        Http.Response malformed = http().post(sprints(conference), organizer, "{\"project\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problem()).isEqualTo("malformed-request");

        assertThat(http().get(sprints(conference), organizer).json().size()).isZero();
    }

    @Test
    void unknown_conferences_and_sprints_are_not_found_and_strangers_are_turned_away() {
        UUID conference = conference("olivia");
        UUID leader = attendee(conference, "lena", "Lena Leader");

        Http.Response unknownConference = announce(organizerToken("olivia"), UUID.randomUUID(), leader, 5, MONDAY);
        assertThat(unknownConference.status()).isEqualTo(404);
        assertThat(unknownConference.problem()).isEqualTo("not-found");
        assertThat(http().get(sprints(UUID.randomUUID()), token("lena")).status()).isEqualTo(404);
        assertThat(http().get(sprints(conference) + "/" + UUID.randomUUID(), token("lena")).status()).isEqualTo(404);

        Http.Response anonymous = http().get(sprints(conference), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problem()).isEqualTo("unauthenticated");
    }

    @Test
    void health_and_the_openapi_document_are_open() {
        Http.Response apiDocs = http().get("/v3/api-docs", null);
        assertThat(apiDocs.status()).isEqualTo(200);
        assertThat(apiDocs.json().get("paths").has("/conferences/{conferenceId}/sprints/{sprintId}/participants"))
                .isTrue();
        Http.Response health = http().get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }
}
