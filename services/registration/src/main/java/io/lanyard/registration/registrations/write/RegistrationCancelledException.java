package io.lanyard.registration.registrations.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** Checking in a cancelled registration. */
class RegistrationCancelledException extends Refusal {

    RegistrationCancelledException() {
        super(ProblemSlug.REGISTRATION_CANCELLED, "the registration was cancelled");
    }
}
