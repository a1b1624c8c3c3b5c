package io.lanyard.sprints.sprint.automation.whenattendeecancelled;

import java.util.List;

import org.springframework.stereotype.Component;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.WhenAttendeeCancelled;
import io.lanyard.sprints.sprint.read.board.JoinedSprints;
import io.lanyard.sprints.sprint.write.LeaveReason;
import io.lanyard.sprints.sprint.write.SprintMessages;

/** A cancelled attendee gives up their place in every sprint of the conference, as of the cancellation. */
@Component
class LeaveSprintsWhenRegistrationIsCancelled extends WhenAttendeeCancelled {

    static final String BY = "registration";

    private final JoinedSprints joined;

    LeaveSprintsWhenRegistrationIsCancelled(JoinedSprints joined, AttendeeLocks locks, Commands commands) {
        super(locks, commands);
        this.joined = joined;
    }

    @Override
    protected List<?> withdrawals(Cancellation cancelled) {
        return joined.sprintsJoinedBy(cancelled.conferenceId(), cancelled.attendeeId()).stream()
                .map(sprintId -> new SprintMessages.LeaveSprint(sprintId, cancelled.attendeeId(),
                        LeaveReason.REGISTRATION_CANCELLED, BY, cancelled.at()))
                .toList();
    }
}
