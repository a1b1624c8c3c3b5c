package io.lanyard.dinners.seating.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class DinnerStartedException extends Refusal {

    DinnerStartedException() {
        super(ProblemSlug.DINNER_STARTED, "this dinner has started; its tickets are no longer sold");
    }
}
