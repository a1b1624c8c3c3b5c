package io.lanyard.dinners.seating.write;

import java.util.Collections;
import java.util.List;

import io.lanyard.platform.personaldata.PersonalFields;

/**
 * How many dietary requirements a ticket was asked with, kept beside the sealed list: once the list is shredded it
 * reads as empty, and the ticket still counts as many {@code (erased)} requirements as it had, so the guest list's
 * {@code dietarySummary} keeps its counts through an erasure and a replay.
 */
public final class DietaryCount {

    private DietaryCount() {
    }

    static int of(List<String> requirements) {
        return requirements == null ? 0 : requirements.size();
    }

    /**
     * The requirements as stored, or, where the list was shredded, one placeholder for each it had. Events stored
     * before the count existed have 0 and their list in the clear.
     */
    public static List<String> orPlaceholders(List<String> requirements, int count) {
        List<String> stored = requirements == null ? List.of() : requirements;
        return stored.size() >= count ? stored : Collections.nCopies(count, PersonalFields.ERASED);
    }
}
