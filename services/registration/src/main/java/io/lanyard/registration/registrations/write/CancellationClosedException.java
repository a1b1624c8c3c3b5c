package io.lanyard.registration.registrations.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** An owner cancelling after check-in or once the conference has started; organizers may still. */
class CancellationClosedException extends Refusal {

    CancellationClosedException(String detail) {
        super(ProblemSlug.CANCELLATION_CLOSED, detail);
    }
}
