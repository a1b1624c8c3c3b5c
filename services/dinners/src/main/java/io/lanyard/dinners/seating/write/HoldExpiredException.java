package io.lanyard.dinners.seating.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class HoldExpiredException extends Refusal {

    HoldExpiredException() {
        super(ProblemSlug.HOLD_EXPIRED, "the hold on this seat has expired");
    }
}
