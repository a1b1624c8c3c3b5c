package io.lanyard.registration.registrations.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

public class AlreadyRegisteredException extends Refusal {

    public AlreadyRegisteredException() {
        super(ProblemSlug.ALREADY_REGISTERED, "this subject already holds a registration for the conference");
    }
}
