package io.lanyard.sprints.sprint.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import io.lanyard.platform.axon.AxonPlatformConfiguration;
import io.lanyard.platform.problems.Refusal;

/**
 * One sprint room, and the consistency boundary of its per-day capacity: on no day do more participants sign up
 * than the room holds. A room holds a few dozen people, so the whole participant list fits in the aggregate and a
 * sign-up is decided against all of it under the aggregate's lock. Sprints are independent of each other: an
 * attendee may join several, and nothing needs two sprints in one decision.
 * <p>
 * Snapshots are this class in JSON. Revision 2 renamed {@code capacity} to {@code seatsPerDay}; Axon skips a
 * snapshot of another revision and rebuilds the sprint from its events, so a snapshot of the old shape is never
 * read as a room without seats.
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = AxonPlatformConfiguration.SNAPSHOT_TRIGGER,
        cache = AxonPlatformConfiguration.AGGREGATE_CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Sprint {

    @AggregateIdentifier
    private UUID sprintId;
    private UUID conferenceId;
    private int seatsPerDay;
    private List<LocalDate> days = List.of();
    private Map<UUID, List<LocalDate>> signedUpDays = new LinkedHashMap<>();
    private Map<UUID, Set<LocalDate>> attendedDays = new LinkedHashMap<>();

    Sprint() {
    }

    @CommandHandler
    Sprint(SprintMessages.AnnounceSprint command) throws InvalidSprintException {
        if (command.project() == null || command.project().isBlank()) {
            throw new InvalidSprintException("a sprint needs a project");
        }
        if (command.seatsPerDay() < 1) {
            throw new InvalidSprintException("a sprint's room holds at least one participant");
        }
        if (command.days().isEmpty()) {
            throw new InvalidSprintException("a sprint runs on at least one day");
        }
        if (hasDuplicates(command.days())) {
            throw new InvalidSprintException("each of a sprint's days is named once");
        }
        apply(new SprintAnnounced(command.sprintId(), command.conferenceId(), command.project(),
                command.description(), command.leaderAttendeeId(), command.seatsPerDay(), sorted(command.days()),
                command.announcedBy(), command.at()));
    }

    @CommandHandler
    void handle(SprintMessages.SignUpForSprint command) throws Refusal {
        List<LocalDate> wanted = command.days();
        if (wanted.isEmpty()) {
            throw new InvalidDaysException("sign up for at least one day");
        }
        if (hasDuplicates(wanted)) {
            throw new InvalidDaysException("name each day once");
        }
        for (LocalDate day : wanted) {
            if (!days.contains(day)) {
                throw new InvalidDaysException("the sprint does not run on " + day);
            }
        }
        if (signedUpDays.containsKey(command.attendeeId())) {
            throw new AlreadySignedUpException();
        }
        List<LocalDate> chosen = sorted(wanted);
        for (LocalDate day : chosen) {
            if (participantsOn(day) >= seatsPerDay) {
                throw new SprintFullException(day);
            }
        }
        apply(new ParticipantSignedUp(sprintId, conferenceId, command.attendeeId(), chosen, command.signedUpBy(),
                command.at()));
    }

    /** Leaving twice changes nothing: the participant is gone either way. */
    @CommandHandler
    void handle(SprintMessages.LeaveSprint command) {
        if (signedUpDays.containsKey(command.attendeeId())) {
            apply(new ParticipantLeft(sprintId, conferenceId, command.attendeeId(), command.reason(), command.by(),
                    command.at()));
        }
    }

    /**
     * The days that had begun are the participant's as they stand (they may have come, and the leader may still
     * record it); those that had not are given up, so their seats are free. With no day begun that is the whole
     * participation, with every day begun nothing changes.
     */
    @CommandHandler
    void handle(SprintMessages.LeaveDaysNotBegun command) {
        List<LocalDate> theirs = signedUpDays.get(command.attendeeId());
        if (theirs == null) {
            return;
        }
        List<LocalDate> notBegun = theirs.stream().filter(day -> !hasBegun(day, command.zone(), command.at()))
                .toList();
        if (notBegun.size() == theirs.size()) {
            apply(new ParticipantLeft(sprintId, conferenceId, command.attendeeId(), command.reason(), command.by(),
                    command.at()));
        } else if (!notBegun.isEmpty()) {
            apply(new ParticipantLeftDays(sprintId, conferenceId, command.attendeeId(), notBegun, command.reason(),
                    command.by(), command.at()));
        }
    }

    /** Not before the morning comes; recording the same morning twice changes nothing. */
    @CommandHandler
    void handle(SprintMessages.RecordAttendance command) throws Refusal {
        List<LocalDate> theirs = signedUpDays.get(command.attendeeId());
        if (theirs == null) {
            throw new NotAParticipantException(command.attendeeId());
        }
        if (!theirs.contains(command.day())) {
            throw new InvalidDaysException("the participant did not sign up for " + command.day());
        }
        if (!hasBegun(command.day(), command.zone(), command.at())) {
            throw new DayNotStartedException(command.day());
        }
        if (!attendedDays.get(command.attendeeId()).contains(command.day())) {
            apply(new AttendanceRecorded(sprintId, conferenceId, command.attendeeId(), command.day(),
                    command.recordedBy(), command.at()));
        }
    }

    /** A sprint day begins at midnight where the conference takes place. */
    private static boolean hasBegun(LocalDate day, ZoneId zone, Instant at) {
        return !at.isBefore(day.atStartOfDay(zone).toInstant());
    }

    private long participantsOn(LocalDate day) {
        return signedUpDays.values().stream().filter(chosen -> chosen.contains(day)).count();
    }

    private static boolean hasDuplicates(List<LocalDate> days) {
        return new HashSet<>(days).size() != days.size();
    }

    private static List<LocalDate> sorted(List<LocalDate> days) {
        return days.stream().sorted().toList();
    }

    @EventSourcingHandler
    void on(SprintAnnounced event) {
        sprintId = event.sprintId();
        conferenceId = event.conferenceId();
        seatsPerDay = event.seatsPerDay();
        days = List.copyOf(event.days());
    }

    @EventSourcingHandler
    void on(ParticipantSignedUp event) {
        signedUpDays.put(event.attendeeId(), List.copyOf(event.days()));
        attendedDays.put(event.attendeeId(), new HashSet<>());
    }

    @EventSourcingHandler
    void on(ParticipantLeft event) {
        signedUpDays.remove(event.attendeeId());
        attendedDays.remove(event.attendeeId());
    }

    @EventSourcingHandler
    void on(ParticipantLeftDays event) {
        List<LocalDate> kept = new ArrayList<>(signedUpDays.get(event.attendeeId()));
        kept.removeAll(event.days());
        signedUpDays.put(event.attendeeId(), List.copyOf(kept));
        attendedDays.get(event.attendeeId()).removeAll(event.days());
    }

    @EventSourcingHandler
    void on(AttendanceRecorded event) {
        attendedDays.get(event.attendeeId()).add(event.day());
    }
}
