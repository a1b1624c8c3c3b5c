package io.lanyard.kernel.events.sprints;

import java.util.List;

import io.lanyard.kernel.events.EventCatalogue.Entry;

/** What sprints publishes on {@code lanyard.sprints.v1}. */
public final class SprintEvents {

    public static final List<Entry> ENTRIES = List.of();

    private SprintEvents() {
    }
}
