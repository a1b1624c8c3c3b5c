package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.ServiceTest;

/**
 * With a snapshot every few events, the aggregates must come back from their Jackson snapshots alone: the events
 * a snapshot covers are deleted, so a snapshot that lost a field could not hide behind a full replay.
 */
@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class SnapshotLoadingHttpTest extends VolunteeringTestSupport {

    @Test
    void a_shift_keeps_its_places_when_loaded_from_its_snapshot() {
        aFullShiftLoadsFromItsSnapshot(shift -> { });
    }

    /** Snapshots taken before the shift moved to {@code shifts.write} name {@code io.lanyard.volunteering.shifts}. */
    @Test
    void a_snapshot_stored_under_the_old_package_name_is_read_as_the_shift_it_is_now() {
        aFullShiftLoadsFromItsSnapshot(shift -> assertThat(jdbc.sql("""
                        update snapshot_event_entry set payload_type = 'io.lanyard.volunteering.shifts.Shift'
                        where aggregate_identifier = ?""")
                .param(shift.toString())
                .update()).isPositive());
    }

    /** Five volunteers fill a shift of five; {@code stored} may change the snapshot that is then all there is. */
    private void aFullShiftLoadsFromItsSnapshot(Consumer<UUID> stored) {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID shift = scheduleShift(olivia, conference, "Bag stuffing", evening(0, 17), Duration.ofHours(2), 5);
        List<Volunteer> volunteers = volunteers(conference, "snap", 7);
        for (Volunteer volunteer : volunteers.subList(0, 5)) {
            assertThat(signUp(volunteer, conference, shift).status()).isEqualTo(201);
        }

        onlySnapshotRemains(shift);
        stored.accept(shift);

        assertThat(signUp(volunteers.get(5), conference, shift).problem()).isEqualTo("shift-full");
        assertThat(signUp(volunteers.get(0), conference, shift).problem()).isEqualTo("already-signed-up");
        assertThat(http().delete("/conferences/" + conference + "/shifts/" + shift + "/volunteers/"
                + volunteers.get(0).id(), volunteers.get(0).token()).status()).isEqualTo(204);
        assertThat(signUp(volunteers.get(6), conference, shift).status()).isEqualTo(201);
        assertThat(places(olivia, conference, shift)).containsExactly(5, 5, 0);
    }

    @Test
    void a_volunteer_schedule_keeps_its_shifts_and_no_shows_when_loaded_from_its_snapshot() {
        String olivia = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID first = scheduleShift(olivia, conference, "Day 1", evening(0, 9), Duration.ofHours(2), 5);
        UUID second = scheduleShift(olivia, conference, "Day 2", evening(1, 9), Duration.ofHours(2), 5);
        UUID overlapping = scheduleShift(olivia, conference, "Day 2 too", evening(1, 10), Duration.ofHours(2), 5);
        UUID third = scheduleShift(olivia, conference, "Day 3", evening(2, 9), Duration.ofHours(2), 5);
        Volunteer alice = volunteer(conference, "alice");
        assertThat(signUp(alice, conference, first).status()).isEqualTo(201);
        assertThat(signUp(alice, conference, second).status()).isEqualTo(201);
        clockAt(evening(1, 9).plusMinutes(30));
        assertThat(recordAttendance(olivia, conference, first, alice.id(), "NO_SHOW").status()).isEqualTo(204);
        assertThat(recordAttendance(olivia, conference, second, alice.id(), "NO_SHOW").status()).isEqualTo(204);

        onlySnapshotRemains(scheduleIdOf(conference, alice.subject()));

        assertThat(signUp(alice, conference, third).problem()).isEqualTo("too-many-no-shows");
        assertThat(recordAttendance(olivia, conference, second, alice.id(), "PRESENT").status()).isEqualTo(204);
        assertThat(signUp(alice, conference, overlapping).problem()).isEqualTo("overlapping-shift");
        assertThat(signUp(alice, conference, third).status()).isEqualTo(201);
    }
}
