package io.lanyard.volunteering.shifts.write;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A schedule kept per registration, from before schedules followed the person, joined its person's schedule: its
 * booked shifts (held by {@code attendeeId}), its no-shows, and whether that registration was cancelled. The old
 * schedule's events stay where they were ({@code fromScheduleId}).
 */
record ScheduleCarriedOver(UUID scheduleId, UUID conferenceId, UUID attendeeId, UUID fromScheduleId,
                           Map<UUID, ShiftTimes> bookings, Set<UUID> noShows, boolean cancelled) {
}
