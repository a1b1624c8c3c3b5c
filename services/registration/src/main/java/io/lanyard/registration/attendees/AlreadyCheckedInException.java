package io.lanyard.registration.attendees;

import io.lanyard.platform.web.Refusal;

public class AlreadyCheckedInException extends Refusal {

    AlreadyCheckedInException() {
        super("already-checked-in", "the attendee was already checked in");
    }
}
