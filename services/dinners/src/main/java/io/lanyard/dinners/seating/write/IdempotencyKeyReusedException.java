package io.lanyard.dinners.seating.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class IdempotencyKeyReusedException extends Refusal {

    IdempotencyKeyReusedException(String key) {
        super(ProblemSlug.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key
                + " was already used by you for another request to this dinner; use a new key for a new request");
    }
}
