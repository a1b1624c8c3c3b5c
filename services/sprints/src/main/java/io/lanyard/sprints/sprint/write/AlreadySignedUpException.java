package io.lanyard.sprints.sprint.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class AlreadySignedUpException extends Refusal {

    AlreadySignedUpException() {
        super(ProblemSlug.ALREADY_SIGNED_UP, "the attendee already signed up for this sprint");
    }
}
