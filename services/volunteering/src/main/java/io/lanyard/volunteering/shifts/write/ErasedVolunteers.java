package io.lanyard.volunteering.shifts.write;

import java.util.Optional;
import java.util.UUID;

/**
 * The schedule of an erased attendee. A schedule is named after its person's {@code sub}, which the erasure takes
 * from the directory; the schedule's id (a hash, not their text) is kept for them when they are erased, so that
 * their booked shifts and no-shows still count for whatever is done in their name afterwards (an organizer signing
 * them up, recording their attendance, their registration's cancellation).
 */
public interface ErasedVolunteers {

    /** Empty for an attendee who was not erased, or who this service did not know when they were. */
    Optional<UUID> scheduleOf(UUID attendeeId);

    /** The id of the schedule of the person behind {@code sub}: what is kept for them at their erasure. */
    static UUID scheduleNamedBy(UUID conferenceId, String sub) {
        return VolunteerSchedule.idOf(conferenceId, sub);
    }
}
