package io.lanyard.sprints.sprint.automation.whenattendeecancelled;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.ConferenceCalendar;
import io.lanyard.platform.directory.WhenAttendeeCancelled;
import io.lanyard.sprints.sprint.read.board.JoinedSprints;
import io.lanyard.sprints.sprint.write.LeaveReason;
import io.lanyard.sprints.sprint.write.SprintMessages;

/** A cancelled attendee gives up their place in every sprint of the conference, as of the cancellation. */
@Component
class LeaveSprintsWhenRegistrationIsCancelled extends WhenAttendeeCancelled {

    static final String BY = "registration";

    private final JoinedSprints joined;
    private final ConferenceCalendar calendar;

    LeaveSprintsWhenRegistrationIsCancelled(JoinedSprints joined, ConferenceCalendar calendar, AttendeeLocks locks,
                                            Commands commands) {
        super(locks, commands);
        this.joined = joined;
        this.calendar = calendar;
    }

    @Override
    protected List<?> withdrawals(Cancellation cancelled) {
        List<UUID> sprints = joined.sprintsJoinedBy(cancelled.conferenceId(), cancelled.attendeeId());
        if (sprints.isEmpty()) {
            return List.of();
        }
        ZoneId zone = calendar.zoneOf(cancelled.conferenceId());
        return sprints.stream()
                .map(sprintId -> new SprintMessages.LeaveDaysNotBegun(sprintId, cancelled.attendeeId(), zone,
                        LeaveReason.REGISTRATION_CANCELLED, BY, cancelled.at()))
                .toList();
    }
}
