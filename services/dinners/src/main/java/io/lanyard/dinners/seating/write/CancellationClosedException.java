package io.lanyard.dinners.seating.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class CancellationClosedException extends Refusal {

    CancellationClosedException() {
        super(ProblemSlug.CANCELLATION_CLOSED, "this dinner is too close to cancel; ask an organizer");
    }
}
