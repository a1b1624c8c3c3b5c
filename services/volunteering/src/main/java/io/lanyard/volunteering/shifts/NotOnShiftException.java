package io.lanyard.volunteering.shifts;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.lanyard.platform.web.Refusal;

/** Attendance for someone who is not on the shift: that volunteer resource does not exist. */
class NotOnShiftException extends Refusal {

    NotOnShiftException(UUID attendeeId) {
        super("not-found", HttpStatus.NOT_FOUND, "attendee " + attendeeId + " is not signed up for this shift");
    }
}
