package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class ShiftCalendarHttpTest extends VolunteeringTestSupport {

    @Test
    void a_volunteers_shifts_come_back_from_their_calendar_feed() throws Exception {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        OffsetDateTime bagStuffingStart = evening(0, 17);
        UUID bagStuffing = scheduleShift(olivia, conference, "Bag stuffing, table 3", bagStuffingStart,
                Duration.ofHours(2), 20);
        UUID desk = scheduleShift(olivia, conference, "Registration desk", evening(1, 8), Duration.ofHours(4), 4);
        UUID notMine = scheduleShift(olivia, conference, "Swag table", evening(2, 8), Duration.ofHours(4), 4);
        Volunteer alice = volunteer(conference, "alice");
        assertThat(signUp(alice, conference, bagStuffing).status()).isEqualTo(201);
        assertThat(signUp(alice, conference, desk).status()).isEqualTo(201);

        Http.Response feed = http().get(feedOf(conference, alice.id()), alice.token());
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        assertThat(feed.body()).doesNotContain(notMine.toString());

        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        VEvent first = events.getFirst();
        assertThat(value(first, Property.UID)).isEqualTo(bagStuffing + "@volunteering.lanyard");
        assertThat(value(first, Property.SUMMARY)).isEqualTo("Bag stuffing, table 3");
        assertThat(value(first, Property.LOCATION)).isEqualTo("Hall A");
        assertThat(value(first, Property.DTSTART)).endsWith("Z");
        assertThat(Instant.from(first.getStartDate().orElseThrow().getDate()))
                .isEqualTo(bagStuffingStart.toInstant());
        assertThat(Instant.from(first.getEndDate().orElseThrow().getDate()))
                .isEqualTo(bagStuffingStart.plusHours(2).toInstant());
        assertThat(value(events.get(1), Property.UID)).isEqualTo(desk + "@volunteering.lanyard");
    }

    @Test
    void a_calendar_without_shifts_is_still_a_calendar() throws Exception {
        UUID conference = conference("olivia");
        Volunteer alice = volunteer(conference, "alice");
        Http.Response feed = http().get(feedOf(conference, alice.id()), alice.token());
        assertThat(feed.status()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        assertThat(calendar.getComponents("VEVENT")).isEmpty();
    }

    @Test
    void only_the_volunteer_and_the_organizers_read_the_feed() {
        UUID conference = conference("olivia");
        Volunteer alice = volunteer(conference, "alice");
        assertThat(http().get(feedOf(conference, alice.id()), organizerToken("olivia")).status()).isEqualTo(200);
        Http.Response other = http().get(feedOf(conference, alice.id()), token("bob"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.problem()).isEqualTo("forbidden");
        assertThat(http().get(feedOf(conference, alice.id()), null).status()).isEqualTo(401);
    }

    private static String feedOf(UUID conference, UUID attendee) {
        return "/conferences/" + conference + "/volunteers/" + attendee + "/shifts.ics";
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }
}
