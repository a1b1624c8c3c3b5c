package io.lanyard.sprints.sprint.write;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.lanyard.platform.personaldata.DataSubject;
import io.lanyard.platform.personaldata.PersonalData;

public record ParticipantSignedUp(UUID sprintId, UUID conferenceId, @DataSubject UUID attendeeId,
                                  List<LocalDate> days, @PersonalData String signedUpBy, Instant signedUpAt) {
}
