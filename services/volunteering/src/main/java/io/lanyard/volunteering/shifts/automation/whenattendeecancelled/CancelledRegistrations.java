package io.lanyard.volunteering.shifts.automation.whenattendeecancelled;

import java.util.List;

import org.springframework.stereotype.Component;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.WhenAttendeeCancelled;
import io.lanyard.volunteering.shifts.write.ShiftMessages;

/**
 * A cancelled attendee leaves every shift that had not started when registration cancelled them, and their schedule
 * takes no more sign-ups. The base class holds the attendee's lock, the one every sign-up takes first, so a sign-up
 * racing the cancellation is either refused or found and released here.
 */
@Component
class CancelledRegistrations extends WhenAttendeeCancelled {

    CancelledRegistrations(AttendeeLocks locks, Commands commands) {
        super(locks, commands);
    }

    @Override
    protected List<?> withdrawals(Cancellation cancellation) {
        return List.of(new ShiftMessages.WithdrawCancelledAttendee(cancellation.conferenceId(),
                cancellation.attendeeId(), cancellation.at()));
    }
}
