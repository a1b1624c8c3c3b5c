package io.lanyard.registration.attendees;

import io.lanyard.platform.web.Refusal;

/** Checking in a cancelled registration. */
public class RegistrationCancelledException extends Refusal {

    RegistrationCancelledException() {
        super("registration-cancelled", "the registration was cancelled");
    }
}
