package io.lanyard.sprints.sprint.write;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The participant gave up these days of the sprint and stays on the days they kept. */
public record ParticipantLeftDays(UUID sprintId, UUID conferenceId, UUID attendeeId, List<LocalDate> days,
                                  LeaveReason reason, String by, Instant leftAt) {
}
