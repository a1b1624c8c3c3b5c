package io.lanyard.sprints.sprint;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.lanyard.platform.web.Refusal;

public class NotAParticipantException extends Refusal {

    NotAParticipantException(UUID attendeeId) {
        super("not-found", HttpStatus.NOT_FOUND, "attendee " + attendeeId + " is not a participant of this sprint");
    }
}
