package io.lanyard.registration.attendees;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** Checking in a cancelled registration. */
public class RegistrationCancelledException extends Refusal {

    RegistrationCancelledException() {
        super(ProblemSlug.REGISTRATION_CANCELLED, "the registration was cancelled");
    }
}
