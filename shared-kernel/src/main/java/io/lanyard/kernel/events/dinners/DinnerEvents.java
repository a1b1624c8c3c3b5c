package io.lanyard.kernel.events.dinners;

import java.util.List;

import io.lanyard.kernel.events.EventCatalogue.Entry;

/** What dinners publishes on {@code lanyard.dinners.v1}. */
public final class DinnerEvents {

    public static final List<Entry> ENTRIES = List.of();

    private DinnerEvents() {
    }
}
