package io.lanyard.volunteering.shifts.read.roster;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A volunteer's shifts as an iCalendar feed. Times are written in UTC so that no VTIMEZONE is needed and every
 * client places them right; the UID is the shift's, so a re-import updates an event instead of duplicating it.
 */
@Component
class ShiftCalendar {

    static final String PRODUCT = "-//Lanyard//Volunteering//EN";

    String render(List<Roster.VolunteerShift> shifts, Instant stamp) {
        Calendar calendar = new Calendar()
                .withProdId(PRODUCT)
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .getFluentTarget();
        for (Roster.VolunteerShift shift : shifts) {
            VEvent event = new VEvent(false);
            event.add(new Uid(shift.shiftId() + "@volunteering.lanyard"));
            event.add(new DtStamp(stamp));
            event.add(new DtStart<>(shift.startsAt().toInstant()));
            event.add(new DtEnd<>(shift.endsAt().toInstant()));
            event.add(new Summary(shift.title()));
            event.add(new Location(shift.location()));
            event.add(new Description("Volunteer shift: " + shift.task()));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
