package io.lanyard.sprints.sprint.write;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record ParticipantSignedUp(UUID sprintId, UUID conferenceId, UUID attendeeId, List<LocalDate> days,
                                  String signedUpBy, Instant signedUpAt) {
}
