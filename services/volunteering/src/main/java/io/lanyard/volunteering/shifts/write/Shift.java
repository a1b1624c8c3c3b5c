package io.lanyard.volunteering.shifts.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import io.lanyard.platform.axon.AxonPlatformConfiguration;
import io.lanyard.platform.problems.Refusal;

/**
 * One shift on the board, and the consistency boundary of its places: never more volunteers than its capacity,
 * nobody twice, nobody joining or leaving once it started. Rules spanning a volunteer's shifts belong to
 * {@link VolunteerSchedule}; {@link ShiftSignUpCommandHandler} asks both before either changes.
 */
@Aggregate(snapshotTriggerDefinition = AxonPlatformConfiguration.SNAPSHOT_TRIGGER)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Shift {

    @AggregateIdentifier
    private UUID shiftId;
    private UUID conferenceId;
    private Instant startsAt;
    private Instant endsAt;
    private ZoneOffset offset;
    private int capacity;
    private Set<UUID> volunteers = new HashSet<>();
    private Map<UUID, Attendance> attendance = new HashMap<>();

    Shift() {
    }

    @CommandHandler
    Shift(ShiftMessages.ScheduleShift command) {
        apply(new ShiftScheduled(command.shiftId(), command.conferenceId(), command.title(), command.task(),
                command.location(), command.startsAt(), command.endsAt(), command.offset(), command.capacity(),
                command.scheduledBy()));
    }

    boolean belongsTo(UUID conference) {
        return conference.equals(conferenceId);
    }

    ShiftTimes times() {
        return new ShiftTimes(startsAt, endsAt);
    }

    ZoneOffset offset() {
        return offset;
    }

    boolean hasStartedAt(Instant instant) {
        return !instant.isBefore(startsAt);
    }

    boolean hasVolunteer(UUID attendeeId) {
        return volunteers.contains(attendeeId);
    }

    Optional<Refusal> refusalToSignUp(UUID attendeeId, Instant now) {
        if (hasStartedAt(now)) {
            return Optional.of(new ShiftStartedException());
        }
        if (volunteers.contains(attendeeId)) {
            return Optional.of(new AlreadySignedUpException());
        }
        return Optional.empty();
    }

    Optional<Refusal> refusalWhenFull() {
        return volunteers.size() >= capacity ? Optional.of(new ShiftFullException(capacity)) : Optional.empty();
    }

    void signUp(UUID attendeeId, String signedUpBy) {
        apply(new VolunteerSignedUp(shiftId, conferenceId, attendeeId, signedUpBy));
    }

    Optional<Refusal> refusalToWithdraw(Instant now) {
        return hasStartedAt(now) ? Optional.of(new ShiftStartedException()) : Optional.empty();
    }

    void withdraw(UUID attendeeId, String withdrawnBy, VolunteerWithdrew.Reason reason) {
        if (volunteers.contains(attendeeId)) {
            apply(new VolunteerWithdrew(shiftId, conferenceId, attendeeId, withdrawnBy, reason));
        }
    }

    /** Only for a volunteer on the shift, and only once it has begun: before that nothing has happened. */
    Optional<Refusal> refusalToRecordAttendance(UUID attendeeId, Instant now) {
        if (!volunteers.contains(attendeeId)) {
            return Optional.of(new NotOnShiftException(attendeeId));
        }
        if (!hasStartedAt(now)) {
            return Optional.of(new ShiftNotStartedException());
        }
        return Optional.empty();
    }

    /** Records or corrects attendance; tells whether anything changed. */
    boolean recordAttendance(UUID attendeeId, Attendance status, String recordedBy) {
        if (attendance.get(attendeeId) == status) {
            return false;
        }
        double hours = status == Attendance.PRESENT ? times().length().toMinutes() / 60.0 : 0;
        apply(new AttendanceRecorded(shiftId, conferenceId, attendeeId, status, hours, recordedBy));
        return true;
    }

    @EventSourcingHandler
    void on(ShiftScheduled event) {
        shiftId = event.shiftId();
        conferenceId = event.conferenceId();
        startsAt = event.startsAt();
        endsAt = event.endsAt();
        offset = event.offset();
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(VolunteerSignedUp event) {
        volunteers.add(event.attendeeId());
    }

    @EventSourcingHandler
    void on(VolunteerWithdrew event) {
        volunteers.remove(event.attendeeId());
        attendance.remove(event.attendeeId());
    }

    @EventSourcingHandler
    void on(AttendanceRecorded event) {
        attendance.put(event.attendeeId(), event.status());
    }
}
