package io.lanyard.platform.problems;

/**
 * Carries a refusal found late, inside the transaction (a unique index caught a race the aggregate could not see),
 * as an unchecked exception so that the whole unit of work rolls back. The advice answers with the refusal inside.
 */
public class RefusedInTransaction extends RuntimeException {

    public RefusedInTransaction(Refusal refusal) {
        super(refusal.getMessage(), refusal);
    }
}
