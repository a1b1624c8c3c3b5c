package io.lanyard.notifications.mail.automation.sendmail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.lanyard.notifications.mail.write.MailFacts;
import io.lanyard.notifications.mail.write.MailOutbox.Queued;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;

/**
 * Makes a queued mail's text from what the service knows when it is sent: the conference's name and time zone, the
 * attendee's name and address, and the shift, dinner or sprint it is about. Every time is printed in the
 * conference's zone, with the zone's abbreviation, and the footer names the zone.
 */
public class MailComposer {

    /** A mail ready to go. */
    record Composed(String to, MailTemplates.Rendered content) {
    }

    /** Something the mail needs is not known (yet): the send is retried like a refused one. */
    static final class NotComposable extends Exception {
        NotComposable(String message) {
            super(message);
        }
    }

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm zzz", Locale.ENGLISH);

    private final MailTemplates templates;
    private final MailFacts facts;
    private final Organizers organizers;
    private final Attendees attendees;

    MailComposer(MailTemplates templates, MailFacts facts, Organizers organizers, Attendees attendees) {
        this.templates = templates;
        this.facts = facts;
        this.organizers = organizers;
        this.attendees = attendees;
    }

    Composed compose(Queued mail) throws NotComposable {
        String to = facts.addressOf(mail.attendeeId()).orElseThrow(() -> new NotComposable("no address"));
        return new Composed(to, content(mail));
    }

    /**
     * The subject line of the mail as it reads (or would read) when rendered now, for the attendee's copy of their
     * data; empty while something it needs is not known.
     */
    public Optional<String> subjectLine(Queued mail) {
        try {
            return Optional.of(content(mail).subject());
        } catch (NotComposable e) {
            return Optional.empty();
        }
    }

    private MailTemplates.Rendered content(Queued mail) throws NotComposable {
        Organizers.KnownConference conference = organizers.conference(mail.conferenceId())
                .orElseThrow(() -> new NotComposable("conference " + mail.conferenceId() + " not known"));
        ZoneId zone = conference.zone();
        Map<String, Object> model = new HashMap<>();
        model.put("conference", conference.name());
        model.put("zone", zone.getId());
        model.put("attendee", attendees.find(mail.conferenceId(), mail.attendeeId())
                .map(Attendees.KnownAttendee::name).orElse("there"));
        if (mail.deadline() != null) {
            model.put("deadline", at(mail.deadline(), zone));
        }
        switch (mail.kind()) {
            case REGISTRATION_CONFIRMED -> { }
            case DINNER_SEAT_HELD, DINNER_SEAT_PROMOTED, DINNER_TICKET_CONFIRMED, DINNER_HOLD_EXPIRED -> {
                MailFacts.Dinner dinner = known(facts.dinner(mail.subjectId()), "dinner", mail);
                model.put("dinner", dinner.name());
                model.put("dinnerStartsAt", at(dinner.startsAt(), zone));
            }
            case SHIFT_REMINDER -> {
                MailFacts.Shift shift = known(facts.shift(mail.subjectId()), "shift", mail);
                model.put("shift", shift.title());
                model.put("shiftLocation", shift.location());
                model.put("shiftStartsAt", at(shift.startsAt(), zone));
                model.put("shiftEndsAt", at(shift.endsAt(), zone));
            }
            case SPRINT_REMOVED -> model.put("sprint", known(facts.sprint(mail.subjectId()), "sprint", mail).project());
        }
        return templates.render(mail.kind(), model);
    }

    static String at(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }

    private static <T> T known(Optional<T> fact, String what, Queued mail) throws NotComposable {
        return fact.orElseThrow(() -> new NotComposable(what + " " + mail.subjectId() + " not known"));
    }
}
