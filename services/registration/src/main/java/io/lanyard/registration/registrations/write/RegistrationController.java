package io.lanyard.registration.registrations.write;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
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
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.directory.Organizers.KnownConference;
import io.lanyard.platform.problems.Refusal;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
class RegistrationController {

    /** {@code subject} lets an organizer register someone else; attendees register themselves. */
    record NewRegistration(@NotNull UUID ticketTypeId, @NotBlank @Size(max = 200) String name,
                           @NotBlank @Email @Size(max = 320) String email, @Size(min = 1, max = 200) String subject) {
    }

    record Registered(UUID id, String status) {
    }

    private final TicketSales sales;
    private final Commands commands;
    private final Attendees attendees;
    private final Organizers organizers;
    private final IdGenerator ids;
    private final Clock clock;

    RegistrationController(TicketSales sales, Commands commands, Attendees attendees, Organizers organizers,
                           IdGenerator ids, Clock clock) {
        this.sales = sales;
        this.commands = commands;
        this.attendees = attendees;
        this.organizers = organizers;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping("/conferences/{conferenceId}/registrations")
    ResponseEntity<Registered> registerAttendee(@PathVariable UUID conferenceId, @Valid @RequestBody NewRegistration body,
                                        Caller caller) throws Refusal {
        organizers.requireConference(conferenceId);
        String subject = caller.subject();
        if (body.subject() != null && !body.subject().equals(caller.subject())) {
            organizers.requireOrganizer(conferenceId, caller);
            subject = body.subject();
        }
        UUID id = ids.generateId();
        sales.sell(conferenceId, body.ticketTypeId(), id, subject, body.name().strip(), body.email().strip());
        return ResponseEntity.created(URI.create("/conferences/" + conferenceId + "/registrations/" + id))
                .body(new Registered(id, "CONFIRMED"));
    }

    /**
     * The registration decides whether its owner may still cancel; it is told who cancels (an organizer cancelling
     * their own registration cancels as an organizer) and when the conference starts where it takes place.
     */
    @DeleteMapping("/conferences/{conferenceId}/registrations/{attendeeId}")
    ResponseEntity<Void> cancelRegistration(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId, Caller caller)
            throws Refusal {
        KnownConference conference = organizers.requireKnownConference(conferenceId);
        String owner = registered(conferenceId, attendeeId).subject();
        organizers.requireSelfOrOrganizer(conferenceId, owner, caller);
        RegistrationCancelled.Canceller canceller = caller.subject().equals(owner)
                && !organizers.isOrganizer(conferenceId, caller.subject())
                ? RegistrationCancelled.Canceller.OWNER : RegistrationCancelled.Canceller.ORGANIZER;
        commands.sendOrRefuse(new RegistrationMessages.CancelRegistration(attendeeId, caller.subject(), canceller,
                startOf(conference), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/conferences/{conferenceId}/registrations/{attendeeId}/check-in")
    ResponseEntity<Void> checkInAttendee(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId, Caller caller)
            throws Refusal {
        organizers.requireOrganizer(conferenceId, caller);
        registered(conferenceId, attendeeId);
        commands.sendOrRefuse(new RegistrationMessages.CheckIn(attendeeId, caller.subject(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    /** The start of the conference's first day in its time zone; none for a conference known without dates. */
    private static Instant startOf(KnownConference conference) {
        return conference.startsOn() == null ? null
                : conference.startsOn().atStartOfDay(conference.zone()).toInstant();
    }

    /** Registration knows its attendees from its own events, in the command's transaction: nothing to wait for. */
    private Attendees.KnownAttendee registered(UUID conferenceId, UUID attendeeId) {
        return attendees.find(conferenceId, attendeeId)
                .orElseThrow(() -> new NotFoundException("registration", attendeeId));
    }
}
