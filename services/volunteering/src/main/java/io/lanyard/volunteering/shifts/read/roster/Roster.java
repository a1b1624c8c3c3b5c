package io.lanyard.volunteering.shifts.read.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.lanyard.platform.operations.ReadModelTables;

import io.lanyard.volunteering.shifts.write.Attendance;
import io.lanyard.volunteering.shifts.write.AttendanceRecorded;
import io.lanyard.volunteering.shifts.write.ShiftScheduled;
import io.lanyard.volunteering.shifts.write.VolunteerSignedUp;
import io.lanyard.volunteering.shifts.write.VolunteerWithdrew;

/**
 * Shifts and their volunteers as the board, a volunteer's page and their calendar show them, written in the
 * command's transaction. Times come back in the offset the organizer used.
 */
@Component
@ProcessingGroup("roster-view")
@ReadModelTables({"shift_view", "shift_volunteer_view"})
class Roster {

    record BoardEntry(UUID id, String title, String task, String location, OffsetDateTime startsAt,
                      OffsetDateTime endsAt, int capacity, int signedUp, int free) {
    }

    /** {@code id} as the board names a shift, {@code shiftId} as the events and registration's itinerary do. */
    record VolunteerShift(UUID id, UUID shiftId, String title, String task, String location, OffsetDateTime startsAt,
                          OffsetDateTime endsAt, Attendance attendance, double hoursWorked) {
    }

    private final JdbcClient jdbc;

    Roster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ShiftScheduled event) {
        jdbc.sql("""
                        insert into shift_view (shift_id, conference_id, title, task, location, starts_at, ends_at,
                                                utc_offset, capacity, signed_up)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(event.shiftId(), event.conferenceId(), event.title(), event.task(), event.location(),
                        Timestamp.from(event.startsAt()), Timestamp.from(event.endsAt()), event.offset().getId(),
                        event.capacity())
                .update();
    }

    @EventHandler
    void on(VolunteerSignedUp event) {
        jdbc.sql("""
                        insert into shift_volunteer_view (shift_id, attendee_id, conference_id, hours_worked)
                        values (?, ?, ?, 0)""")
                .params(event.shiftId(), event.attendeeId(), event.conferenceId())
                .update();
        jdbc.sql("update shift_view set signed_up = signed_up + 1 where shift_id = ?").param(event.shiftId()).update();
    }

    @EventHandler
    void on(VolunteerWithdrew event) {
        jdbc.sql("delete from shift_volunteer_view where shift_id = ? and attendee_id = ?")
                .params(event.shiftId(), event.attendeeId())
                .update();
        jdbc.sql("update shift_view set signed_up = signed_up - 1 where shift_id = ?").param(event.shiftId()).update();
    }

    @EventHandler
    void on(AttendanceRecorded event) {
        jdbc.sql("""
                        update shift_volunteer_view set attendance = ?, hours_worked = ?
                        where shift_id = ? and attendee_id = ?""")
                .params(event.status().name(), event.hoursWorked(), event.shiftId(), event.attendeeId())
                .update();
    }

    List<BoardEntry> board(UUID conferenceId) {
        return jdbc.sql("select * from shift_view where conference_id = ? order by starts_at, title, shift_id")
                .param(conferenceId)
                .query((rs, n) -> new BoardEntry(rs.getObject("shift_id", UUID.class), rs.getString("title"),
                        rs.getString("task"), rs.getString("location"), time(rs, "starts_at"), time(rs, "ends_at"),
                        rs.getInt("capacity"), rs.getInt("signed_up"), rs.getInt("capacity") - rs.getInt("signed_up")))
                .list();
    }

    List<VolunteerShift> shiftsOf(UUID conferenceId, UUID attendeeId) {
        return jdbc.sql("""
                        select s.*, v.attendance, v.hours_worked
                        from shift_volunteer_view v join shift_view s on s.shift_id = v.shift_id
                        where v.conference_id = ? and v.attendee_id = ?
                        order by s.starts_at, s.shift_id""")
                .params(conferenceId, attendeeId)
                .query((rs, n) -> {
                    UUID shiftId = rs.getObject("shift_id", UUID.class);
                    String attendance = rs.getString("attendance");
                    return new VolunteerShift(shiftId, shiftId, rs.getString("title"), rs.getString("task"),
                            rs.getString("location"), time(rs, "starts_at"), time(rs, "ends_at"),
                            attendance == null ? null : Attendance.valueOf(attendance), rs.getDouble("hours_worked"));
                })
                .list();
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant().atOffset(ZoneOffset.of(rs.getString("utc_offset")));
    }
}
