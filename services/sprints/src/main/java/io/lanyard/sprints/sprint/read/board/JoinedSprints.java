package io.lanyard.sprints.sprint.read.board;

import java.util.List;
import java.util.UUID;

/** Which sprints of a conference an attendee has joined. */
public interface JoinedSprints {

    List<UUID> sprintsJoinedBy(UUID conferenceId, UUID attendeeId);
}
