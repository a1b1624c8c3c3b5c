package io.lanyard.volunteering.shifts.write;

import java.util.UUID;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class OverlappingShiftException extends Refusal {

    OverlappingShiftException(UUID otherShiftId) {
        super(ProblemSlug.OVERLAPPING_SHIFT, "the volunteer is already on shift " + otherShiftId + " at that time");
    }
}
