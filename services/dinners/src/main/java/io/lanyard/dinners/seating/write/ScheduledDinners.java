package io.lanyard.dinners.seating.write;

import java.util.UUID;

/** Whether the conference has this dinner, as the committed dinner view says: asked before a ticket command goes. */
public interface ScheduledDinners {

    boolean exists(UUID conferenceId, UUID dinnerId);
}
