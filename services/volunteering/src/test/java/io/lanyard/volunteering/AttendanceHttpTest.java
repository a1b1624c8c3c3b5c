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
class AttendanceHttpTest extends VolunteeringTestSupport {

    @Test
    void worked_hours_add_up_from_present_shifts_and_no_shows_are_counted() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID bagStuffing = scheduleShift(olivia, conference, "Bag stuffing", evening(0, 17), Duration.ofHours(2), 20);
        UUID desk = scheduleShift(olivia, conference, "Registration desk", evening(1, 8), Duration.ofMinutes(270), 4);
        UUID swag = scheduleShift(olivia, conference, "Swag table", evening(2, 12), Duration.ofHours(3), 4);
        Volunteer alice = volunteer(conference, "alice");
        for (UUID shift : new UUID[] {bagStuffing, desk, swag}) {
            assertThat(signUp(alice, conference, shift).status()).isEqualTo(201);
        }
        clockAt(evening(2, 15));

        assertThat(recordAttendance(olivia, conference, bagStuffing, alice.id(), "PRESENT").status()).isEqualTo(204);
        assertThat(recordAttendance(olivia, conference, desk, alice.id(), "PRESENT").status()).isEqualTo(204);
        assertThat(recordAttendance(olivia, conference, swag, alice.id(), "NO_SHOW").status()).isEqualTo(204);

        Http.Response page = page(alice.token(), conference, alice.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("hoursWorked").asDouble()).isEqualTo(6.5);
        assertThat(page.json().get("noShows").asInt()).isEqualTo(1);
        JsonNode shifts = page.json().get("shifts");
        assertThat(shifts.size()).isEqualTo(3);
        assertThat(shifts.get(0).get("id").asString()).isEqualTo(bagStuffing.toString());
        assertThat(shifts.get(0).get("title").asString()).isEqualTo("Bag stuffing");
        assertThat(shifts.get(0).get("attendance").asString()).isEqualTo("PRESENT");
        assertThat(shifts.get(2).get("attendance").asString()).isEqualTo("NO_SHOW");

        assertThat(recordAttendance(olivia, conference, swag, alice.id(), "PRESENT").status()).isEqualTo(204);
        Http.Response corrected = page(olivia, conference, alice.id());
        assertThat(corrected.json().get("hoursWorked").asDouble()).isEqualTo(9.5);
        assertThat(corrected.json().get("noShows").asInt()).isZero();
    }

    @Test
    void refuses_attendance_before_the_shift_has_begun_with_not_started() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        OffsetDateTime startsAt = evening(1, 8);
        UUID desk = scheduleShift(olivia, conference, "Registration desk", startsAt, Duration.ofHours(4), 4);
        Volunteer alice = volunteer(conference, "alice");
        assertThat(signUp(alice, conference, desk).status()).isEqualTo(201);
        clockAt(startsAt.minusMinutes(1));

        for (String status : new String[] {"PRESENT", "NO_SHOW"}) {
            Http.Response early = recordAttendance(olivia, conference, desk, alice.id(), status);
            assertThat(early.status()).as(early.toString()).isEqualTo(409);
            assertThat(early.contentType()).startsWith("application/problem+json");
            assertThat(early.problem()).isEqualTo("not-started");
        }
        JsonNode page = page(olivia, conference, alice.id()).json();
        assertThat(page.get("hoursWorked").asDouble()).isZero();
        assertThat(page.get("noShows").asInt()).isZero();
        assertThat(page.get("shifts").get(0).get("attendance").isNull()).isTrue();

        clockAt(startsAt);
        assertThat(recordAttendance(olivia, conference, desk, alice.id(), "PRESENT").status()).isEqualTo(204);
        assertThat(page(olivia, conference, alice.id()).json().get("hoursWorked").asDouble()).isEqualTo(4.0);
    }

    @Test
    void only_organizers_record_attendance_and_only_for_volunteers_on_the_shift() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID shift = scheduleShift(olivia, conference, "Bag stuffing", evening(0, 17), Duration.ofHours(2), 20);
        Volunteer alice = volunteer(conference, "alice");
        Volunteer bob = volunteer(conference, "bob");
        assertThat(signUp(alice, conference, shift).status()).isEqualTo(201);

        Http.Response byAlice = recordAttendance(alice.token(), conference, shift, alice.id(), "PRESENT");
        assertThat(byAlice.status()).isEqualTo(403);
        assertThat(byAlice.problem()).isEqualTo("forbidden");
        assertThat(recordAttendance(organizerToken("oscar"), conference, shift, alice.id(), "PRESENT").status())
                .isEqualTo(403);

        Http.Response notOnShift = recordAttendance(olivia, conference, shift, bob.id(), "PRESENT");
        assertThat(notOnShift.status()).isEqualTo(404);
        assertThat(notOnShift.problem()).isEqualTo("not-found");
        assertThat(recordAttendance(olivia, conference, UUID.randomUUID(), alice.id(), "PRESENT").status())
                .isEqualTo(404);

        Http.Response badStatus = recordAttendance(olivia, conference, shift, alice.id(), "LATE");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.problem()).isEqualTo("validation-failed");
        assertThat(badStatus.body()).contains("status");
        assertThat(http().post("/conferences/" + conference + "/shifts/" + shift + "/volunteers/" + alice.id()
                + "/attendance", olivia, Map.of()).status()).isEqualTo(400);

        JsonNode page = page(olivia, conference, alice.id()).json();
        assertThat(page.get("hoursWorked").asDouble()).isZero();
        assertThat(page.get("shifts").get(0).get("attendance").isNull()).isTrue();
    }

    @Test
    void a_volunteers_page_is_for_the_volunteer_and_the_organizers() {
        UUID conference = conference("olivia");
        Volunteer alice = volunteer(conference, "alice");

        Http.Response own = page(alice.token(), conference, alice.id());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("shifts").size()).isZero();
        assertThat(own.json().get("hoursWorked").asDouble()).isZero();
        assertThat(own.json().get("noShows").asInt()).isZero();
        assertThat(page(organizerToken("olivia"), conference, alice.id()).status()).isEqualTo(200);

        Http.Response other = page(token("bob"), conference, alice.id());
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.problem()).isEqualTo("forbidden");
        assertThat(page(organizerToken("oscar"), conference, alice.id()).status()).isEqualTo(403);
        assertThat(page(null, conference, alice.id()).status()).isEqualTo(401);
        assertThat(page(organizerToken("olivia"), conference, UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(page(alice.token(), UUID.randomUUID(), alice.id()).status()).isEqualTo(404);
    }
}
