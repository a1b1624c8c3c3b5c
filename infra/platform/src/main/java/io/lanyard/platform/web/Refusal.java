package io.lanyard.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A business rule said no. Checked on purpose: Axon's default rollback configuration does not roll back a unit of
 * work for a checked exception, so a refusal leaves the cached aggregate in place and stays cheap in a rush.
 * The advice maps it by its slug, never by its message, and adds the {@link #properties()} a refusal names (the
 * full day of a sprint, say) to the problem.
 */
public abstract class Refusal extends Exception {

    private final String slug;
    private final HttpStatus status;

    protected Refusal(String slug, String detail) {
        this(slug, HttpStatus.CONFLICT, detail);
    }

    protected Refusal(String slug, HttpStatus status, String detail) {
        super(detail, null, false, false);
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    /** Extra members of the problem document; none unless a refusal has more to say than its slug. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
