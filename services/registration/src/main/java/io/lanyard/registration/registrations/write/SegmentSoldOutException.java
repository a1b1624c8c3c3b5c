package io.lanyard.registration.registrations.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** This segment has no seat left; the ticket type is sold out only when every segment says so. */
class SegmentSoldOutException extends Refusal {

    SegmentSoldOutException() {
        super(ProblemSlug.SOLD_OUT, "no tickets of this type are left");
    }
}
