package io.lanyard.volunteering.shifts.write;

import java.util.UUID;

import io.lanyard.platform.personaldata.DataSubject;
import io.lanyard.platform.personaldata.PersonalData;

/**
 * {@code withdrawnBy} is the caller's subject (sealed under the volunteer's key, as it is mostly their own); null
 * when registration's cancellation withdrew the volunteer.
 */
public record VolunteerWithdrew(UUID shiftId, UUID conferenceId, @DataSubject UUID attendeeId,
                                @PersonalData String withdrawnBy, Reason reason) {

    public enum Reason { ON_REQUEST, REGISTRATION_CANCELLED }
}
