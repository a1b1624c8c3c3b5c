package io.lanyard.volunteering.shifts.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** Attendance is what happened on a shift: nothing has, before it begins. */
class ShiftNotStartedException extends Refusal {

    ShiftNotStartedException() {
        super(ProblemSlug.NOT_STARTED, "the shift has not begun yet; attendance can be recorded from its start");
    }
}
