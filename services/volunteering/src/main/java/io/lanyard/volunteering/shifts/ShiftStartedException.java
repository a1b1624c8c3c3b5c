package io.lanyard.volunteering.shifts;

import io.lanyard.platform.web.Refusal;

class ShiftStartedException extends Refusal {

    ShiftStartedException() {
        super("shift-started", "the shift has already started");
    }
}
