package io.lanyard.sprints.sprint.write;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class SprintMessages {

    private SprintMessages() {
    }

    record AnnounceSprint(@TargetAggregateIdentifier UUID sprintId, UUID conferenceId, String project,
                          String description, UUID leaderAttendeeId, int seatsPerDay, List<LocalDate> days,
                          String announcedBy, Instant at) {
    }

    record SignUpForSprint(@TargetAggregateIdentifier UUID sprintId, UUID attendeeId, List<LocalDate> days,
                           String signedUpBy, Instant at) {
    }

    public record LeaveSprint(@TargetAggregateIdentifier UUID sprintId, UUID attendeeId, LeaveReason reason,
                              String by, Instant at) {
    }

    record RecordAttendance(@TargetAggregateIdentifier UUID sprintId, UUID attendeeId, LocalDate day,
                            String recordedBy, Instant at) {
    }
}
