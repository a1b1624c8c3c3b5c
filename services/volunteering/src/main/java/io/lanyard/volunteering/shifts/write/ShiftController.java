package io.lanyard.volunteering.shifts.write;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Attendees.KnownAttendee;
import io.lanyard.platform.directory.ConferenceCalendar;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.InvalidRequestException;
import io.lanyard.platform.web.NotFoundException;
import io.lanyard.platform.problems.Refusal;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
class ShiftController {

    private static final Duration LONGEST_SHIFT = Duration.ofHours(24);

    /** Times stay strings here so that one without an offset is answered as an invalid field, not unreadable JSON. */
    record NewShift(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String task,
                    @NotBlank @Size(max = 200) String location,
                    @Schema(format = "date-time", example = "2027-05-13T17:00:00-07:00") @NotBlank String startsAt,
                    @Schema(format = "date-time", example = "2027-05-13T19:00:00-07:00") @NotBlank String endsAt,
                    @NotNull @Min(1) @Max(10_000) Integer capacity) {
    }

    record NewVolunteer(@NotNull UUID attendeeId) {
    }

    record SignedUp(UUID id, UUID shiftId, UUID attendeeId) {
    }

    record AttendanceReport(@NotNull @Pattern(regexp = "PRESENT|NO_SHOW", message = "must be PRESENT or NO_SHOW")
                            String status) {
    }

    private final Commands commands;
    private final Organizers organizers;
    private final Attendees attendees;
    private final IdGenerator ids;
    private final ConferenceCalendar calendar;
    private final Clock clock;

    ShiftController(Commands commands, Organizers organizers, Attendees attendees, ConferenceCalendar calendar,
                    IdGenerator ids, Clock clock) {
        this.commands = commands;
        this.organizers = organizers;
        this.attendees = attendees;
        this.calendar = calendar;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping("/conferences/{conferenceId}/shifts")
    ResponseEntity<Map<String, UUID>> scheduleShift(@PathVariable UUID conferenceId, @Valid @RequestBody NewShift body,
                                               Caller caller) throws Refusal {
        organizers.requireOrganizer(conferenceId, caller);
        OffsetDateTime startsAt = timeWithOffset("startsAt", body.startsAt());
        OffsetDateTime endsAt = timeWithOffset("endsAt", body.endsAt());
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidRequestException("endsAt", "endsAt must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST_SHIFT) > 0) {
            throw new InvalidRequestException("endsAt", "a shift lasts at most 24 hours; split longer duties");
        }
        // Days as the conference's time zone has them; a shift ending at midnight ends on the day before.
        calendar.requireWithin(conferenceId, startsAt.toInstant());
        calendar.requireWithin(conferenceId, endsAt.toInstant().minusNanos(1));
        UUID id = ids.generateId();
        commands.send(new ShiftMessages.ScheduleShift(id, conferenceId, body.title().strip(), body.task().strip(),
                body.location().strip(), startsAt.toInstant(), endsAt.toInstant(), startsAt.getOffset(),
                body.capacity(), caller.subject()));
        return ResponseEntity.created(URI.create("/conferences/" + conferenceId + "/shifts/" + id))
                .body(Map.of("id", id));
    }

    @PostMapping("/conferences/{conferenceId}/shifts/{shiftId}/volunteers")
    ResponseEntity<SignedUp> signUpForShift(@PathVariable UUID conferenceId, @PathVariable UUID shiftId,
                                    @Valid @RequestBody NewVolunteer body, Caller caller) throws Refusal {
        KnownAttendee volunteer = attendees.requireActingFor(conferenceId, body.attendeeId(), caller);
        commands.sendOrRefuse(new ShiftMessages.SignUpForShift(conferenceId, shiftId, body.attendeeId(),
                volunteer.subject(), caller.subject(), clock.instant()));
        return ResponseEntity.created(URI.create(
                        "/conferences/" + conferenceId + "/shifts/" + shiftId + "/volunteers/" + body.attendeeId()))
                .body(new SignedUp(body.attendeeId(), shiftId, body.attendeeId()));
    }

    @DeleteMapping("/conferences/{conferenceId}/shifts/{shiftId}/volunteers/{attendeeId}")
    ResponseEntity<Void> withdrawFromShift(@PathVariable UUID conferenceId, @PathVariable UUID shiftId,
                                  @PathVariable UUID attendeeId, Caller caller) throws Refusal {
        KnownAttendee volunteer = attendees.requireActingFor(conferenceId, attendeeId, caller);
        commands.sendOrRefuse(new ShiftMessages.WithdrawFromShift(conferenceId, shiftId, attendeeId,
                volunteer.subject(), caller.subject(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/conferences/{conferenceId}/shifts/{shiftId}/volunteers/{attendeeId}/attendance")
    ResponseEntity<Void> recordShiftAttendance(@PathVariable UUID conferenceId, @PathVariable UUID shiftId,
                                          @PathVariable UUID attendeeId, @Valid @RequestBody AttendanceReport body,
                                          Caller caller) throws Refusal {
        organizers.requireOrganizer(conferenceId, caller);
        // Attendance is recorded for a cancelled registration's shifts that had begun, too.
        KnownAttendee volunteer = attendees.findCatchingUp(conferenceId, attendeeId)
                .orElseThrow(() -> new NotFoundException("attendee", attendeeId));
        commands.sendOrRefuse(new ShiftMessages.RecordAttendance(conferenceId, shiftId, attendeeId,
                volunteer.subject(), Attendance.valueOf(body.status()), caller.subject(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    private static OffsetDateTime timeWithOffset(String field, String value) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field,
                    field + " must be an ISO-8601 time with an offset, like 2027-05-13T17:00:00-07:00");
        }
        if (time.getYear() < 1970 || time.getYear() > 9999) {
            throw new InvalidRequestException(field, field + " must fall between the years 1970 and 9999");
        }
        return time;
    }
}
