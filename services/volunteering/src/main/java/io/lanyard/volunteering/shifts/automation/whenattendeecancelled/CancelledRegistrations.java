package io.lanyard.volunteering.shifts.automation.whenattendeecancelled;

import java.util.List;

import org.springframework.stereotype.Component;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.WhenAttendeeCancelled;
import io.lanyard.volunteering.shifts.write.ShiftMessages;

/**
 * A cancelled attendee leaves every shift that had not started when registration cancelled them, and their schedule
 * takes no more sign-ups for that registration. The base class holds the attendee's lock, the one every sign-up
 * takes first, so a sign-up racing the cancellation is either refused or found and released here. The schedule is
 * the person's ({@code sub}), which the directory replica knows from the registration; an attendee it never heard
 * of cannot have signed up here, and leaves nothing to withdraw.
 */
@Component
class CancelledRegistrations extends WhenAttendeeCancelled {

    private final Attendees attendees;

    CancelledRegistrations(AttendeeLocks locks, Commands commands, Attendees attendees) {
        super(locks, commands);
        this.attendees = attendees;
    }

    @Override
    protected List<?> withdrawals(Cancellation cancellation) {
        return attendees.find(cancellation.conferenceId(), cancellation.attendeeId())
                .map(attendee -> List.of(new ShiftMessages.WithdrawCancelledAttendee(cancellation.conferenceId(),
                        cancellation.attendeeId(), attendee.subject(), cancellation.at())))
                .orElse(List.of());
    }
}
