package io.lanyard.registration.tickets;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

public class SoldOutException extends Refusal {

    SoldOutException() {
        super(ProblemSlug.SOLD_OUT, "no tickets of this type are left");
    }
}
