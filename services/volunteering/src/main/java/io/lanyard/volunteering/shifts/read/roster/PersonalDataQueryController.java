package io.lanyard.volunteering.shifts.read.roster;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Attendees.KnownAttendee;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.volunteering.shifts.write.Attendance;

/**
 * A copy of what volunteering holds about one attendee: who the directory says they are, the shifts they signed up
 * for, their attendance and the hours they worked. Once they are erased, the placeholders and the shifts.
 */
@RestController
class PersonalDataQueryController {

    record PersonalDataBody(UUID attendeeId, UUID conferenceId, String service, String subject, String name,
                            List<Roster.VolunteerShift> shifts, double hoursWorked, int noShows) {
    }

    private final Roster roster;
    private final Organizers organizers;
    private final Attendees attendees;

    PersonalDataQueryController(Roster roster, Organizers organizers, Attendees attendees) {
        this.roster = roster;
        this.organizers = organizers;
        this.attendees = attendees;
    }

    @GetMapping("/conferences/{conferenceId}/attendees/{attendeeId}/personal-data")
    PersonalDataBody exportVolunteeringPersonalData(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId,
                                                    Caller caller) {
        organizers.requireConference(conferenceId);
        KnownAttendee attendee = attendees.requireSelfOrOrganizer(conferenceId, attendeeId, caller);
        List<Roster.VolunteerShift> shifts = roster.shiftsOf(conferenceId, attendeeId);
        return new PersonalDataBody(attendeeId, conferenceId, "volunteering", attendee.subject(), attendee.name(),
                shifts, shifts.stream().mapToDouble(Roster.VolunteerShift::hoursWorked).sum(),
                (int) shifts.stream().filter(s -> s.attendance() == Attendance.NO_SHOW).count());
    }
}
