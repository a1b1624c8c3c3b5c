package io.lanyard.registration.registrations.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class AlreadyCheckedInException extends Refusal {

    AlreadyCheckedInException() {
        super(ProblemSlug.ALREADY_CHECKED_IN, "the attendee was already checked in");
    }
}
