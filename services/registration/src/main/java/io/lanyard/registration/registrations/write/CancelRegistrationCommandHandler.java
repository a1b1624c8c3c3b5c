package io.lanyard.registration.registrations.write;

import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import io.lanyard.platform.problems.Refusal;

/**
 * Cancellation touches two aggregates: the registration is cancelled and its seat goes back to the quota segment
 * that sold it. Both happen in one unit of work, one transaction. The registration is asked first whether the
 * canceller may still cancel; a refusal is thrown before any event exists, and being checked it neither rolls the
 * unit of work back nor evicts the cached registration.
 */
@Component
class CancelRegistrationCommandHandler {

    private final Repository<Registration> registrations;

    CancelRegistrationCommandHandler(Repository<Registration> registrations) {
        this.registrations = registrations;
    }

    @CommandHandler
    void handle(RegistrationMessages.CancelRegistration command,
                org.axonframework.commandhandling.gateway.CommandGateway gateway) throws Refusal {
        Aggregate<Registration> registration = registrations.load(command.attendeeId().toString());
        Optional<Refusal> refusal = registration.invoke(r -> r.refusalToCancel(command));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        UUID segment = registration.invoke(r -> r.cancel(command));
        if (segment != null) {
            gateway.sendAndWait(new TicketMessages.ReleaseSeat(segment, command.attendeeId()));
        }
    }
}
