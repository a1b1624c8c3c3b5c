package io.lanyard.sprints.sprint.write;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.lanyard.platform.personaldata.DataSubject;
import io.lanyard.platform.personaldata.PersonalData;

/** The participant gave up these days of the sprint and stays on the days they kept. */
public record ParticipantLeftDays(UUID sprintId, UUID conferenceId, @DataSubject UUID attendeeId,
                                  List<LocalDate> days, LeaveReason reason, @PersonalData String by, Instant leftAt) {
}
