package io.lanyard.sprints.sprint.write;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.lanyard.platform.personaldata.NotPersonalData;

public record AttendanceRecorded(UUID sprintId, UUID conferenceId, UUID attendeeId, LocalDate day,
                                 @NotPersonalData("the leader's or organizer's subject, who took the roll")
                                 String recordedBy, Instant recordedAt) {
}
