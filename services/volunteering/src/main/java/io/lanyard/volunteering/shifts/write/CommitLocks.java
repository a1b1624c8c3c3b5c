package io.lanyard.volunteering.shifts.write;

import java.util.UUID;

/**
 * Locks on a volunteer and on a shift that last until the transaction commits, on every instance. Axon's aggregate
 * locks end with the unit of work; for a command sent from a Kafka reaction that is before the surrounding inbox
 * transaction commits, and another command could load the aggregate as it was and collide with events not yet
 * committed: a sign-up could even keep a cancelled attendee on a shift. {@link ShiftSignUpCommandHandler} takes these before it
 * loads anything: the volunteer first, then shifts in id order.
 */
interface CommitLocks {

    void lockVolunteer(UUID conferenceId, UUID attendeeId);

    void lockShift(UUID shiftId);
}
