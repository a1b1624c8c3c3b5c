package io.lanyard.sprints.sprint.write;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.lanyard.platform.axon.DecidedTogether;
import io.lanyard.platform.directory.UnderAttendeeLock;

/**
 * The commands a sprint takes. Those that ask whether a day has begun carry the conference's time zone, where a
 * sprint day begins at midnight; the sprint does not keep it, since only these two decisions need it.
 */
public final class SprintMessages {

    private SprintMessages() {
    }

    record AnnounceSprint(@TargetAggregateIdentifier UUID sprintId, UUID conferenceId, String project,
                          String description, UUID leaderAttendeeId, int seatsPerDay, List<LocalDate> days,
                          String announcedBy, Instant at) {
    }

    /**
     * Decided under the attendee's lock and only while their registration is active, and when many sign up at once
     * together with the other sign-ups queued for the sprint, in one commit.
     */
    @DecidedTogether
    record SignUpForSprint(@TargetAggregateIdentifier UUID sprintId, UUID conferenceId, UUID attendeeId,
                           List<LocalDate> days, String signedUpBy, Instant at) implements UnderAttendeeLock {
    }

    record LeaveSprint(@TargetAggregateIdentifier UUID sprintId, UUID attendeeId, LeaveReason reason, String by,
                       Instant at) {
    }

    /**
     * The participant gives up the days that had not begun at {@code at}, and keeps those that had, as they
     * stand: how a cancelled registration leaves a sprint.
     */
    public record LeaveDaysNotBegun(@TargetAggregateIdentifier UUID sprintId, UUID attendeeId, ZoneId zone,
                                    LeaveReason reason, String by, Instant at) {
    }

    record RecordAttendance(@TargetAggregateIdentifier UUID sprintId, UUID attendeeId, LocalDate day, ZoneId zone,
                            String recordedBy, Instant at) {
    }
}
