package io.lanyard.kernel.events.volunteering;

import static io.lanyard.kernel.events.EventCatalogue.VOLUNTEERING_TOPIC;

import java.util.List;

import io.lanyard.kernel.events.EventCatalogue.Entry;

/** What volunteering publishes on {@code lanyard.volunteering.v1}. */
public final class VolunteeringEvents {

    public static final List<Entry> ENTRIES = List.of(
            new Entry("volunteering.shift-scheduled", 1, VOLUNTEERING_TOPIC, ShiftScheduled.class),
            new Entry("volunteering.volunteer-signed-up", 1, VOLUNTEERING_TOPIC, VolunteerSignedUp.class),
            new Entry("volunteering.volunteer-withdrew", 1, VOLUNTEERING_TOPIC, VolunteerWithdrew.class),
            new Entry("volunteering.shift-attendance-recorded", 1, VOLUNTEERING_TOPIC, ShiftAttendanceRecorded.class));

    private VolunteeringEvents() {
    }
}
