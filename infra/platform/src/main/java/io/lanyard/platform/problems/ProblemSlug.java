package io.lanyard.platform.problems;

import java.util.Locale;

/**
 * The one catalogue of problem slugs a Lanyard service answers with: the ones the public contract names
 * ({@code docs/api.md}) and the platform's own for malformed HTTP. A {@link Refusal} can only be made from an entry
 * here, the advice maps an entry's {@link Kind} to its HTTP status, and the OpenAPI documents list every entry.
 */
public enum ProblemSlug {

    VALIDATION_FAILED(Kind.INVALID),
    MALFORMED_REQUEST(Kind.INVALID),
    UNAUTHENTICATED(Kind.UNAUTHENTICATED),
    FORBIDDEN(Kind.FORBIDDEN),
    NOT_FOUND(Kind.NOT_FOUND),
    SOLD_OUT(Kind.CONFLICT),
    ALREADY_REGISTERED(Kind.CONFLICT),
    ALREADY_CHECKED_IN(Kind.CONFLICT),
    REGISTRATION_CANCELLED(Kind.CONFLICT),
    SHIFT_FULL(Kind.CONFLICT),
    OVERLAPPING_SHIFT(Kind.CONFLICT),
    ALREADY_SIGNED_UP(Kind.CONFLICT),
    SHIFT_STARTED(Kind.CONFLICT),
    REST_RULE_VIOLATED(Kind.CONFLICT),
    TOO_MANY_NO_SHOWS(Kind.CONFLICT),
    HOLD_EXPIRED(Kind.CONFLICT),
    CANCELLATION_CLOSED(Kind.CONFLICT),
    ALREADY_HAS_TICKET(Kind.CONFLICT),
    ALREADY_PAID(Kind.CONFLICT),
    TICKET_NOT_HELD(Kind.CONFLICT),
    TICKET_CANCELLED(Kind.CONFLICT),
    SPRINT_FULL(Kind.CONFLICT),
    DINNER_STARTED(Kind.CONFLICT),
    NOT_STARTED(Kind.CONFLICT),
    NOT_REPLAYABLE(Kind.CONFLICT),
    CONFERENCE_NOT_ENDED(Kind.CONFLICT),
    NOT_REGISTERED(Kind.UNPROCESSABLE),
    OUTSIDE_CONFERENCE(Kind.UNPROCESSABLE),
    IDEMPOTENCY_KEY_REUSED(Kind.UNPROCESSABLE),
    RATE_LIMITED(Kind.TOO_MANY_REQUESTS),
    METHOD_NOT_ALLOWED(Kind.METHOD_NOT_ALLOWED, Origin.PLATFORM),
    NOT_ACCEPTABLE(Kind.NOT_ACCEPTABLE, Origin.PLATFORM),
    LENGTH_REQUIRED(Kind.LENGTH_REQUIRED, Origin.PLATFORM),
    PAYLOAD_TOO_LARGE(Kind.PAYLOAD_TOO_LARGE, Origin.PLATFORM),
    UNSUPPORTED_MEDIA_TYPE(Kind.UNSUPPORTED_MEDIA_TYPE, Origin.PLATFORM),
    INTERNAL_ERROR(Kind.INTERNAL, Origin.PLATFORM),
    SERVICE_UNAVAILABLE(Kind.UNAVAILABLE, Origin.PLATFORM);

    /** What sort of no a slug is; the web layer turns it into an HTTP status. */
    public enum Kind {
        INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, CONFLICT,
        LENGTH_REQUIRED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE, TOO_MANY_REQUESTS, INTERNAL,
        UNAVAILABLE
    }

    /** Whether the public contract names the slug or the platform answers it for HTTP that went wrong. */
    public enum Origin { CONTRACT, PLATFORM }

    private final Kind kind;
    private final Origin origin;
    private final String slug;

    ProblemSlug(Kind kind) {
        this(kind, Origin.CONTRACT);
    }

    ProblemSlug(Kind kind, Origin origin) {
        this.kind = kind;
        this.origin = origin;
        this.slug = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Kind kind() {
        return kind;
    }

    public Origin origin() {
        return origin;
    }

    /** The kebab-case name in {@code urn:lanyard:problem:<slug>}. */
    public String slug() {
        return slug;
    }

    @Override
    public String toString() {
        return slug;
    }
}
