package io.lanyard.platform.apidocs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every problem slug a Lanyard service answers with, and its HTTP status, as the API documents list them: the ones
 * the public contract names (API.md) and the platform's own for malformed HTTP.
 */
public final class ProblemSlugs {

    public static final Map<String, Integer> CONTRACT;
    public static final Map<String, Integer> PLATFORM;

    static {
        Map<String, Integer> contract = new LinkedHashMap<>();
        contract.put("validation-failed", 400);
        contract.put("malformed-request", 400);
        contract.put("unauthenticated", 401);
        contract.put("forbidden", 403);
        contract.put("not-found", 404);
        for (String conflict : new String[] {"sold-out", "already-registered", "already-checked-in", "shift-full",
                "overlapping-shift", "already-signed-up", "shift-started", "rest-rule-violated", "too-many-no-shows",
                "hold-expired", "cancellation-closed", "already-has-ticket", "sprint-full"}) {
            contract.put(conflict, 409);
        }
        contract.put("not-registered", 422);
        CONTRACT = Collections.unmodifiableMap(contract);

        Map<String, Integer> platform = new LinkedHashMap<>();
        platform.put("method-not-allowed", 405);
        platform.put("not-acceptable", 406);
        platform.put("length-required", 411);
        platform.put("payload-too-large", 413);
        platform.put("unsupported-media-type", 415);
        platform.put("internal-error", 500);
        platform.put("service-unavailable", 503);
        PLATFORM = Collections.unmodifiableMap(platform);
    }

    private ProblemSlugs() {
    }
}
