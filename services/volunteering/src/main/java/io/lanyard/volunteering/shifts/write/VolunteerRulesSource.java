package io.lanyard.volunteering.shifts.write;

import java.util.UUID;

/** The volunteer policy a sign-up must obey: the one in force when the sign-up's transaction reads it. */
public interface VolunteerRulesSource {

    VolunteerRules rulesFor(UUID conferenceId);
}
