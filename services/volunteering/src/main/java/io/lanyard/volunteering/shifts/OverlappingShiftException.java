package io.lanyard.volunteering.shifts;

import java.util.UUID;

import io.lanyard.platform.web.Refusal;

class OverlappingShiftException extends Refusal {

    OverlappingShiftException(UUID otherShiftId) {
        super("overlapping-shift", "the volunteer is already on shift " + otherShiftId + " at that time");
    }
}
