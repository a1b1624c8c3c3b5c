package io.lanyard.volunteering.shifts.write;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The conference's volunteer policy as a sign-up applies it.
 *
 * @param maxWorkPerDay null when a volunteer may work any number of hours a day
 * @param minRest       null when shifts may follow each other directly
 * @param dayZone       where days begin for the daily maximum; null to count in the new shift's own offset
 */
public record VolunteerRules(Duration maxWorkPerDay, Duration minRest, int noShowLimit, ZoneId dayZone) {

    public static final int DEFAULT_NO_SHOW_LIMIT = 2;

    public static VolunteerRules defaults(ZoneId dayZone) {
        return new VolunteerRules(null, null, DEFAULT_NO_SHOW_LIMIT, dayZone);
    }
}
