package io.lanyard.sprints.sprint.read.board;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.lanyard.platform.operations.ReadModelTables;
import io.lanyard.sprints.sprint.write.AnnouncedSprints;
import io.lanyard.sprints.sprint.write.AttendanceRecorded;
import io.lanyard.sprints.sprint.write.ParticipantLeft;
import io.lanyard.sprints.sprint.write.ParticipantLeftDays;
import io.lanyard.sprints.sprint.write.ParticipantSignedUp;
import io.lanyard.sprints.sprint.write.SprintAnnounced;

/** Sprints, their days and participants as the sprint board and the leaders see them, written in the command's transaction. */
@Component
@ProcessingGroup("sprint-view")
@ReadModelTables({"sprint_view", "sprint_day_view", "sprint_participant_view", "sprint_participant_day_view"})
class SprintView implements AnnouncedSprints, JoinedSprints {

    record SprintDetails(UUID id, UUID conferenceId, String project, String description, UUID leaderAttendeeId,
                         int capacity, Map<LocalDate, Integer> participantsPerDay) {

        List<LocalDate> days() {
            return List.copyOf(participantsPerDay.keySet());
        }
    }

    record Participation(UUID attendeeId, List<LocalDate> days, List<LocalDate> attendedDays) {
    }

    /** One attendee's place in a sprint, with the sprint it is in. */
    record JoinedSprint(UUID sprintId, String project, List<LocalDate> days, List<LocalDate> attendedDays) {
    }

    private record JoinedDay(UUID sprintId, String project, LocalDate day, boolean attended) {
    }

    private record SprintRow(UUID id, UUID conferenceId, String project, String description, UUID leaderAttendeeId,
                             int capacity) {
    }

    private record DayCount(UUID sprintId, LocalDate day, int participants) {
    }

    private record ParticipantDay(UUID attendeeId, LocalDate day, boolean attended) {
    }

    private final JdbcClient jdbc;

