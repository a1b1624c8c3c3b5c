package io.lanyard.volunteering.shifts.read.roster;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.volunteering.shifts.write.Attendance;

/** A volunteer's own view. It stays readable after a cancellation: the hours worked before it still count. */
@RestController
class VolunteerController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    record VolunteerPage(UUID attendeeId, List<Roster.VolunteerShift> shifts, double hoursWorked, int noShows) {
    }

    private final Roster roster;
    private final ShiftCalendar calendar;
    private final Organizers organizers;
    private final Attendees attendees;
    private final Clock clock;

    VolunteerController(Roster roster, ShiftCalendar calendar, Organizers organizers, Attendees attendees,
                        Clock clock) {
        this.roster = roster;
        this.calendar = calendar;
        this.organizers = organizers;
        this.attendees = attendees;
        this.clock = clock;
    }

    @GetMapping("/conferences/{conferenceId}/volunteers/{attendeeId}")
    VolunteerPage getVolunteer(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId, Caller caller) {
        requireVolunteerOrOrganizer(conferenceId, attendeeId, caller);
        List<Roster.VolunteerShift> shifts = roster.shiftsOf(conferenceId, attendeeId);
        double hours = shifts.stream().mapToDouble(Roster.VolunteerShift::hoursWorked).sum();
        int noShows = (int) shifts.stream().filter(s -> s.attendance() == Attendance.NO_SHOW).count();
        return new VolunteerPage(attendeeId, shifts, hours, noShows);
    }

    @GetMapping("/conferences/{conferenceId}/volunteers/{attendeeId}/shifts.ics")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    ResponseEntity<String> getVolunteerCalendar(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId,
                                                Caller caller) {
        requireVolunteerOrOrganizer(conferenceId, attendeeId, caller);
        String body = calendar.render(roster.shiftsOf(conferenceId, attendeeId), clock.instant());
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("shifts.ics").build()
                        .toString())
                .body(body);
    }

    /** 404 for an unknown conference or attendee, 403 unless the caller is that volunteer or an organizer. */
    private void requireVolunteerOrOrganizer(UUID conferenceId, UUID attendeeId, Caller caller) {
        organizers.requireConference(conferenceId);
        attendees.requireSelfOrOrganizer(conferenceId, attendeeId, caller);
    }
}
