package io.lanyard.dinners.seating;

import io.lanyard.platform.web.Refusal;

public class CancellationClosedException extends Refusal {

    CancellationClosedException() {
        super("cancellation-closed", "this dinner is too close to cancel; ask an organizer");
    }
}
