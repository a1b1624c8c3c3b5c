package io.lanyard.volunteering.shifts.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class AlreadySignedUpException extends Refusal {

    AlreadySignedUpException() {
        super(ProblemSlug.ALREADY_SIGNED_UP, "the volunteer is already signed up for this shift");
    }
}
