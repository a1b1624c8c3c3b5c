package io.lanyard.dinners.seating;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

public class HoldExpiredException extends Refusal {

    HoldExpiredException() {
        super(ProblemSlug.HOLD_EXPIRED, "the hold on this seat has expired");
    }
}
