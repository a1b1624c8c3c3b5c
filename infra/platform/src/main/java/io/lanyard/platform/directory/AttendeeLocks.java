package io.lanyard.platform.directory;

import java.util.UUID;

/**
 * Serialises everything a service does for one attendee with that attendee's cancellation. Without it the two could
 * pass each other: a sign-up or ticket request reads the attendee as registered while the cancellation, not yet
 * committed, finds nothing to withdraw, and a cancelled attendee keeps a place. A command that must not interleave
 * with the cancellation takes this lock in its transaction and checks the attendee after it; the reaction to
 * {@code AttendeeCancelled} ({@link WhenAttendeeCancelled}) takes it first, so one of them always sees the other's
 * committed result.
 */
public class AttendeeLocks {

    private final CommitLocks locks;

    public AttendeeLocks(CommitLocks locks) {
        this.locks = locks;
    }

    /** Held until the surrounding transaction ends. */
    public void lock(UUID attendeeId) {
        locks.lock("attendee/" + attendeeId);
    }
}
