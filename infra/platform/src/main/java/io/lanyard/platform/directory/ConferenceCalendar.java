package io.lanyard.platform.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.lanyard.platform.directory.Organizers.KnownConference;

/**
 * The conference's dates and time zone as every service applies them: shifts, dinners and sprint days fall within
 * {@code startsOn}–{@code endsOn} widened by a margin (set-up the evening before, sprints after), and "has this day
 * begun" is asked in the conference's own time zone through the injected clock.
 */
public class ConferenceCalendar {

    private final Organizers organizers;
    private final Clock clock;
    private final int marginDays;

    public ConferenceCalendar(Organizers organizers, Clock clock, int marginDays) {
        this.organizers = organizers;
        this.clock = clock;
        this.marginDays = marginDays;
    }

    /** 422 {@code outside-conference} unless the day is within the conference's dates and the margin. */
    public void requireWithin(UUID conferenceId, LocalDate day) throws OutsideConferenceException {
        KnownConference conference = organizers.requireKnownConference(conferenceId);
        if (conference.startsOn() == null || conference.endsOn() == null) {
            return;
        }
        LocalDate first = conference.startsOn().minusDays(marginDays);
        LocalDate last = conference.endsOn().plusDays(marginDays);
        if (day.isBefore(first) || day.isAfter(last)) {
            throw new OutsideConferenceException(day, first, last);
        }
    }

    /** As {@link #requireWithin(UUID, LocalDate)} for an instant, taken as a day in the conference's time zone. */
    public void requireWithin(UUID conferenceId, Instant at) throws OutsideConferenceException {
        requireWithin(conferenceId, at.atZone(zoneOf(conferenceId)).toLocalDate());
    }

    public ZoneId zoneOf(UUID conferenceId) {
        return organizers.requireKnownConference(conferenceId).zone();
    }

    /** Whether the day has begun where the conference takes place. */
    public boolean hasBegun(UUID conferenceId, LocalDate day) {
        return !clock.instant().isBefore(day.atStartOfDay(zoneOf(conferenceId)).toInstant());
    }

    /** Whether the conference's first day has begun where it takes place (never, for one without dates). */
    public boolean conferenceHasBegun(KnownConference conference) {
        return conference.startsOn() != null
                && !clock.instant().isBefore(conference.startsOn().atStartOfDay(conference.zone()).toInstant());
    }
}
