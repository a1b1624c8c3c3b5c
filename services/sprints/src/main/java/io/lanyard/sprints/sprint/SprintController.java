package io.lanyard.sprints.sprint;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.ForbiddenException;
import io.lanyard.platform.web.NotFoundException;
import io.lanyard.platform.problems.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The sprint endpoints. A desk method that changes a sprint runs in a transaction of its own (it takes the
 * attendee's lock first), so a collision with another instance's append is retried here, around that transaction.
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

    record SprintBody(UUID id, String project, String description, UUID leaderAttendeeId, int capacity,
                      List<LocalDate> days, Map<LocalDate, Integer> participantsPerDay) {
        static SprintBody of(SprintView.SprintDetails s) {
            return new SprintBody(s.id(), s.project(), s.description(), s.leaderAttendeeId(), s.capacity(), s.days(),
                    s.participantsPerDay());
        }
    }

    record ParticipantBody(UUID attendeeId, String name, List<LocalDate> days, List<LocalDate> attendedDays) {
    }

    private final SprintDesk desk;
    private final Commands commands;
    private final SprintAccess access;
    private final SprintView view;
    private final Organizers organizers;
    private final Attendees attendees;

    SprintController(SprintDesk desk, Commands commands, SprintAccess access, SprintView view, Organizers organizers,
                     Attendees attendees) {
        this.desk = desk;
        this.commands = commands;
        this.access = access;
        this.view = view;
        this.organizers = organizers;
        this.attendees = attendees;
    }

    @PostMapping("/conferences/{conferenceId}/sprints")
    ResponseEntity<Created> announce(@PathVariable UUID conferenceId, @Valid @RequestBody NewSprint body,
                                     Caller caller) throws Refusal {
        List<LocalDate> days = RequestedDays.parse("days", body.days());
        UUID id = desk.announce(conferenceId, body.project().strip(),
                body.description() == null ? "" : body.description().strip(), body.leaderAttendeeId(),
                body.capacity(), days, caller);
        return ResponseEntity.created(URI.create("/conferences/" + conferenceId + "/sprints/" + id))
                .body(new Created(id));
    }

    @GetMapping("/conferences/{conferenceId}/sprints")
    List<SprintBody> list(@PathVariable UUID conferenceId, Caller caller) {
        organizers.requireConference(conferenceId);
        return view.list(conferenceId).stream().map(SprintBody::of).toList();
    }

    @GetMapping("/conferences/{conferenceId}/sprints/{sprintId}")
    SprintBody get(@PathVariable UUID conferenceId, @PathVariable UUID sprintId, Caller caller) {
        return SprintBody.of(access.sprint(conferenceId, sprintId));
    }

    @PostMapping("/conferences/{conferenceId}/sprints/{sprintId}/participants")
    ResponseEntity<Joined> signUp(@PathVariable UUID conferenceId, @PathVariable UUID sprintId,
                                  @Valid @RequestBody NewParticipant body, Caller caller) throws Refusal {
        List<LocalDate> days = RequestedDays.parse("days", body.days());
        commands.retryingCollisions(() -> {
            desk.signUp(conferenceId, sprintId, body.attendeeId(), days, caller);
            return null;
        });
        return ResponseEntity.created(URI.create(
                        "/conferences/" + conferenceId + "/sprints/" + sprintId + "/participants/" + body.attendeeId()))
                .body(new Joined(body.attendeeId(), body.attendeeId(), days));
    }

    @GetMapping("/conferences/{conferenceId}/sprints/{sprintId}/participants")
    List<ParticipantBody> participants(@PathVariable UUID conferenceId, @PathVariable UUID sprintId,
                                       Caller caller) {
        SprintView.SprintDetails sprint = access.sprint(conferenceId, sprintId);
        access.requireLeaderOrOrganizer(sprint, caller);
        return view.participants(sprintId).stream().map(p -> body(conferenceId, p)).toList();
    }

    @GetMapping("/conferences/{conferenceId}/sprints/{sprintId}/participants/{attendeeId}")
    ParticipantBody participant(@PathVariable UUID conferenceId, @PathVariable UUID sprintId,
                                @PathVariable UUID attendeeId, Caller caller) {
        SprintView.SprintDetails sprint = access.sprint(conferenceId, sprintId);
        if (!access.isAttendee(conferenceId, attendeeId, caller) && !access.leads(sprint, caller)
                && !access.organizes(sprint, caller)) {
            throw new ForbiddenException("only the participant, the sprint's leader and organizers may see this");
        }
        return view.participant(sprintId, attendeeId).map(p -> body(conferenceId, p))
                .orElseThrow(() -> new NotFoundException("participant", attendeeId));
    }

    @DeleteMapping("/conferences/{conferenceId}/sprints/{sprintId}/participants/{attendeeId}")
    ResponseEntity<Void> leave(@PathVariable UUID conferenceId, @PathVariable UUID sprintId,
                               @PathVariable UUID attendeeId, Caller caller) throws Refusal {
        commands.retryingCollisions(() -> {
            desk.leave(conferenceId, sprintId, attendeeId, caller);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/conferences/{conferenceId}/sprints/{sprintId}/participants/{attendeeId}/attendance")
    ResponseEntity<Void> attendance(@PathVariable UUID conferenceId, @PathVariable UUID sprintId,
                                    @PathVariable UUID attendeeId, @Valid @RequestBody Attendance body,
                                    Caller caller) throws Refusal {
        LocalDate day = RequestedDays.parseDay("day", body.day());
        commands.retryingCollisions(() -> {
            desk.recordAttendance(conferenceId, sprintId, attendeeId, day, caller);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    private ParticipantBody body(UUID conferenceId, SprintView.Participation participation) {
        String name = attendees.find(conferenceId, participation.attendeeId())
                .map(Attendees.KnownAttendee::name).orElse(null);
        return new ParticipantBody(participation.attendeeId(), name, participation.days(),
                participation.attendedDays());
    }
}
