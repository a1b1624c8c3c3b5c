package io.lanyard.registration.registrations.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class SoldOutException extends Refusal {

    SoldOutException() {
        super(ProblemSlug.SOLD_OUT, "no tickets of this type are left");
    }
}
