package io.lanyard.volunteering.shifts.read.roster;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.directory.Organizers;

@RestController
class ShiftBoardController {

    private final Roster roster;
    private final Organizers organizers;

    ShiftBoardController(Roster roster, Organizers organizers) {
        this.roster = roster;
        this.organizers = organizers;
    }

    @GetMapping("/conferences/{conferenceId}/shifts")
    List<Roster.BoardEntry> listShifts(@PathVariable UUID conferenceId) {
        organizers.requireConference(conferenceId);
        return roster.board(conferenceId);
    }
}
