package io.lanyard.registration.registrations.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import io.lanyard.platform.personaldata.DataSubject;
import io.lanyard.platform.personaldata.PersonalData;
import io.lanyard.platform.personaldata.PersonalDataKeys;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.platform.problems.Refusal;

/** One attendee's registration. It is opened by the quota segment that sold its seat. */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Registration {

    @AggregateIdentifier
    @DataSubject
    private UUID attendeeId;
    private UUID conferenceId;
    private UUID ticketTypeId;
    private UUID segmentId;
    @PersonalData
    private String subject;
    private boolean cancelled;
    private boolean checkedIn;
    private boolean erased;

    Registration() {
    }

    private Registration(AttendeeRegistered registered) {
        apply(registered);
    }

    static Registration open(UUID attendeeId, UUID conferenceId, UUID ticketTypeId, UUID segmentId,
                               String subject, String name, String email, Instant registeredAt) {
        return new Registration(new AttendeeRegistered(attendeeId, conferenceId, ticketTypeId, segmentId, subject,
                name, email, registeredAt));
    }

    /**
     * Owners may cancel until the conference starts and until they are checked in; organizers always may. A
     * registration already cancelled refuses nobody: cancelling it again changes nothing.
     */
    Optional<Refusal> refusalToCancel(RegistrationMessages.CancelRegistration command) {
        if (cancelled || command.canceller() == RegistrationCancelled.Canceller.ORGANIZER) {
            return Optional.empty();
        }
        if (checkedIn) {
            return Optional.of(new CancellationClosedException(
                    "owners may not cancel after check-in; an organizer may"));
        }
        Instant startsAt = command.conferenceStartsAt();
        if (startsAt != null && !command.at().isBefore(startsAt)) {
            return Optional.of(new CancellationClosedException(
                    "owners may cancel only before the conference starts (" + startsAt + ")"));
        }
        return Optional.empty();
    }

    /** Cancels and tells which quota segment gets the seat back; nothing to give back the second time. */
    UUID cancel(RegistrationMessages.CancelRegistration command) {
        if (cancelled) {
            return null;
        }
        apply(new RegistrationCancelled(attendeeId, conferenceId, ticketTypeId, segmentId, subject,
                command.cancelledBy(), command.canceller()));
        return segmentId;
    }

    @CommandHandler
    void handle(RegistrationMessages.CheckIn command) throws Exception {
        if (cancelled) {
            throw new RegistrationCancelledException();
        }
        if (checkedIn) {
            throw new AlreadyCheckedInException();
        }
        apply(new AttendeeCheckedIn(attendeeId, conferenceId, command.checkedInBy(), command.at()));
    }

    /**
     * Destroys the attendee's key in the command's transaction, so the erasure and the end of their readable data
     * commit together. An erased registration is erased again without a word.
     */
    @CommandHandler
    void handle(RegistrationMessages.EraseAttendee command, PersonalDataKeys keys) {
        if (erased) {
            return;
        }
        keys.destroy(attendeeId.toString());
        apply(new AttendeeErased(attendeeId, conferenceId, ticketTypeId, command.at()));
    }

    @EventSourcingHandler
    void on(AttendeeRegistered event) {
        attendeeId = event.attendeeId();
        conferenceId = event.conferenceId();
        ticketTypeId = event.ticketTypeId();
        segmentId = event.segmentId();
        subject = event.subject();
    }

    @EventSourcingHandler
    void on(RegistrationCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(AttendeeCheckedIn event) {
        checkedIn = true;
    }

    @EventSourcingHandler
    void on(AttendeeErased event) {
        erased = true;
        subject = PersonalFields.ERASED;
    }
}
