package io.lanyard.sprints.sprint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record SprintAnnounced(UUID sprintId, UUID conferenceId, String project, String description,
                              UUID leaderAttendeeId, int capacity, List<LocalDate> days, String announcedBy,
                              Instant announcedAt) {
}
