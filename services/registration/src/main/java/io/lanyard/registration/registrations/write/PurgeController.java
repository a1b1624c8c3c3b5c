package io.lanyard.registration.registrations.write;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator purges a conference's personal data once it is over: every attendee is erased, in batches, after the
 * answer (202); the seats stay sold. Role {@code OPERATOR}, as the other {@code /admin} endpoints: keeping personal
 * data no longer than promised is the operator's duty, and one request erases a whole conference.
 */
@RestController
class PurgeController {

    private final PersonalDataPurges purges;

    PurgeController(PersonalDataPurges purges) {
        this.purges = purges;
    }

    @PostMapping("/admin/conferences/{conferenceId}/purge-personal-data")
    @PreAuthorize("hasRole('OPERATOR')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void purgePersonalData(@PathVariable UUID conferenceId) throws ConferenceNotEndedException {
        purges.requestByOperator(conferenceId);
    }
}
