package io.lanyard.volunteering.shifts.write;

import java.util.UUID;

/** The volunteer's registration was cancelled: the schedule takes no more shifts. */
record VolunteerScheduleClosed(UUID scheduleId, UUID conferenceId, UUID attendeeId) {
}
