package io.lanyard.sprints.sprint;

import io.lanyard.platform.web.Refusal;

public class AlreadySignedUpException extends Refusal {

    AlreadySignedUpException() {
        super("already-signed-up", "the attendee already signed up for this sprint");
    }
}
