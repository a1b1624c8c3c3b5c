package io.lanyard.sprints.sprint.write;

import java.time.Instant;
import java.util.UUID;

public record ParticipantLeft(UUID sprintId, UUID conferenceId, UUID attendeeId, LeaveReason reason, String by,
                              Instant leftAt) {
}
