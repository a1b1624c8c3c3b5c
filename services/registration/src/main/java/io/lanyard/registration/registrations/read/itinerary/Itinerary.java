package io.lanyard.registration.registrations.read.itinerary;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads an attendee's itinerary: dinner tickets, volunteer shifts and sprint days, soonest first. Times are kept as
 * the ISO-8601 text the other services sent, each with its own offset, and ordered by the instant they name: as text,
 * {@code 2027-05-16T19:00-07:00} would come before {@code 2027-05-17T01:30Z}, half an hour earlier. Sprint days are
 * dates, where the text order is the order of the days.
 */
@Component
class Itinerary {

    record DinnerTicket(UUID ticketId, UUID dinnerId, String dinnerName, String startsAt, String status,
                        Instant holdExpiresAt) {
    }

    record Shift(UUID shiftId, String title, String task, String location, String startsAt, String endsAt,
                 String attendance) {
    }

    record SprintPlace(UUID sprintId, String project, List<String> days, List<String> attendedDays) {
    }

    record View(List<DinnerTicket> dinnerTickets, List<Shift> shifts, List<SprintPlace> sprints) {
    }

    private final JdbcClient jdbc;

    Itinerary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    View of(UUID conferenceId, UUID attendeeId) {
        List<DinnerTicket> dinners = jdbc.sql("""
                        select * from itinerary_dinner_ticket where conference_id = ? and attendee_id = ?
                        order by dinner_starts_at::timestamptz, ticket_id""")
                .params(conferenceId, attendeeId)
                .query((rs, n) -> new DinnerTicket(rs.getObject("ticket_id", UUID.class),
                        rs.getObject("dinner_id", UUID.class), rs.getString("dinner_name"),
                        rs.getString("dinner_starts_at"), rs.getString("status"),
                        rs.getTimestamp("hold_expires_at") == null ? null : rs.getTimestamp("hold_expires_at").toInstant()))
                .list();
        List<Shift> shifts = jdbc.sql("""
                        select s.*, u.attendance from itinerary_shift_signup u
                        join itinerary_shift s on s.shift_id = u.shift_id
                        where u.attendee_id = ? and s.conference_id = ?
                        order by s.starts_at::timestamptz, s.shift_id""")
                .params(attendeeId, conferenceId)
                .query((rs, n) -> new Shift(rs.getObject("shift_id", UUID.class), rs.getString("title"),
                        rs.getString("task"), rs.getString("location"), rs.getString("starts_at"),
                        rs.getString("ends_at"), rs.getString("attendance")))
                .list();
        List<SprintPlace> sprints = jdbc.sql("""
                        select s.sprint_id, s.project, p.days, p.attended_days from itinerary_sprint_participant p
                        join itinerary_sprint s on s.sprint_id = p.sprint_id
                        where p.attendee_id = ? and s.conference_id = ?
                        order by p.days, s.sprint_id""")
                .params(attendeeId, conferenceId)
                .query((rs, n) -> new SprintPlace(rs.getObject("sprint_id", UUID.class), rs.getString("project"),
                        split(rs.getString("days")), split(rs.getString("attended_days"))))
                .list();
        return new View(dinners, shifts, sprints);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
