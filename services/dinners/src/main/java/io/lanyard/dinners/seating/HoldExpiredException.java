package io.lanyard.dinners.seating;

import io.lanyard.platform.web.Refusal;

public class HoldExpiredException extends Refusal {

    HoldExpiredException() {
        super("hold-expired", "the hold on this seat has expired");
    }
}
