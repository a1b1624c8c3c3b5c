package io.lanyard.dinners.seating;

import io.lanyard.platform.web.Refusal;

public class AlreadyPaidException extends Refusal {

    AlreadyPaidException() {
        super("already-paid", "this ticket was already paid for with another payment reference");
    }
}
