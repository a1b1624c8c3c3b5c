package io.lanyard.dinners.seating;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

public class AlreadyPaidException extends Refusal {

    AlreadyPaidException() {
        super(ProblemSlug.ALREADY_PAID, "this ticket was already paid for with another payment reference");
    }
}
