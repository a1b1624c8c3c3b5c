package io.lanyard.volunteering.shifts.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class ShiftFullException extends Refusal {

    ShiftFullException(int capacity) {
        super(ProblemSlug.SHIFT_FULL, "all " + capacity + " places on this shift are taken");
    }
}
