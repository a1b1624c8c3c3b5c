package io.lanyard.volunteering.shifts;

import io.lanyard.platform.web.Refusal;

class ShiftFullException extends Refusal {

    ShiftFullException(int capacity) {
        super("shift-full", "all " + capacity + " places on this shift are taken");
    }
}
