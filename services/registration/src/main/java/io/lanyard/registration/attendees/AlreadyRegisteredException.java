package io.lanyard.registration.attendees;

import io.lanyard.platform.web.Refusal;

public class AlreadyRegisteredException extends Refusal {

    public AlreadyRegisteredException() {
        super("already-registered", "this subject already holds a registration for the conference");
    }
}
