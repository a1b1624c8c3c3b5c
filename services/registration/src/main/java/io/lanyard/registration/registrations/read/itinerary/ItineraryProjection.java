package io.lanyard.registration.registrations.read.itinerary;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.dinners.DinnerTicketCancelled;
import io.lanyard.kernel.events.dinners.DinnerTicketConfirmed;
import io.lanyard.kernel.events.dinners.DinnerTicketExpired;
import io.lanyard.kernel.events.dinners.DinnerTicketHeld;
import io.lanyard.kernel.events.dinners.DinnerTicketPromoted;
import io.lanyard.kernel.events.dinners.DinnerTicketWaitlisted;
import io.lanyard.kernel.events.sprints.SprintAnnounced;
import io.lanyard.kernel.events.sprints.SprintAttendanceRecorded;
import io.lanyard.kernel.events.sprints.SprintParticipantJoined;
import io.lanyard.kernel.events.sprints.SprintParticipantLeft;
import io.lanyard.kernel.events.sprints.SprintParticipantLeftDays;
import io.lanyard.kernel.events.volunteering.ShiftAttendanceRecorded;
import io.lanyard.kernel.events.volunteering.ShiftScheduled;
import io.lanyard.kernel.events.volunteering.VolunteerSignedUp;
import io.lanyard.kernel.events.volunteering.VolunteerWithdrew;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;

/** Builds each attendee's itinerary from what volunteering, dinners and sprints publish. */
@Component
class ItineraryProjection implements IntegrationEventSubscriber {

    private final JdbcClient jdbc;

    ItineraryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions
                .project(DinnerTicketHeld.class, e -> ticket(e.ticketId(), e.conferenceId(), e.attendeeId(), e.dinnerId(),
                        e.dinnerName(), e.dinnerStartsAt().toString(), "HELD", e.holdExpiresAt()))
                .project(DinnerTicketWaitlisted.class, e -> ticket(e.ticketId(), e.conferenceId(), e.attendeeId(),
                        e.dinnerId(), e.dinnerName(), e.dinnerStartsAt().toString(), "WAITLISTED", null))
                .project(DinnerTicketPromoted.class, e -> status(e.ticketId(), "HELD", e.holdExpiresAt()))
                .project(DinnerTicketConfirmed.class, e -> status(e.ticketId(), "CONFIRMED", null))
                .project(DinnerTicketExpired.class, e -> status(e.ticketId(), "EXPIRED", null))
                .project(DinnerTicketCancelled.class, e -> status(e.ticketId(), "CANCELLED", null))
                .project(ShiftScheduled.class, this::shift)
                .project(VolunteerSignedUp.class, e -> jdbc.sql("""
                                insert into itinerary_shift_signup (shift_id, attendee_id) values (?, ?)
                                on conflict (attendee_id, shift_id) do update set attendance = null""")
                        .params(e.shiftId(), e.attendeeId()).update())
                .project(VolunteerWithdrew.class, e -> jdbc.sql(
                                "delete from itinerary_shift_signup where shift_id = ? and attendee_id = ?")
                        .params(e.shiftId(), e.attendeeId()).update())
                .project(ShiftAttendanceRecorded.class, e -> jdbc.sql(
                                "update itinerary_shift_signup set attendance = ? where shift_id = ? and attendee_id = ?")
                        .params(e.status(), e.shiftId(), e.attendeeId()).update())
                .project(SprintAnnounced.class, e -> jdbc.sql("""
                                insert into itinerary_sprint (sprint_id, conference_id, project, days) values (?, ?, ?, ?)
                                on conflict (sprint_id) do update set project = excluded.project, days = excluded.days""")
                        .params(e.sprintId(), e.conferenceId(), e.project(), days(e.days())).update())
                .project(SprintParticipantJoined.class, e -> jdbc.sql("""
                                insert into itinerary_sprint_participant (sprint_id, attendee_id, days) values (?, ?, ?)
                                on conflict (attendee_id, sprint_id) do update set days = excluded.days""")
                        .params(e.sprintId(), e.attendeeId(), days(e.days())).update())
                .project(SprintParticipantLeft.class, e -> jdbc.sql(
                                "delete from itinerary_sprint_participant where sprint_id = ? and attendee_id = ?")
                        .params(e.sprintId(), e.attendeeId()).update())
                .project(SprintParticipantLeftDays.class, e -> jdbc.sql("""
                                update itinerary_sprint_participant
                                set days = array_to_string(array(
                                    select d from unnest(string_to_array(days, ',')) d where d <> all (?::text[])), ',')
                                where sprint_id = ? and attendee_id = ?""")
                        .params(e.days().stream().map(Object::toString).toArray(String[]::new), e.sprintId(),
                                e.attendeeId()).update())
                .project(SprintAttendanceRecorded.class, e -> jdbc.sql("""
                                update itinerary_sprint_participant
                                set attended_days = case when attended_days = '' then ? else attended_days || ',' || ? end
                                where sprint_id = ? and attendee_id = ? and position(? in attended_days) = 0""")
                        .params(e.day().toString(), e.day().toString(), e.sprintId(), e.attendeeId(), e.day().toString())
                        .update());
    }

    private void ticket(java.util.UUID ticketId, java.util.UUID conferenceId, java.util.UUID attendeeId,
                        java.util.UUID dinnerId, String dinnerName, String startsAt, String status, Instant holdExpiresAt) {
        jdbc.sql("""
                        insert into itinerary_dinner_ticket (ticket_id, conference_id, attendee_id, dinner_id, dinner_name,
                                                             dinner_starts_at, status, hold_expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (ticket_id) do update set status = excluded.status,
                                                              hold_expires_at = excluded.hold_expires_at""")
                .params(ticketId, conferenceId, attendeeId, dinnerId, dinnerName, startsAt, status, timestamp(holdExpiresAt))
                .update();
    }

    private void status(java.util.UUID ticketId, String status, Instant holdExpiresAt) {
        jdbc.sql("update itinerary_dinner_ticket set status = ?, hold_expires_at = ? where ticket_id = ?")
                .params(status, timestamp(holdExpiresAt), ticketId)
                .update();
    }

    private void shift(ShiftScheduled e) {
        jdbc.sql("""
                        insert into itinerary_shift (shift_id, conference_id, title, task, location, starts_at, ends_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (shift_id) do nothing""")
                .params(e.shiftId(), e.conferenceId(), e.title(), e.task(), e.location(), e.startsAt().toString(),
                        e.endsAt().toString())
                .update();
    }

    private static String days(List<LocalDate> days) {
        return days.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
