package io.lanyard.sprints.sprint.write;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.problems.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The endpoints that change a sprint (the board and the participant lists answer in {@code read.board}). Leaving and
 * recording attendance run in a transaction of their own ({@link SprintParticipation}), so a collision with another
 * instance's append is retried here, around that transaction; before it opens, the same checks are made here, where
 * a conference, attendee or organizer not replicated yet is given replication's moment without holding a connection
 * ({@link SprintAccess}). A sign-up is sent from outside any transaction and retried by {@link Commands} itself.
 */
@RestController
class SprintController {

    record NewSprint(@NotBlank @Size(max = 200) String project, @Size(max = 4000) String description,
                     @NotNull UUID leaderAttendeeId, @NotNull @Min(1) @Max(10_000) Integer capacity,
                     @NotEmpty @Size(max = 31) List<String> days) {
    }

    record NewParticipant(@NotNull UUID attendeeId, @NotEmpty @Size(max = 31) List<String> days) {
    }

    record Attendance(@NotBlank String day) {
    }

    record Created(UUID id) {
    }

    record Joined(UUID id, UUID attendeeId, List<LocalDate> days) {
    }

    private final SprintAccess access;
    private final SprintParticipation participation;
    private final Commands commands;

    SprintController(SprintAccess access, SprintParticipation participation, Commands commands) {
        this.access = access;
        this.participation = participation;
        this.commands = commands;
    }

    @PostMapping("/conferences/{conferenceId}/sprints")
    ResponseEntity<Created> announceSprint(@PathVariable UUID conferenceId, @Valid @RequestBody NewSprint body,
                                     Caller caller) throws Refusal {
        List<LocalDate> days = RequestedDays.parse("days", body.days());
        access.requireMayAnnounce(conferenceId, body.leaderAttendeeId(), caller);
        UUID id = participation.announce(conferenceId, body.project().strip(),
                body.description() == null ? "" : body.description().strip(), body.leaderAttendeeId(),
                body.capacity(), days, caller);
        return ResponseEntity.created(URI.create("/conferences/" + conferenceId + "/sprints/" + id))
                .body(new Created(id));
    }

    @PostMapping("/conferences/{conferenceId}/sprints/{sprintId}/participants")
    ResponseEntity<Joined> signUpForSprint(@PathVariable UUID conferenceId, @PathVariable UUID sprintId,
                                  @Valid @RequestBody NewParticipant body, Caller caller) throws Refusal {
        List<LocalDate> days = RequestedDays.parse("days", body.days());
        participation.signUp(conferenceId, sprintId, body.attendeeId(), days, caller);
        return ResponseEntity.created(URI.create(
                        "/conferences/" + conferenceId + "/sprints/" + sprintId + "/participants/" + body.attendeeId()))
                .body(new Joined(body.attendeeId(), body.attendeeId(), days));
    }

    @DeleteMapping("/conferences/{conferenceId}/sprints/{sprintId}/participants/{attendeeId}")
    ResponseEntity<Void> leaveSprint(@PathVariable UUID conferenceId, @PathVariable UUID sprintId,
                               @PathVariable UUID attendeeId, Caller caller) throws Refusal {
        access.requireMayLeave(conferenceId, sprintId, attendeeId, caller);
        commands.retryingCollisions(() -> {
            participation.leave(conferenceId, sprintId, attendeeId, caller);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/conferences/{conferenceId}/sprints/{sprintId}/participants/{attendeeId}/attendance")
    ResponseEntity<Void> recordSprintAttendance(@PathVariable UUID conferenceId, @PathVariable UUID sprintId,
                                    @PathVariable UUID attendeeId, @Valid @RequestBody Attendance body,
                                    Caller caller) throws Refusal {
        LocalDate day = RequestedDays.parseDay("day", body.day());
        access.requireMayRecordAttendance(conferenceId, sprintId, caller);
        commands.retryingCollisions(() -> {
            participation.recordAttendance(conferenceId, sprintId, attendeeId, day, caller);
            return null;
        });
        return ResponseEntity.noContent().build();
    }
}
