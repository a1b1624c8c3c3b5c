package io.lanyard.sprints.sprint.write;

import java.util.UUID;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class NotAParticipantException extends Refusal {

    NotAParticipantException(UUID attendeeId) {
        super(ProblemSlug.NOT_FOUND, "attendee " + attendeeId + " is not a participant of this sprint");
    }
}
