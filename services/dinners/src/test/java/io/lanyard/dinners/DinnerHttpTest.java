package io.lanyard.dinners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;

@ServiceTest(properties = "spring.config.name=dinners")
class DinnerHttpTest extends DinnersTestSupport {

    @Test
    void an_organizer_schedules_a_dinner_and_any_caller_sees_its_seats() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        Http.Response created = http().post("/conferences/" + conference + "/dinners", organizer, Map.of(
                "name", "Speakers' dinner", "venue", "Portland Art Museum", "startsAt", "2027-05-19T19:00:00-07:00",
                "seats", 120, "priceCents", 6500, "currency", "USD"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/conferences/" + conference + "/dinners/" + id);

        Http.Response dinner = dinner(token("anyone"), conference, UUID.fromString(id));
        assertThat(dinner.status()).isEqualTo(200);
        assertThat(dinner.json().get("id").asString()).isEqualTo(id);
        assertThat(dinner.json().get("name").asString()).isEqualTo("Speakers' dinner");
        assertThat(dinner.json().get("seats").asInt()).isEqualTo(120);
        assertThat(dinner.json().get("held").asInt()).isZero();
        assertThat(dinner.json().get("sold").asInt()).isZero();
        assertThat(dinner.json().get("available").asInt()).isEqualTo(120);
        assertThat(dinner.json().get("waitlisted").asInt()).isZero();
        assertThat(dinner.json().get("startsAt").asString()).isEqualTo("2027-05-19T19:00:00-07:00");
        assertThat(dinner.json().get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void bad_input_is_answered_with_a_problem_and_stores_nothing() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        String dinners = "/conferences/" + conference + "/dinners";

        Http.Response invalid = http().post(dinners, organizer, Map.of("name", "", "venue", "Museum",
                "startsAt", "2027-05-19T19:00:00-07:00", "seats", 0, "priceCents", -1, "currency", "usd"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.problem()).isEqualTo("validation-failed");
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.body()).contains("name").contains("seats").contains("priceCents").contains("currency");

        assertThat(post(dinners, organizer, "currency", "XQZ").problem()).isEqualTo("validation-failed");
        Http.Response noOffset = post(dinners, organizer, "startsAt", "2027-05-19T19:00:00");
        assertThat(noOffset.status()).isEqualTo(400);
        assertThat(noOffset.body()).contains("startsAt");
        assertThat(post(dinners, organizer, "startsAt", "2027-13-45T19:00:00Z").status()).isEqualTo(400);
        assertThat(post(dinners, organizer, "seats", null).status()).isEqualTo(400);

        Http.Response malformed = http().post(dinners, organizer, "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problem()).isEqualTo("malformed-request");

        Http.Response list = http().get(dinners, organizer);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isZero();
    }

    @Test
    void a_dinner_cannot_be_scheduled_to_start_in_the_past() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        String dinners = "/conferences/" + conference + "/dinners";

        Http.Response longAgo = post(dinners, organizer, "startsAt", "2020-01-01T19:00:00Z");
        assertThat(longAgo.status()).as(longAgo.toString()).isEqualTo(400);
        assertThat(longAgo.problem()).isEqualTo("validation-failed");
        assertThat(longAgo.json().get("errors").get(0).get("field").asString()).isEqualTo("startsAt");

        clockAt(OffsetDateTime.parse("2027-05-20T12:00:00-07:00"));
        Http.Response lastNight = post(dinners, organizer, "startsAt", "2027-05-19T19:00:00-07:00");
        assertThat(lastNight.status()).as("within the dates, but past").isEqualTo(400);
        assertThat(lastNight.problem()).isEqualTo("validation-failed");
        assertThat(lastNight.json().get("errors").get(0).get("field").asString()).isEqualTo("startsAt");
        Http.Response now = post(dinners, organizer, "startsAt", "2027-05-20T12:00:00-07:00");
        assertThat(now.status()).as("starting as it is scheduled").isEqualTo(400);
        assertThat(http().get(dinners, organizer).json().size()).isZero();
        assertThat(post(dinners, organizer, "startsAt", "2027-05-20T19:00:00-07:00").status()).isEqualTo(201);
    }

    @Test
    void a_dinner_falls_within_the_conferences_dates_and_the_margin_in_its_time_zone() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        String dinners = "/conferences/" + conference + "/dinners";

        Http.Response weeksLater = post(dinners, organizer, "startsAt", "2027-06-01T19:00:00-07:00");
        assertThat(weeksLater.status()).as(weeksLater.toString()).isEqualTo(422);
        assertThat(weeksLater.problem()).isEqualTo("outside-conference");
        Http.Response tenthInLosAngeles = post(dinners, organizer, "startsAt", "2027-05-11T05:00:00Z");
        assertThat(tenthInLosAngeles.status()).as("the 11th in UTC, the 10th where the conference is")
                .isEqualTo(422);
        assertThat(post(dinners, organizer, "startsAt", "2027-05-26T07:00:00Z").status())
                .as("midnight of the 26th in Los Angeles").isEqualTo(422);
        assertThat(http().get(dinners, organizer).json().size()).isZero();

        assertThat(post(dinners, organizer, "startsAt", "2027-05-11T00:30:00-07:00").status())
                .as("the first day of the margin").isEqualTo(201);
        assertThat(post(dinners, organizer, "startsAt", "2027-05-25T23:30:00-07:00").status())
                .as("the last day of the margin").isEqualTo(201);
    }

    @Test
    void only_the_conferences_organizers_schedule_dinners() {
        UUID conference = conference("olivia");
        String dinners = "/conferences/" + conference + "/dinners";
        Http.Response attendee = post(dinners, token("mallory"), "name", "Mine");
        assertThat(attendee.status()).isEqualTo(403);
        assertThat(attendee.problem()).isEqualTo("forbidden");
        assertThat(post(dinners, organizerToken("oscar"), "name", "Mine").status()).isEqualTo(403);
        assertThat(post("/conferences/" + UUID.randomUUID() + "/dinners", organizerToken("olivia"), "name", "Mine")
                .status()).isEqualTo(404);
        assertThat(post(dinners, null, "name", "Mine").status()).isEqualTo(401);
    }

    @Test
    void an_unknown_dinner_is_not_found() {
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 10);
        Http.Response unknown = dinner(organizer, conference, UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problem()).isEqualTo("not-found");
        assertThat(dinner(organizer, UUID.randomUUID(), dinner).status()).isEqualTo(404);
        assertThat(http().get("/conferences/" + conference + "/dinners/not-a-uuid", organizer).status())
                .isEqualTo(404);
    }

    private Http.Response post(String path, String token, String field, Object value) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Speakers' dinner", "venue", "Museum",
                "startsAt", "2027-05-19T19:00:00-07:00", "seats", 10, "priceCents", 6500, "currency", "USD"));
        body.put(field, value);
        return http().post(path, token, body);
    }
}
