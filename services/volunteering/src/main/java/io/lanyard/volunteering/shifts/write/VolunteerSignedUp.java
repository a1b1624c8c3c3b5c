package io.lanyard.volunteering.shifts.write;

import java.util.UUID;

import io.lanyard.platform.personaldata.DataSubject;
import io.lanyard.platform.personaldata.PersonalData;

/** {@code signedUpBy} is the caller's subject, mostly the volunteer's own: sealed under the volunteer's key. */
public record VolunteerSignedUp(UUID shiftId, UUID conferenceId, @DataSubject UUID attendeeId,
                                @PersonalData String signedUpBy) {
}
