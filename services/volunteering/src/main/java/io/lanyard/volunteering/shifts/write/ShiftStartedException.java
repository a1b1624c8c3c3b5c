package io.lanyard.volunteering.shifts.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class ShiftStartedException extends Refusal {

    ShiftStartedException() {
        super(ProblemSlug.SHIFT_STARTED, "the shift has already started");
    }
}
