package io.lanyard.dinners.seating.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class AlreadyPaidException extends Refusal {

    AlreadyPaidException() {
        super(ProblemSlug.ALREADY_PAID, "this ticket was already paid for with another payment reference");
    }
}
