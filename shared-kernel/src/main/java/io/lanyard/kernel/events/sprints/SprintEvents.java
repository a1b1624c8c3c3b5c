package io.lanyard.kernel.events.sprints;

import static io.lanyard.kernel.events.EventCatalogue.SPRINTS_TOPIC;

import java.util.List;

import io.lanyard.kernel.events.EventCatalogue.Entry;

/** What sprints publishes on {@code lanyard.sprints.v1}. */
public final class SprintEvents {

    public static final List<Entry> ENTRIES = List.of(
            new Entry("sprints.sprint-announced", 1, SPRINTS_TOPIC, SprintAnnounced.class),
            new Entry("sprints.participant-joined", 1, SPRINTS_TOPIC, SprintParticipantJoined.class),
            new Entry("sprints.participant-left", 2, SPRINTS_TOPIC, SprintParticipantLeft.class),
            new Entry("sprints.participant-left-days", 1, SPRINTS_TOPIC, SprintParticipantLeftDays.class),
            new Entry("sprints.attendance-recorded", 1, SPRINTS_TOPIC, SprintAttendanceRecorded.class));

    private SprintEvents() {
    }
}
