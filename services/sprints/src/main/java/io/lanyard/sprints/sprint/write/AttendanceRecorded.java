package io.lanyard.sprints.sprint.write;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record AttendanceRecorded(UUID sprintId, UUID conferenceId, UUID attendeeId, LocalDate day,
                                 String recordedBy, Instant recordedAt) {
}
