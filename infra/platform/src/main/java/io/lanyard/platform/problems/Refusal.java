package io.lanyard.platform.problems;

import java.util.Map;

/**
 * A business rule said no. Checked on purpose: Axon's default rollback configuration does not roll back a unit of
 * work for a checked exception, so a refusal leaves the cached aggregate in place and stays cheap in a rush.
 * A refusal is made from an entry of the {@link ProblemSlug} catalogue; the advice maps it by that entry, never by
 * its message, and adds the {@link #properties()} a refusal names (the full day of a sprint, say) to the problem.
 */
public abstract class Refusal extends Exception {

    private final ProblemSlug slug;

    protected Refusal(ProblemSlug slug, String detail) {
        super(detail, null, false, false);
        this.slug = slug;
    }

    public ProblemSlug slug() {
        return slug;
    }

    /** Extra members of the problem document; none unless a refusal has more to say than its slug. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
