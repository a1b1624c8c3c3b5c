package io.lanyard.registration.registrations.write;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Cancellation touches two aggregates: the registration is cancelled and its seat goes back to the quota segment
 * that sold it. Both happen in one unit of work, one transaction.
 */
@Component
class CancelRegistrationCommandHandler {

    private final Repository<Registration> registrations;

    CancelRegistrationCommandHandler(Repository<Registration> registrations) {
        this.registrations = registrations;
    }

    @CommandHandler
    void handle(RegistrationMessages.CancelRegistration command,
                org.axonframework.commandhandling.gateway.CommandGateway gateway) {
        Aggregate<Registration> registration = registrations.load(command.attendeeId().toString());
        UUID segment = registration.invoke(r -> r.cancel(command.cancelledBy()));
        if (segment != null) {
            gateway.sendAndWait(new TicketMessages.ReleaseSeat(segment, command.attendeeId()));
        }
    }
}
