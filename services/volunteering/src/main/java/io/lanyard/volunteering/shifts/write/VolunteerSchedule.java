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
 * One person's shifts at one conference, and the consistency boundary of the rules that span them: no two
 * shifts at once, enough rest between shifts, no more than the daily maximum, no sign-ups after too many
 * no-shows. It belongs to the person (the token's {@code sub}), not to one registration: someone who cancels and
 * registers again is a new attendee with the same shifts behind them and the same no-shows. A person's sign-ups
 * queue on this aggregate, so two racing sign-ups for overlapping shifts cannot both see a free evening. It has no
 * creation event: its first booking opens it, so a refused first sign-up stores nothing.
 */
@Aggregate(snapshotTriggerDefinition = AxonPlatformConfiguration.SNAPSHOT_TRIGGER)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class VolunteerSchedule {

    @AggregateIdentifier
    private UUID scheduleId;
    private Map<UUID, ShiftTimes> bookings = new HashMap<>();
    /** Which of the person's registrations (attendee ids) holds each booked shift. */
    private Map<UUID, UUID> holders = new HashMap<>();
    private Set<UUID> noShows = new HashSet<>();
    /** The person's registrations that were cancelled: they take no more shifts. */
    private Set<UUID> cancelled = new HashSet<>();
    /** Only in a snapshot of a schedule kept per registration (see {@link #keptPerRegistration}): it was cancelled. */
    private boolean closed;

    VolunteerSchedule() {
    }

    static UUID idOf(UUID conferenceId, String person) {
        return UUID.nameUUIDFromBytes(("volunteer/" + conferenceId + "/" + person).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Where a schedule was kept before schedules followed the person: one per registration. Nothing is written
     * there any more; {@link ShiftSignUpCommandHandler} carries such schedules over to their person's.
     */
    static UUID keptPerRegistration(UUID conferenceId, UUID attendeeId) {
        return UUID.nameUUIDFromBytes((conferenceId + "/" + attendeeId).getBytes(StandardCharsets.UTF_8));
    }

    /** No event yet: no booking, and nothing carried over. */
    boolean isNew() {
        return scheduleId == null;
    }

    Optional<Refusal> refusalToBook(UUID volunteer, ShiftTimes shift, VolunteerRules rules, ZoneId dayZone) {
        if (cancelled.contains(volunteer)) {
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

    /** {@code schedule}: this schedule's id, which its first event gives it. */
    void book(UUID schedule, UUID conference, UUID volunteer, UUID shiftId, ShiftTimes times) {
        apply(new ShiftBooked(schedule, conference, volunteer, shiftId, times.startsAt(), times.endsAt()));
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

    /**
     * The shifts one of the person's registrations holds, in one fixed order, so that whoever locks several of
     * them locks them in the same order.
     */
    List<UUID> shiftsHeldBy(UUID volunteer) {
        return holders.entrySet().stream()
                .filter(holder -> holder.getValue().equals(volunteer))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    void close(UUID schedule, UUID conference, UUID volunteer) {
        if (!cancelled.contains(volunteer)) {
            apply(new VolunteerScheduleClosed(schedule, conference, volunteer));
        }
    }

    /** What a schedule kept per registration holds, to be carried over to the person's: all of it is theirs. */
    ScheduleCarriedOver carriedOverTo(UUID schedule, UUID conference, UUID volunteer) {
        return new ScheduleCarriedOver(schedule, conference, volunteer,
                keptPerRegistration(conference, volunteer), Map.copyOf(bookings), Set.copyOf(noShows),
                closed || cancelled.contains(volunteer));
    }

    void carryOver(ScheduleCarriedOver kept) {
        apply(kept);
    }

    @EventSourcingHandler
    void on(ShiftBooked event) {
        scheduleId = event.scheduleId();
        bookings.put(event.shiftId(), new ShiftTimes(event.startsAt(), event.endsAt()));
        holders.put(event.shiftId(), event.attendeeId());
    }

    @EventSourcingHandler
    void on(ShiftReleased event) {
        bookings.remove(event.shiftId());
        holders.remove(event.shiftId());
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
        cancelled.add(event.attendeeId());
    }

    @EventSourcingHandler
    void on(ScheduleCarriedOver event) {
        scheduleId = event.scheduleId();
        bookings.putAll(event.bookings());
        event.bookings().keySet().forEach(shiftId -> holders.put(shiftId, event.attendeeId()));
        noShows.addAll(event.noShows());
        if (event.cancelled()) {
            cancelled.add(event.attendeeId());
        }
    }
}
