package io.lanyard.volunteering.shifts.write;

import java.util.UUID;

/** {@code withdrawnBy} is the caller's subject; null when registration's cancellation withdrew the volunteer. */
public record VolunteerWithdrew(UUID shiftId, UUID conferenceId, UUID attendeeId, String withdrawnBy,
                                Reason reason) {

    public enum Reason { ON_REQUEST, REGISTRATION_CANCELLED }
}
