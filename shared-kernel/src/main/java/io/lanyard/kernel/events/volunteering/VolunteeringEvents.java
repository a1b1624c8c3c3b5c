package io.lanyard.kernel.events.volunteering;

import java.util.List;

import io.lanyard.kernel.events.EventCatalogue.Entry;

/** What volunteering publishes on {@code lanyard.volunteering.v1}. */
public final class VolunteeringEvents {

    public static final List<Entry> ENTRIES = List.of();

    private VolunteeringEvents() {
    }
}
