package io.lanyard.sprints.sprint.read.board;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;
import io.lanyard.sprints.sprint.write.AnnouncedSprints.AnnouncedSprint;
import io.lanyard.sprints.sprint.write.SprintAccess;

/** The sprint board, open to any caller, and the participant lists, for the leader and organizers. */
@RestController
class SprintBoardController {

    record SprintBody(UUID id, String project, String description, UUID leaderAttendeeId, int capacity,
                      List<LocalDate> days, Map<LocalDate, Integer> participantsPerDay) {
        static SprintBody of(SprintView.SprintDetails s) {
            return new SprintBody(s.id(), s.project(), s.description(), s.leaderAttendeeId(), s.capacity(), s.days(),
                    s.participantsPerDay());
        }
    }

    record ParticipantBody(UUID attendeeId, String name, List<LocalDate> days, List<LocalDate> attendedDays) {
    }

    private final SprintAccess access;
    private final SprintView view;
    private final Organizers organizers;
    private final Attendees attendees;

    SprintBoardController(SprintAccess access, SprintView view, Organizers organizers, Attendees attendees) {
        this.access = access;
        this.view = view;
        this.organizers = organizers;
        this.attendees = attendees;
    }

    @GetMapping("/conferences/{conferenceId}/sprints")
    List<SprintBody> listSprints(@PathVariable UUID conferenceId, Caller caller) {
        organizers.requireConference(conferenceId);
        return view.list(conferenceId).stream().map(SprintBody::of).toList();
    }

    @GetMapping("/conferences/{conferenceId}/sprints/{sprintId}")
    SprintBody getSprint(@PathVariable UUID conferenceId, @PathVariable UUID sprintId, Caller caller) {
        organizers.requireConference(conferenceId);
        return view.find(conferenceId, sprintId).map(SprintBody::of)
                .orElseThrow(() -> new NotFoundException("sprint", sprintId));
    }

    @GetMapping("/conferences/{conferenceId}/sprints/{sprintId}/participants")
    List<ParticipantBody> listSprintParticipants(@PathVariable UUID conferenceId, @PathVariable UUID sprintId,
                                       Caller caller) {
        AnnouncedSprint sprint = access.sprint(conferenceId, sprintId);
        access.requireLeaderOrOrganizer(sprint, caller);
        return view.participants(sprintId).stream().map(p -> body(conferenceId, p)).toList();
    }

    @GetMapping("/conferences/{conferenceId}/sprints/{sprintId}/participants/{attendeeId}")
    ParticipantBody getSprintParticipant(@PathVariable UUID conferenceId, @PathVariable UUID sprintId,
                                @PathVariable UUID attendeeId, Caller caller) {
        AnnouncedSprint sprint = access.sprint(conferenceId, sprintId);
        access.requireParticipantLeaderOrOrganizer(sprint, attendeeId, caller);
        return view.participant(sprintId, attendeeId).map(p -> body(conferenceId, p))
                .orElseThrow(() -> new NotFoundException("participant", attendeeId));
    }

    private ParticipantBody body(UUID conferenceId, SprintView.Participation participation) {
        String name = attendees.find(conferenceId, participation.attendeeId())
                .map(Attendees.KnownAttendee::name).orElse(null);
        return new ParticipantBody(participation.attendeeId(), name, participation.days(),
                participation.attendedDays());
    }
}
