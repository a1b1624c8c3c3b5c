package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance run, through the API only: the evening before the conference an organizer schedules five
 * two-hour bag-stuffing shifts of twenty, a hundred volunteers fill them, overlaps and repeat no-shows are refused
 * with their slugs, hours add up over the following days, and every volunteer's calendar feed imports.
 */
@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class BagStuffingEveningTest extends VolunteeringTestSupport {

    @Test
    void the_bag_stuffing_evening_runs_end_to_end() throws Exception {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        assertThat(http().put("/conferences/" + conference + "/volunteer-policy", olivia,
                Map.of("maxHoursPerDay", 8, "minRestMinutes", 30)).status()).isEqualTo(204);

        OffsetDateTime eveningBefore = evening(0, 18);
        List<UUID> tables = new ArrayList<>();
        for (int table = 1; table <= 5; table++) {
            tables.add(scheduleShift(olivia, conference, "Bag stuffing, table " + table, eveningBefore,
                    Duration.ofHours(2), 20));
        }
        JsonNode board = board(token("anyone"), conference).json();
        assertThat(board.size()).isEqualTo(5);
        board.forEach(shift -> assertThat(shift.get("free").asInt()).isEqualTo(20));

        List<Volunteer> volunteers = volunteers(conference, "stuffer", 100);
        List<Future<Http.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < volunteers.size(); i++) {
                Volunteer volunteer = volunteers.get(i);
                UUID table = tables.get(i / 20);
                answers.add(pool.submit(() -> signUp(volunteer, conference, table)));
            }
        }
        for (Future<Http.Response> answer : answers) {
            assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(201);
        }
        for (UUID table : tables) {
            assertThat(places(olivia, conference, table)).containsExactly(20, 20, 0);
        }

        Volunteer late = volunteer(conference, "latecomer");
        assertThat(signUp(late, conference, tables.get(4)).problem()).isEqualTo("shift-full");
        Volunteer eager = volunteers.get(0);
        assertThat(signUp(eager, conference, tables.get(1)).problem()).isEqualTo("overlapping-shift");

        Volunteer missing = volunteers.get(1);
        Volunteer steady = volunteers.get(2);
        clockAt(evening(0, 20));
        for (int i = 0; i < volunteers.size(); i++) {
            String status = volunteers.get(i) == missing ? "NO_SHOW" : "PRESENT";
            assertThat(recordAttendance(olivia, conference, tables.get(i / 20), volunteers.get(i).id(), status)
                    .status()).isEqualTo(204);
        }

        UUID deskDayOne = scheduleShift(olivia, conference, "Registration desk", evening(1, 8), Duration.ofHours(4),
                10);
        UUID deskDayTwo = scheduleShift(olivia, conference, "Registration desk", evening(2, 8), Duration.ofHours(4),
                10);
        assertThat(signUp(missing, conference, deskDayOne).status()).isEqualTo(201);
        assertThat(signUp(steady, conference, deskDayOne).status()).isEqualTo(201);
        clockAt(evening(1, 12));
        assertThat(recordAttendance(olivia, conference, deskDayOne, missing.id(), "NO_SHOW").status()).isEqualTo(204);
        assertThat(recordAttendance(olivia, conference, deskDayOne, steady.id(), "PRESENT").status()).isEqualTo(204);
        assertThat(signUp(missing, conference, deskDayTwo).problem()).isEqualTo("too-many-no-shows");
        assertThat(signUp(steady, conference, deskDayTwo).status()).isEqualTo(201);

        JsonNode steadyPage = page(steady.token(), conference, steady.id()).json();
        assertThat(steadyPage.get("hoursWorked").asDouble()).isEqualTo(6.0);
        assertThat(steadyPage.get("noShows").asInt()).isZero();
        assertThat(steadyPage.get("shifts").size()).isEqualTo(3);
        JsonNode missingPage = page(olivia, conference, missing.id()).json();
        assertThat(missingPage.get("hoursWorked").asDouble()).isZero();
        assertThat(missingPage.get("noShows").asInt()).isEqualTo(2);

        for (int i = 0; i < volunteers.size(); i++) {
            Volunteer volunteer = volunteers.get(i);
            Http.Response feed = http().get("/conferences/" + conference + "/volunteers/" + volunteer.id()
                    + "/shifts.ics", volunteer.token());
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.contentType()).startsWith("text/calendar");
            Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
            assertThat(calendar.validate().hasErrors()).isFalse();
            List<VEvent> events = calendar.getComponents("VEVENT");
            assertThat(events).extracting(e -> e.getProperty("UID").orElseThrow().getValue())
                    .contains(tables.get(i / 20) + "@volunteering.lanyard");
        }
    }
}
