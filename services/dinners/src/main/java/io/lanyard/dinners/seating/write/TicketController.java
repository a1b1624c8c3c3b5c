package io.lanyard.dinners.seating.write;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lanyard.dinners.seating.write.DinnerMessages.CancelTicket;
import io.lanyard.dinners.seating.write.DinnerMessages.RequestTicket;
import io.lanyard.dinners.seating.write.DinnerMessages.TicketDecision;
import io.lanyard.dinners.seating.write.RequestedTickets.FirstAnswer;
import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.InvalidRequestException;
import io.lanyard.platform.web.NotFoundException;
import io.lanyard.platform.problems.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
class TicketController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    /** {@code dietaryRequirements}: a string or a list of strings, see {@link DietaryRequirements}. */
    record TicketRequest(@NotNull UUID attendeeId, Object dietaryRequirements) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TicketAnswer(UUID id, TicketStatus status, Instant holdExpiresAt) {
    }

    record Payment(@NotBlank @Size(max = 200) String paymentReference) {
    }

    record PaymentAnswer(UUID id, TicketStatus status) {
    }

    private final Commands commands;
    private final TicketPurchases purchases;
    private final RequestedTickets tickets;
    private final ScheduledDinners dinners;
    private final Attendees attendees;
    private final Organizers organizers;
    private final IdGenerator ids;
    private final Clock clock;

    TicketController(Commands commands, TicketPurchases purchases, RequestedTickets tickets,
                     ScheduledDinners dinners, Attendees attendees, Organizers organizers, IdGenerator ids,
                     Clock clock) {
        this.commands = commands;
        this.purchases = purchases;
        this.tickets = tickets;
        this.dinners = dinners;
        this.attendees = attendees;
        this.organizers = organizers;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * With an Idempotency-Key, a repeated request by the same caller with the same body ({@link TicketRequestDigest})
     * gets the first request's answer; with another body it is refused ({@code idempotency-key-reused}) and changes
     * nothing. A retry that overtakes its first attempt waits for it on the attendee's lock and is then refused by
     * the aggregate (the attendee already has a ticket) or, failing that, by the key's unique index; either way the
     * first attempt has committed by then and its answer is read back and compared.
     * <p>
     * The attendee and the caller's right to act for them are checked before the command: only there may the lookup
     * wait for replication, so that a client who registers and at once asks for a ticket is served. The command is
     * decided under the attendee's lock, taken by the command bus before the dinner is loaded, where the dinner
     * checks the registration again; in a rush the requests queued for one dinner are decided together, in one
     * commit ({@code GroupCommitCommandBus}).
     */
    @PostMapping("/conferences/{conferenceId}/dinners/{dinnerId}/tickets")
    ResponseEntity<TicketAnswer> requestDinnerTicket(@PathVariable UUID conferenceId, @PathVariable UUID dinnerId,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                         @Valid @RequestBody TicketRequest body, Caller caller) throws Refusal {
        requireDinner(conferenceId, dinnerId);
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw new InvalidRequestException(IDEMPOTENCY_KEY, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        List<String> dietaryRequirements = DietaryRequirements.from(body.dietaryRequirements());
        String bodyDigest = TicketRequestDigest.of(body.attendeeId(), dietaryRequirements);
        Optional<ResponseEntity<TicketAnswer>> repeated = firstAnswer(conferenceId, dinnerId, caller, key, bodyDigest);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        attendees.requireActingFor(conferenceId, body.attendeeId(), caller);
        try {
            TicketDecision decision = commands.sendOrRefuse(new RequestTicket(dinnerId, conferenceId, ids.generateId(),
                    body.attendeeId(), dietaryRequirements, caller.subject(), key, clock.instant()));
            return created(conferenceId, dinnerId,
                    new TicketAnswer(decision.ticketId(), decision.status(), decision.holdExpiresAt()));
        } catch (AlreadyHasTicketException e) {
            return firstAnswer(conferenceId, dinnerId, caller, key, bodyDigest).orElseThrow(() -> e);
        } catch (RuntimeException e) {
            if (causedByRepeat(e)) {
                return firstAnswer(conferenceId, dinnerId, caller, key, bodyDigest).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    @PostMapping("/conferences/{conferenceId}/dinners/{dinnerId}/tickets/{ticketId}/payment")
    PaymentAnswer payDinnerTicket(@PathVariable UUID conferenceId, @PathVariable UUID dinnerId, @PathVariable UUID ticketId,
                      @Valid @RequestBody Payment body, Caller caller) throws Refusal {
        UUID attendeeId = attendeeOf(conferenceId, dinnerId, ticketId);
        String reference = body.paymentReference().strip();
        TicketStatus status = commands.retryingCollisions(() -> purchases.pay(conferenceId, dinnerId, ticketId,
                attendeeId, reference, caller));
        return new PaymentAnswer(ticketId, status);
    }

    @DeleteMapping("/conferences/{conferenceId}/dinners/{dinnerId}/tickets/{ticketId}")
    ResponseEntity<Void> cancelDinnerTicket(@PathVariable UUID conferenceId, @PathVariable UUID dinnerId,
                                @PathVariable UUID ticketId, Caller caller) throws Refusal {
        attendees.requireSelfOrOrganizer(conferenceId, attendeeOf(conferenceId, dinnerId, ticketId), caller);
        boolean organizer = organizers.isOrganizer(conferenceId, caller.subject());
        commands.sendOrRefuse(new CancelTicket(dinnerId, ticketId, caller.subject(), organizer, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    private void requireDinner(UUID conferenceId, UUID dinnerId) {
        if (!dinners.exists(conferenceId, dinnerId)) {
            throw new NotFoundException("dinner", dinnerId);
        }
    }

    private UUID attendeeOf(UUID conferenceId, UUID dinnerId, UUID ticketId) {
        return tickets.attendeeOf(conferenceId, dinnerId, ticketId)
                .orElseThrow(() -> new NotFoundException("ticket", ticketId));
    }

    /** The answer to the first request under the key, if there was one with this body; 422 for another body. */
    private Optional<ResponseEntity<TicketAnswer>> firstAnswer(UUID conferenceId, UUID dinnerId, Caller caller,
                                                               String key, String bodyDigest)
            throws IdempotencyKeyReusedException {
        if (key == null) {
            return Optional.empty();
        }
        Optional<FirstAnswer> first = tickets.firstAnswer(dinnerId, caller.subject(), key);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (!first.get().sameBody(bodyDigest)) {
            throw new IdempotencyKeyReusedException(key);
        }
        TicketDecision decision = first.get().decision();
        return Optional.of(created(conferenceId, dinnerId,
                new TicketAnswer(decision.ticketId(), decision.status(), decision.holdExpiresAt())));
    }

    private static ResponseEntity<TicketAnswer> created(UUID conferenceId, UUID dinnerId, TicketAnswer answer) {
        return ResponseEntity.created(URI.create(
                        "/conferences/" + conferenceId + "/dinners/" + dinnerId + "/tickets/" + answer.id()))
                .body(answer);
    }

    private static boolean causedByRepeat(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RepeatedRequestException) {
                return true;
            }
        }
        return false;
    }
}
