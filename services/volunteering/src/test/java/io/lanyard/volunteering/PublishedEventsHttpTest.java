package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.volunteering.ShiftAttendanceRecorded;
import io.lanyard.kernel.events.volunteering.ShiftScheduled;
import io.lanyard.kernel.events.volunteering.VolunteerSignedUp;
import io.lanyard.kernel.events.volunteering.VolunteerWithdrew;
import io.lanyard.testsupport.ServiceTest;

/** What registration's itinerary reads from {@code lanyard.volunteering.v1}, read back as it would. */
@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class PublishedEventsHttpTest extends VolunteeringTestSupport {

    @Test
    void shifts_sign_ups_withdrawals_and_attendance_are_published_keyed_by_conference() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        OffsetDateTime startsAt = evening(0, 17);
        UUID shift = scheduleShift(olivia, conference, "Bag stuffing, table 2", startsAt, Duration.ofHours(2), 20);
        Volunteer alice = volunteer(conference, "alice");
        Volunteer bob = volunteer(conference, "bob");
        assertThat(signUp(alice, conference, shift).status()).isEqualTo(201);
        assertThat(signUp(bob, conference, shift).status()).isEqualTo(201);
        assertThat(http().delete("/conferences/" + conference + "/shifts/" + shift + "/volunteers/" + bob.id(),
                bob.token()).status()).isEqualTo(204);
        clockAt(startsAt.plusHours(2));
        assertThat(recordAttendance(olivia, conference, shift, alice.id(), "PRESENT").status()).isEqualTo(204);

        List<IntegrationEvent> published = PublishedEvents.eventsFor(conference, 5);

        assertThat(published.getFirst()).isInstanceOfSatisfying(ShiftScheduled.class, e -> {
            assertThat(e.shiftId()).isEqualTo(shift);
            assertThat(e.title()).isEqualTo("Bag stuffing, table 2");
            assertThat(e.task()).isEqualTo("bag-stuffing");
            assertThat(e.location()).isEqualTo("Hall A");
            assertThat(e.startsAt()).isEqualTo(startsAt);
            assertThat(e.endsAt()).isEqualTo(startsAt.plusHours(2));
            assertThat(e.capacity()).isEqualTo(20);
        });
        assertThat(published.subList(1, 4)).containsExactly(
                new VolunteerSignedUp(published.get(1).eventId(), conference, published.get(1).occurredAt(), shift,
                        alice.id()),
                new VolunteerSignedUp(published.get(2).eventId(), conference, published.get(2).occurredAt(), shift,
                        bob.id()),
                new VolunteerWithdrew(published.get(3).eventId(), conference, published.get(3).occurredAt(), shift,
                        bob.id()));
        assertThat(published.get(4)).isInstanceOfSatisfying(ShiftAttendanceRecorded.class, e -> {
            assertThat(e.attendeeId()).isEqualTo(alice.id());
            assertThat(e.status()).isEqualTo("PRESENT");
            assertThat(e.hoursWorked()).isEqualTo(2.0);
        });
    }
}
