package io.lanyard.registration.attendees;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.ForbiddenException;
import io.lanyard.platform.web.NotFoundException;
import io.lanyard.platform.problems.Refusal;
import io.lanyard.registration.tickets.TicketSales;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    record RegistrationBody(UUID id, String name, String email, UUID ticketTypeId, RegistrationView.Status status,
                            boolean checkedIn, String subject) {
        static RegistrationBody of(RegistrationView.RegistrationDetails d) {
            return new RegistrationBody(d.id(), d.name(), d.email(), d.ticketTypeId(), d.status(), d.checkedIn(),
                    d.subject());
        }
    }

    record Page(List<RegistrationBody> content, int page, int size, long totalElements, long totalPages) {
    }

    private final TicketSales sales;
    private final Commands commands;
    private final RegistrationView view;
    private final Organizers organizers;
    private final IdGenerator ids;
    private final Clock clock;

    RegistrationController(TicketSales sales, Commands commands, RegistrationView view, Organizers organizers,
                           IdGenerator ids, Clock clock) {
        this.sales = sales;
        this.commands = commands;
        this.view = view;
        this.organizers = organizers;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping("/conferences/{conferenceId}/registrations")
    ResponseEntity<Registered> register(@PathVariable UUID conferenceId, @Valid @RequestBody NewRegistration body,
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

    @GetMapping("/conferences/{conferenceId}/registrations/{attendeeId}")
    RegistrationBody get(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId, Caller caller) {
        return RegistrationBody.of(ownedOrOrganized(conferenceId, attendeeId, caller));
    }

    @GetMapping("/conferences/{conferenceId}/registrations")
    Page list(@PathVariable UUID conferenceId, @RequestParam(defaultValue = "0") @Min(0) int page,
              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        organizers.requireOrganizer(conferenceId, caller);
        long total = view.count(conferenceId);
        return new Page(view.page(conferenceId, page, size).stream().map(RegistrationBody::of).toList(), page, size,
                total, (total + size - 1) / size);
    }

    @DeleteMapping("/conferences/{conferenceId}/registrations/{attendeeId}")
    ResponseEntity<Void> cancel(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId, Caller caller) {
        ownedOrOrganized(conferenceId, attendeeId, caller);
        commands.send(new RegistrationMessages.CancelRegistration(attendeeId, caller.subject()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/conferences/{conferenceId}/registrations/{attendeeId}/check-in")
    ResponseEntity<Void> checkIn(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId, Caller caller)
            throws Refusal {
        organizers.requireOrganizer(conferenceId, caller);
        view.find(conferenceId, attendeeId).orElseThrow(() -> new NotFoundException("registration", attendeeId));
        commands.sendOrRefuse(new RegistrationMessages.CheckIn(attendeeId, caller.subject(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    private RegistrationView.RegistrationDetails ownedOrOrganized(UUID conferenceId, UUID attendeeId, Caller caller) {
        organizers.requireConference(conferenceId);
        RegistrationView.RegistrationDetails details = view.find(conferenceId, attendeeId)
                .orElseThrow(() -> new NotFoundException("registration", attendeeId));
        if (!details.subject().equals(caller.subject()) && !organizers.isOrganizer(conferenceId, caller.subject())) {
            throw new ForbiddenException("only the attendee and the conference's organizers may do this");
        }
        return details;
    }
}
