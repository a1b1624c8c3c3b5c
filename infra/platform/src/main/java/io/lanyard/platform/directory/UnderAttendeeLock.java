package io.lanyard.platform.directory;

import java.util.UUID;

/**
 * A command for an attendee whose registration must be active when it is decided, and whose decision must not
 * interleave with the registration's cancellation ({@link AttendeeLocks}). The command bus takes the attendee's lock
 * in the command's transaction before the handler loads any aggregate, the order the reaction to a cancellation
 * takes them in, and then checks the registration ({@link AttendeeLocksFirst}): one of the two always sees the
 * other's committed result.
 */
public interface UnderAttendeeLock {

    UUID conferenceId();

    UUID attendeeId();
}
