package io.lanyard.volunteering.shifts.automation.whenattendeeerased;

import java.util.Optional;
import java.util.UUID;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.registration.AttendeeErased;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.volunteering.shifts.write.ErasedVolunteers;

/**
 * When registration erases an attendee, keeps the id of their person's schedule before the directory replica
 * forgets the {@code sub} it is named after: this reaction is ordered first among the subscribers, so in the one
 * inbox transaction it reads the known attendee before the replica scrubs it and destroys their key. Nothing else
 * here needs scrubbing: the roster's tables hold ids, times and hours, and the events' subjects are sealed under
 * the destroyed key. A second erasure finds the subject gone and the schedule kept, and changes nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErasedVolunteerSchedules implements IntegrationEventSubscriber, ErasedVolunteers {

    private final Attendees attendees;
    private final JdbcClient jdbc;

    ErasedVolunteerSchedules(Attendees attendees, JdbcClient jdbc) {
        this.attendees = attendees;
        this.jdbc = jdbc;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.project(AttendeeErased.class, this::erased);
    }

    private void erased(AttendeeErased event) {
        attendees.find(event.conferenceId(), event.attendeeId())
                .filter(attendee -> !PersonalFields.isErased(attendee.subject()))
                .ifPresent(attendee -> jdbc.sql("""
                                insert into erased_volunteer (attendee_id, schedule_id) values (?, ?)
                                on conflict (attendee_id) do nothing""")
                        .params(event.attendeeId(),
                                ErasedVolunteers.scheduleNamedBy(event.conferenceId(), attendee.subject()))
                        .update());
    }

    @Override
    public Optional<UUID> scheduleOf(UUID attendeeId) {
        return jdbc.sql("select schedule_id from erased_volunteer where attendee_id = ?")
                .param(attendeeId)
                .query(UUID.class)
                .optional();
    }
}
