package io.lanyard.dinners.seating.write;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.lanyard.platform.web.InvalidRequestException;

/**
 * Clients send {@code dietaryRequirements} as one string ({@code "vegetarian"}) or a list of strings
 * ({@code ["vegan", "no nuts"]}); either way it is kept as a list: trimmed, blanks dropped, repeats removed,
 * spelling otherwise as given. A single string is one requirement, never split.
 */
final class DietaryRequirements {

    static final String FIELD = "dietaryRequirements";
    private static final int MAX_ENTRIES = 20;
    private static final int MAX_LENGTH = 100;

    private DietaryRequirements() {
    }

    static List<String> from(Object raw) {
        List<Object> entries = switch (raw) {
            case null -> List.of();
            case String text -> List.of(text);
            case List<?> list -> new ArrayList<>(list);
            default -> throw new InvalidRequestException(FIELD, "must be a string or a list of strings");
        };
        Set<String> requirements = new LinkedHashSet<>();
        for (Object entry : entries) {
            if (!(entry instanceof String text)) {
                throw new InvalidRequestException(FIELD, "must be a string or a list of strings");
            }
            String requirement = text.strip();
            if (requirement.length() > MAX_LENGTH) {
                throw new InvalidRequestException(FIELD, "each requirement has at most " + MAX_LENGTH + " characters");
            }
            if (!requirement.isEmpty()) {
                requirements.add(requirement);
            }
        }
        if (requirements.size() > MAX_ENTRIES) {
            throw new InvalidRequestException(FIELD, "at most " + MAX_ENTRIES + " requirements");
        }
        return List.copyOf(requirements);
    }
}
