package io.lanyard.volunteering.shifts.write;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.lanyard.platform.axon.DecidedTogether;

public final class ShiftMessages {

    private ShiftMessages() {
    }

    record ScheduleShift(@TargetAggregateIdentifier UUID shiftId, UUID conferenceId, String title, String task,
                         String location, Instant startsAt, Instant endsAt, ZoneOffset offset, int capacity,
                         String scheduledBy) {
    }

    /**
     * {@code person} is the attendee's {@code sub}: whose schedule the sign-up is checked against. When many sign up
     * for one shift at once, the sign-ups queued for it are decided together, in one commit.
     */
    @DecidedTogether
    record SignUpForShift(UUID conferenceId, @TargetAggregateIdentifier UUID shiftId, UUID attendeeId, String person,
                          String signedUpBy, Instant at) {
    }

    record WithdrawFromShift(UUID conferenceId, UUID shiftId, UUID attendeeId, String person, String withdrawnBy,
                             Instant at) {
    }

    record RecordAttendance(UUID conferenceId, UUID shiftId, UUID attendeeId, String person, Attendance status,
                            String recordedBy, Instant at) {
    }

    /** Registration cancelled the attendee at {@code cancelledAt}: they leave every shift starting later. */
    public record WithdrawCancelledAttendee(UUID conferenceId, UUID attendeeId, String person, Instant cancelledAt) {
    }
}
