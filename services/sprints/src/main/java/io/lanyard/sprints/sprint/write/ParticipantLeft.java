package io.lanyard.sprints.sprint.write;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.platform.personaldata.DataSubject;
import io.lanyard.platform.personaldata.PersonalData;

public record ParticipantLeft(UUID sprintId, UUID conferenceId, @DataSubject UUID attendeeId, LeaveReason reason,
                              @PersonalData String by, Instant leftAt) {
}
