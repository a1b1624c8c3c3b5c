package io.lanyard.registration.registrations.read.registrations;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;

@RestController
class RegistrationQueryController {

    /** An erased registration reads as its id and {@code ERASED}, nothing more. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RegistrationBody(UUID id, String name, String email, UUID ticketTypeId, RegistrationView.Status status,
                            Boolean checkedIn, String subject) {
        static RegistrationBody of(RegistrationView.RegistrationDetails d) {
            if (d.status() == RegistrationView.Status.ERASED) {
                return new RegistrationBody(d.id(), null, null, null, d.status(), null, null);
            }
            return new RegistrationBody(d.id(), d.name(), d.email(), d.ticketTypeId(), d.status(), d.checkedIn(),
                    d.subject());
        }
    }

    record Page(List<RegistrationBody> content, int page, int size, long totalElements, long totalPages) {
    }

    private final RegistrationView view;
    private final Organizers organizers;

    RegistrationQueryController(RegistrationView view, Organizers organizers) {
        this.view = view;
        this.organizers = organizers;
    }

    @GetMapping("/conferences/{conferenceId}/registrations/{attendeeId}")
    RegistrationBody getRegistration(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId, Caller caller) {
        organizers.requireConference(conferenceId);
        RegistrationView.RegistrationDetails details = view.find(conferenceId, attendeeId)
                .orElseThrow(() -> new NotFoundException("registration", attendeeId));
        organizers.requireSelfOrOrganizer(conferenceId, details.subject(), caller);
        return RegistrationBody.of(details);
    }

    @GetMapping("/conferences/{conferenceId}/registrations")
    Page listRegistrations(@PathVariable UUID conferenceId, @RequestParam(defaultValue = "0") @Min(0) int page,
              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        organizers.requireOrganizer(conferenceId, caller);
        long total = view.count(conferenceId);
        return new Page(view.page(conferenceId, page, size).stream().map(RegistrationBody::of).toList(), page, size,
                total, (total + size - 1) / size);
    }
}
