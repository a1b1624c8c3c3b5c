package io.lanyard.volunteering.shifts.write;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;

/** When a shift runs, as a half-open interval: a shift ending at 18:00 does not overlap one starting at 18:00. */
record ShiftTimes(Instant startsAt, Instant endsAt) {

    boolean overlaps(ShiftTimes other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }

    /** The free time between two shifts that do not overlap. */
    Duration restBetween(ShiftTimes other) {
        boolean otherComesFirst = !other.endsAt.isAfter(startsAt);
        return otherComesFirst ? Duration.between(other.endsAt, startsAt) : Duration.between(endsAt, other.startsAt);
    }

    Duration length() {
        return Duration.between(startsAt, endsAt);
    }

    /** The time worked on each calendar day of {@code zone}; a shift past midnight counts on both days. */
    Map<LocalDate, Duration> workPerDay(ZoneId zone) {
        Map<LocalDate, Duration> perDay = new TreeMap<>();
        ZonedDateTime from = startsAt.atZone(zone);
        ZonedDateTime end = endsAt.atZone(zone);
        while (from.isBefore(end)) {
            ZonedDateTime nextDay = from.toLocalDate().plusDays(1).atStartOfDay(zone);
            ZonedDateTime until = nextDay.isBefore(end) ? nextDay : end;
            perDay.merge(from.toLocalDate(), Duration.between(from, until), Duration::plus);
            from = until;
        }
        return perDay;
    }
}
