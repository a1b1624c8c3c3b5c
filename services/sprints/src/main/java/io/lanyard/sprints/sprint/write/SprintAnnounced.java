package io.lanyard.sprints.sprint.write;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

import io.lanyard.platform.personaldata.NotPersonalData;

/**
 * Revision 2 calls the room's size {@code seatsPerDay}. Revision 1 called it {@code capacity}, which read as the
 * sprint's total although every day has the whole room; {@link SprintAnnouncedUpcaster} renames it in stored
 * revision-1 events as they are read. The integration event keeps {@code capacity}: its contract did not change.
 */
@Revision("2")
public record SprintAnnounced(UUID sprintId, UUID conferenceId, String project, String description,
                              UUID leaderAttendeeId, int seatsPerDay, List<LocalDate> days,
                              @NotPersonalData("an organizer's or the leader's subject, who announced it")
                              String announcedBy, Instant announcedAt) {
}
