package io.lanyard.volunteering.policy.write;

import java.util.UUID;

/** The whole policy as set; a limit left out is no limit, except the no-show limit, which has a default. */
public record VolunteerPolicySet(UUID policyId, UUID conferenceId, Double maxHoursPerDay, Integer minRestMinutes,
                          int noShowLimit, String setBy) {
}
