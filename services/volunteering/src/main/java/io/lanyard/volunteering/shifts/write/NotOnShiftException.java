package io.lanyard.volunteering.shifts.write;

import java.util.UUID;


import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** Attendance for someone who is not on the shift: that volunteer resource does not exist. */
class NotOnShiftException extends Refusal {

    NotOnShiftException(UUID attendeeId) {
        super(ProblemSlug.NOT_FOUND, "attendee " + attendeeId + " is not signed up for this shift");
    }
}
