package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;
import tools.jackson.databind.JsonNode;

@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class ShiftBoardHttpTest extends VolunteeringTestSupport {

    @Test
    void an_organizer_puts_a_shift_on_the_board_that_every_attendee_can_read() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        OffsetDateTime startsAt = evening(0, 17);

        Http.Response created = http().post("/conferences/" + conference + "/shifts", olivia,
                shiftBody("Bag stuffing, table 1", startsAt, Duration.ofHours(2), 20));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/conferences/" + conference + "/shifts/" + id);

        Http.Response board = board(token("anyone"), conference);
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.json().size()).isEqualTo(1);
        JsonNode shift = board.json().get(0);
        assertThat(shift.get("id").asString()).isEqualTo(id);
        assertThat(shift.get("title").asString()).isEqualTo("Bag stuffing, table 1");
        assertThat(shift.get("task").asString()).isEqualTo("bag-stuffing");
        assertThat(shift.get("location").asString()).isEqualTo("Hall A");
        assertThat(OffsetDateTime.parse(shift.get("startsAt").asString())).isEqualTo(startsAt);
        assertThat(shift.get("startsAt").asString()).endsWith("-07:00");
        assertThat(OffsetDateTime.parse(shift.get("endsAt").asString())).isEqualTo(startsAt.plusHours(2));
        assertThat(shift.get("capacity").asInt()).isEqualTo(20);
        assertThat(shift.get("signedUp").asInt()).isZero();
        assertThat(shift.get("free").asInt()).isEqualTo(20);
    }

    @Test
    void the_board_lists_a_conferences_shifts_in_time_order() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID late = scheduleShift(olivia, conference, "Swag table", evening(1, 15), Duration.ofHours(2), 3);
        UUID early = scheduleShift(olivia, conference, "Registration desk", evening(1, 8), Duration.ofHours(4), 4);
        scheduleShift(organizerToken("oscar"), conference("oscar"), "Elsewhere", evening(1, 9), Duration.ofHours(1),
                1);

        JsonNode board = board(token("anyone"), conference).json();
        assertThat(board.size()).isEqualTo(2);
        assertThat(board.get(0).get("id").asString()).isEqualTo(early.toString());
        assertThat(board.get(1).get("id").asString()).isEqualTo(late.toString());
    }

    @Test
    void bad_shifts_are_answered_with_a_problem_and_nothing_is_stored() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        String path = "/conferences/" + conference + "/shifts";
        OffsetDateTime startsAt = evening(0, 17);

        Map<String, Object> backwards = shiftBody("Backwards", startsAt, Duration.ofHours(2), 5);
        backwards.put("endsAt", startsAt.minusHours(1).toString());
        assertInvalid(http().post(path, olivia, backwards), "endsAt");

        Map<String, Object> empty = shiftBody("Empty", startsAt, Duration.ofHours(2), 5);
        empty.put("endsAt", startsAt.toString());
        assertInvalid(http().post(path, olivia, empty), "endsAt");

        assertInvalid(http().post(path, olivia, shiftBody("Nobody", startsAt, Duration.ofHours(2), 0)), "capacity");

        Map<String, Object> noOffset = shiftBody("Local time", startsAt, Duration.ofHours(2), 5);
        noOffset.put("startsAt", startsAt.toLocalDateTime().toString());
        assertInvalid(http().post(path, olivia, noOffset), "startsAt");

        Map<String, Object> notATime = shiftBody("Soon", startsAt, Duration.ofHours(2), 5);
        notATime.put("endsAt", "tomorrow evening");
        assertInvalid(http().post(path, olivia, notATime), "endsAt");

        Map<String, Object> blank = shiftBody(" ", startsAt, Duration.ofHours(2), 5);
        blank.put("task", "");
        blank.remove("location");
        Http.Response blanks = http().post(path, olivia, blank);
        assertInvalid(blanks, "title");
        assertThat(blanks.body()).contains("task").contains("location");

        assertInvalid(http().post(path, olivia, shiftBody("Marathon", startsAt, Duration.ofHours(25), 5)), "endsAt");

        Http.Response malformed = http().post(path, olivia, "{\"title\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problem()).isEqualTo("malformed-request");

        assertThat(board(olivia, conference).json().size()).isZero();
    }

    @Test
    void refuses_a_shift_outside_the_conference_dates_with_outside_conference() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        String path = "/conferences/" + conference + "/shifts";

        Http.Response lastCentury = http().post(path, olivia,
                shiftBody("Bag stuffing", OffsetDateTime.parse("1999-05-13T17:00:00-07:00"), Duration.ofHours(2), 5));
        assertThat(lastCentury.status()).as(lastCentury.toString()).isEqualTo(422);
        assertThat(lastCentury.contentType()).startsWith("application/problem+json");
        assertThat(lastCentury.problem()).isEqualTo("outside-conference");
        Http.Response dayBeforeTheMargin = http().post(path, olivia, shiftBody("Too early",
                OffsetDateTime.parse("2027-05-10T23:00:00-07:00"), Duration.ofHours(2), 5));
        assertThat(dayBeforeTheMargin.problem())
                .as("the 11th in UTC, but the 10th in Los Angeles, where the conference is")
                .isEqualTo("outside-conference");
        Http.Response endsAfterTheMargin = http().post(path, olivia, shiftBody("Too late",
                OffsetDateTime.parse("2027-05-25T23:00:00-07:00"), Duration.ofHours(2), 5));
        assertThat(endsAfterTheMargin.problem()).isEqualTo("outside-conference");
        assertThat(board(olivia, conference).json().size()).isZero();

        scheduleShift(olivia, conference, "Set-up", OffsetDateTime.parse("2027-05-11T00:00:00-07:00"),
                Duration.ofHours(2), 5);
        scheduleShift(olivia, conference, "Tear-down", OffsetDateTime.parse("2027-05-25T21:00:00-07:00"),
                Duration.ofHours(3), 5);
        assertThat(board(olivia, conference).json().size()).isEqualTo(2);
    }

    @Test
    void only_the_conferences_organizers_schedule_shifts() {
        UUID conference = conference("olivia");
        Map<String, Object> body = shiftBody("Bag stuffing", evening(0, 17), Duration.ofHours(2), 20);
        String path = "/conferences/" + conference + "/shifts";

        Http.Response attendee = http().post(path, token("mallory"), body);
        assertThat(attendee.status()).isEqualTo(403);
        assertThat(attendee.problem()).isEqualTo("forbidden");
        assertThat(http().post(path, organizerToken("oscar"), body).status()).isEqualTo(403);
        Http.Response anonymous = http().post(path, null, body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problem()).isEqualTo("unauthenticated");

        Http.Response unknown = http().post("/conferences/" + UUID.randomUUID() + "/shifts", organizerToken("olivia"),
                body);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problem()).isEqualTo("not-found");

        assertThat(board(organizerToken("olivia"), conference).json().size()).isZero();
    }

    @Test
    void the_board_needs_a_token_and_a_known_conference() {
        UUID conference = conference("olivia");
        assertThat(board(null, conference).status()).isEqualTo(401);
        Http.Response unknown = board(token("anyone"), UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problem()).isEqualTo("not-found");
    }

    private static void assertInvalid(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problem()).isEqualTo("validation-failed");
        assertThat(response.body()).contains(field);
    }

    @Test
    void health_and_the_openapi_document_are_open() {
        Http.Response apiDocs = http().get("/v3/api-docs", null);
        assertThat(apiDocs.status()).isEqualTo(200);
        JsonNode paths = apiDocs.json().get("paths");
        for (String path : new String[] {"/conferences/{conferenceId}/volunteer-policy",
                "/conferences/{conferenceId}/shifts",
                "/conferences/{conferenceId}/shifts/{shiftId}/volunteers",
                "/conferences/{conferenceId}/shifts/{shiftId}/volunteers/{attendeeId}",
                "/conferences/{conferenceId}/shifts/{shiftId}/volunteers/{attendeeId}/attendance",
                "/conferences/{conferenceId}/volunteers/{attendeeId}",
                "/conferences/{conferenceId}/volunteers/{attendeeId}/shifts.ics"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        Http.Response health = http().get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }
}
