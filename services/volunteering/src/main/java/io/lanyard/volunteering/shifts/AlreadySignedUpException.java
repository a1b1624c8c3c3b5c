package io.lanyard.volunteering.shifts;

import io.lanyard.platform.web.Refusal;

class AlreadySignedUpException extends Refusal {

    AlreadySignedUpException() {
        super("already-signed-up", "the volunteer is already signed up for this shift");
    }
}
