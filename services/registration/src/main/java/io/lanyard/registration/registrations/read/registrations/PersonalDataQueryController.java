package io.lanyard.registration.registrations.read.registrations;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;

/** A copy of what registration holds about one attendee: what they entered and where their registration stands. */
@RestController
class PersonalDataQueryController {

    /** Once erased, nothing but the id and {@code ERASED} is left to give. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PersonalDataBody(UUID attendeeId, UUID conferenceId, String service, String subject, String name,
                            String email, UUID ticketTypeId, RegistrationView.Status status, Boolean checkedIn) {
        static PersonalDataBody of(RegistrationView.RegistrationDetails d) {
            if (d.status() == RegistrationView.Status.ERASED) {
                return new PersonalDataBody(d.id(), d.conferenceId(), "registration", null, null, null, null,
                        d.status(), null);
            }
            return new PersonalDataBody(d.id(), d.conferenceId(), "registration", d.subject(), d.name(), d.email(),
                    d.ticketTypeId(), d.status(), d.checkedIn());
        }
    }

    private final RegistrationView view;
    private final Organizers organizers;

    PersonalDataQueryController(RegistrationView view, Organizers organizers) {
        this.view = view;
        this.organizers = organizers;
    }

    @GetMapping("/conferences/{conferenceId}/attendees/{attendeeId}/personal-data")
    PersonalDataBody exportPersonalData(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId,
                                        Caller caller) {
        organizers.requireConference(conferenceId);
        RegistrationView.RegistrationDetails details = view.find(conferenceId, attendeeId)
                .orElseThrow(() -> new NotFoundException("registration", attendeeId));
        organizers.requireSelfOrOrganizer(conferenceId, details.subject(), caller);
        return PersonalDataBody.of(details);
    }
}
