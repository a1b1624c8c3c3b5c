package io.lanyard.volunteering.shifts.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import io.lanyard.platform.axon.AxonPlatformConfiguration;
import io.lanyard.platform.problems.NotRegisteredException;
import io.lanyard.platform.problems.Refusal;

/**
 * One volunteer's shifts at one conference, and the consistency boundary of the rules that span them: no two
 * shifts at once, enough rest between shifts, no more than the daily maximum, no sign-ups after too many
 * no-shows. A volunteer's sign-ups queue on this aggregate, so two racing sign-ups for overlapping shifts cannot
 * both see a free evening. It has no creation event: its first booking opens it, so a refused first sign-up
 * stores nothing.
 */
@Aggregate(snapshotTriggerDefinition = AxonPlatformConfiguration.SNAPSHOT_TRIGGER)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class VolunteerSchedule {

    @AggregateIdentifier
    private UUID scheduleId;
    private Map<UUID, ShiftTimes> bookings = new HashMap<>();
    private Set<UUID> noShows = new HashSet<>();
    private boolean closed;

    VolunteerSchedule() {
    }

    static UUID idOf(UUID conferenceId, UUID attendeeId) {
        return UUID.nameUUIDFromBytes((conferenceId + "/" + attendeeId).getBytes(StandardCharsets.UTF_8));
    }

    Optional<Refusal> refusalToBook(UUID volunteer, ShiftTimes shift, VolunteerRules rules, ZoneId dayZone) {
        if (closed) {
            return Optional.of(new NotRegisteredException(volunteer));
        }
        if (noShows.size() >= rules.noShowLimit()) {
            return Optional.of(new TooManyNoShowsException(noShows.size(), rules.noShowLimit()));
        }
        for (Map.Entry<UUID, ShiftTimes> booked : bookings.entrySet()) {
            if (booked.getValue().overlaps(shift)) {
                return Optional.of(new OverlappingShiftException(booked.getKey()));
            }
        }
        if (rules.minRest() != null) {
            for (ShiftTimes booked : bookings.values()) {
                if (booked.restBetween(shift).compareTo(rules.minRest()) < 0) {
                    return Optional.of(new RestRuleViolatedException("shifts need at least "
                            + rules.minRest().toMinutes() + " minutes of rest between them"));
                }
            }
        }
        if (rules.maxWorkPerDay() != null) {
            for (Map.Entry<LocalDate, Duration> day : shift.workPerDay(dayZone).entrySet()) {
                Duration total = day.getValue().plus(bookedOn(day.getKey(), dayZone));
                if (total.compareTo(rules.maxWorkPerDay()) > 0) {
                    return Optional.of(new RestRuleViolatedException("this shift would make " + hours(total)
                            + " hours on " + day.getKey() + ", more than the " + hours(rules.maxWorkPerDay())
                            + " allowed per day"));
                }
            }
        }
        return Optional.empty();
    }

    private Duration bookedOn(LocalDate day, ZoneId zone) {
        return bookings.values().stream()
                .map(booked -> booked.workPerDay(zone).getOrDefault(day, Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static String hours(Duration duration) {
        return String.valueOf(duration.toMinutes() / 60.0);
    }

    void book(UUID conference, UUID volunteer, UUID shiftId, ShiftTimes times) {
        apply(new ShiftBooked(idOf(conference, volunteer), conference, volunteer, shiftId, times.startsAt(),
                times.endsAt()));
    }

    void release(UUID shiftId) {
        if (bookings.containsKey(shiftId)) {
            apply(new ShiftReleased(scheduleId, shiftId));
        }
    }

    void noteAttendance(UUID shiftId, Attendance status) {
        if (bookings.containsKey(shiftId)) {
            apply(new ShiftAttendanceNoted(scheduleId, shiftId, status));
        }
    }

    /** In one fixed order, so that whoever locks several of these shifts locks them in the same order. */
    List<UUID> bookedShifts() {
        return bookings.keySet().stream().sorted().toList();
    }

    void close(UUID conference, UUID volunteer) {
        if (!closed) {
            apply(new VolunteerScheduleClosed(idOf(conference, volunteer), conference, volunteer));
        }
    }

    @EventSourcingHandler
    void on(ShiftBooked event) {
        scheduleId = event.scheduleId();
        bookings.put(event.shiftId(), new ShiftTimes(event.startsAt(), event.endsAt()));
    }

    @EventSourcingHandler
    void on(ShiftReleased event) {
        bookings.remove(event.shiftId());
        noShows.remove(event.shiftId());
    }

    @EventSourcingHandler
    void on(ShiftAttendanceNoted event) {
        if (event.status() == Attendance.NO_SHOW) {
            noShows.add(event.shiftId());
        } else {
            noShows.remove(event.shiftId());
        }
    }

    @EventSourcingHandler
    void on(VolunteerScheduleClosed event) {
        scheduleId = event.scheduleId();
        closed = true;
    }
}
