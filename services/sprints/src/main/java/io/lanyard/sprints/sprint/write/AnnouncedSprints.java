package io.lanyard.sprints.sprint.write;

import java.util.Optional;
import java.util.UUID;

/**
 * What the write side must know of a sprint before it sends a command for it: that the conference has it, and who
 * leads it. The sprint board answers it (in the command's transaction, so a sprint is known right after it was
 * announced); the write side names the question, so it does not depend on the view.
 */
public interface AnnouncedSprints {

    record AnnouncedSprint(UUID sprintId, UUID conferenceId, UUID leaderAttendeeId) {
    }

    Optional<AnnouncedSprint> announced(UUID conferenceId, UUID sprintId);
}
