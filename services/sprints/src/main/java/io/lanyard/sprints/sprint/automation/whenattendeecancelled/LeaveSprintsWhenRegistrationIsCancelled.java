package io.lanyard.sprints.sprint.automation.whenattendeecancelled;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;
import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.sprints.sprint.write.LeaveReason;
import io.lanyard.sprints.sprint.write.SprintMessages;
import io.lanyard.sprints.sprint.read.board.JoinedSprints;

/** A cancelled attendee gives up their place in every sprint of the conference. */
@Component
class LeaveSprintsWhenRegistrationIsCancelled implements IntegrationEventSubscriber {

    static final String BY = "registration";

    private final JoinedSprints participations;
    private final AttendeeLocks locks;
    private final Commands commands;
    private final Clock clock;

    LeaveSprintsWhenRegistrationIsCancelled(JoinedSprints participations, AttendeeLocks locks,
                                            Commands commands, Clock clock) {
        this.participations = participations;
        this.locks = locks;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(AttendeeCancelled.class, this::leaveEverySprint);
    }

    private void leaveEverySprint(AttendeeCancelled cancelled) {
        locks.lock(cancelled.attendeeId());
        for (UUID sprintId : participations.sprintsJoinedBy(cancelled.conferenceId(), cancelled.attendeeId())) {
            commands.send(new SprintMessages.LeaveSprint(sprintId, cancelled.attendeeId(),
                    LeaveReason.REGISTRATION_CANCELLED, BY, clock.instant()));
        }
    }
}