    SprintView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SprintAnnounced event) {
        jdbc.sql("""
                        insert into sprint_view (sprint_id, conference_id, project, description, leader_attendee_id,
                                                 capacity, announced_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(event.sprintId(), event.conferenceId(), event.project(), event.description(),
                        event.leaderAttendeeId(), event.seatsPerDay(), Timestamp.from(event.announcedAt()))
                .update();
        for (LocalDate day : event.days()) {
            jdbc.sql("insert into sprint_day_view (sprint_id, day) values (?, ?)")
                    .params(event.sprintId(), day).update();
        }
    }

    @EventHandler
    void on(ParticipantSignedUp event) {
        jdbc.sql("insert into sprint_participant_view (sprint_id, attendee_id, signed_up_at) values (?, ?, ?)")
                .params(event.sprintId(), event.attendeeId(), Timestamp.from(event.signedUpAt()))
                .update();
        for (LocalDate day : event.days()) {
            jdbc.sql("""
                            insert into sprint_participant_day_view (sprint_id, attendee_id, day, attended)
                            values (?, ?, ?, false)""")
                    .params(event.sprintId(), event.attendeeId(), day).update();
        }
    }

    @EventHandler
    void on(ParticipantLeft event) {
        jdbc.sql("delete from sprint_participant_view where sprint_id = ? and attendee_id = ?")
                .params(event.sprintId(), event.attendeeId()).update();
    }

    @EventHandler
    void on(ParticipantLeftDays event) {
        for (LocalDate day : event.days()) {
            jdbc.sql("delete from sprint_participant_day_view where sprint_id = ? and attendee_id = ? and day = ?")
                    .params(event.sprintId(), event.attendeeId(), day).update();
        }
    }

    @EventHandler
    void on(AttendanceRecorded event) {
        jdbc.sql("""
                        update sprint_participant_day_view set attended = true
                        where sprint_id = ? and attendee_id = ? and day = ?""")
                .params(event.sprintId(), event.attendeeId(), event.day()).update();
    }

    Optional<SprintDetails> find(UUID conferenceId, UUID sprintId) {
        Optional<SprintRow> sprint = jdbc.sql("select * from sprint_view where sprint_id = ? and conference_id = ?")
                .params(sprintId, conferenceId)
                .query((rs, n) -> new SprintRow(rs.getObject("sprint_id", UUID.class),
                        rs.getObject("conference_id", UUID.class), rs.getString("project"),
                        rs.getString("description"), rs.getObject("leader_attendee_id", UUID.class),
                        rs.getInt("capacity")))
                .optional();
        return sprint.map(s -> withDays(s, dayCounts("d.sprint_id = ?", sprintId)));
    }

    @Override
    public Optional<AnnouncedSprint> announced(UUID conferenceId, UUID sprintId) {
        return jdbc.sql("""
                        select sprint_id, conference_id, leader_attendee_id from sprint_view
                        where sprint_id = ? and conference_id = ?""")
                .params(sprintId, conferenceId)
                .query((rs, n) -> new AnnouncedSprint(rs.getObject("sprint_id", UUID.class),
                        rs.getObject("conference_id", UUID.class), rs.getObject("leader_attendee_id", UUID.class)))
                .optional();
    }

    List<SprintDetails> list(UUID conferenceId) {
        List<SprintRow> sprints = jdbc.sql("""
                        select * from sprint_view where conference_id = ? order by announced_at, sprint_id""")
                .param(conferenceId)
                .query((rs, n) -> new SprintRow(rs.getObject("sprint_id", UUID.class),
                        rs.getObject("conference_id", UUID.class), rs.getString("project"),
                        rs.getString("description"), rs.getObject("leader_attendee_id", UUID.class),
                        rs.getInt("capacity")))
                .list();
        List<DayCount> counts = dayCounts("s.conference_id = ?", conferenceId);
        return sprints.stream().map(s -> withDays(s, counts)).toList();
    }

    List<Participation> participants(UUID sprintId) {
        return participations("""
                select p.attendee_id, d.day, d.attended
                from sprint_participant_view p join sprint_participant_day_view d using (sprint_id, attendee_id)
                where p.sprint_id = ?
                order by p.signed_up_at, p.attendee_id, d.day""", sprintId);
    }

    Optional<Participation> participant(UUID sprintId, UUID attendeeId) {
        return participations("""
                select attendee_id, day, attended from sprint_participant_day_view
                where sprint_id = ? and attendee_id = ? order by day""", sprintId, attendeeId)
                .stream().findFirst();
    }

    @Override
    public List<UUID> sprintsJoinedBy(UUID conferenceId, UUID attendeeId) {
        return jdbc.sql("""
                        select p.sprint_id from sprint_participant_view p join sprint_view s using (sprint_id)
                        where p.attendee_id = ? and s.conference_id = ?
                        order by p.sprint_id""")
                .params(attendeeId, conferenceId)
                .query(UUID.class)
                .list();
    }

    /** The sprints of the conference the attendee takes part in, in the board's order, with their days. */
    List<JoinedSprint> joinedBy(UUID conferenceId, UUID attendeeId) {
        List<JoinedDay> rows = jdbc.sql("""
                        select s.sprint_id, s.project, d.day, coalesce(d.attended, false) as attended
                        from sprint_participant_view p
                        join sprint_view s using (sprint_id)
                        left join sprint_participant_day_view d using (sprint_id, attendee_id)
                        where p.attendee_id = ? and s.conference_id = ?
                        order by s.announced_at, s.sprint_id, d.day""")
                .params(attendeeId, conferenceId)
                .query((rs, n) -> new JoinedDay(rs.getObject("sprint_id", UUID.class), rs.getString("project"),
                        rs.getObject("day", LocalDate.class), rs.getBoolean("attended")))
                .list();
        Map<UUID, List<JoinedDay>> bySprint = new LinkedHashMap<>();
        rows.forEach(row -> bySprint.computeIfAbsent(row.sprintId(), s -> new ArrayList<>()).add(row));
        return bySprint.values().stream()
                .map(days -> new JoinedSprint(days.getFirst().sprintId(), days.getFirst().project(),
                        days.stream().map(JoinedDay::day).filter(Objects::nonNull).toList(),
                        days.stream().filter(JoinedDay::attended).map(JoinedDay::day).toList()))
                .toList();
    }

    /** The sprints of the conference the attendee leads. */
    List<SprintDetails> ledBy(UUID conferenceId, UUID attendeeId) {
        return list(conferenceId).stream().filter(s -> attendeeId.equals(s.leaderAttendeeId())).toList();
    }

    private List<DayCount> dayCounts(String condition, UUID id) {
        return jdbc.sql("""
                        select d.sprint_id, d.day, count(p.attendee_id) as participants
                        from sprint_day_view d
                        join sprint_view s on s.sprint_id = d.sprint_id
                        left join sprint_participant_day_view p on p.sprint_id = d.sprint_id and p.day = d.day
                        where %s
                        group by d.sprint_id, d.day""".formatted(condition))
                .param(id)
                .query((rs, n) -> new DayCount(rs.getObject("sprint_id", UUID.class),
                        rs.getObject("day", LocalDate.class), rs.getInt("participants")))
                .list();
    }

    private static SprintDetails withDays(SprintRow sprint, List<DayCount> counts) {
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        counts.stream().filter(c -> c.sprintId().equals(sprint.id()))
                .forEach(c -> perDay.put(c.day(), c.participants()));
        return new SprintDetails(sprint.id(), sprint.conferenceId(), sprint.project(), sprint.description(),
                sprint.leaderAttendeeId(), sprint.capacity(), perDay);
    }

    private List<Participation> participations(String sql, Object... params) {
        List<ParticipantDay> rows = jdbc.sql(sql).params(params)
                .query((rs, n) -> new ParticipantDay(rs.getObject("attendee_id", UUID.class),
                        rs.getObject("day", LocalDate.class), rs.getBoolean("attended")))
                .list();
        Map<UUID, List<ParticipantDay>> byAttendee = new LinkedHashMap<>();
        rows.forEach(row -> byAttendee.computeIfAbsent(row.attendeeId(), a -> new ArrayList<>()).add(row));
        return byAttendee.entrySet().stream()
                .map(e -> new Participation(e.getKey(),
                        e.getValue().stream().map(ParticipantDay::day).sorted().toList(),
                        e.getValue().stream().filter(ParticipantDay::attended).map(ParticipantDay::day).sorted()
                                .toList()))
                .toList();
    }
}
