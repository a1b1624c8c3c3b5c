package io.lanyard.dinners.seating.read.dinners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.lanyard.dinners.seating.write.DinnerScheduled;
import io.lanyard.dinners.seating.write.ScheduledDinners;
import io.lanyard.dinners.seating.write.TicketCancelled;
import io.lanyard.dinners.seating.write.TicketConfirmed;
import io.lanyard.dinners.seating.write.TicketExpired;
import io.lanyard.dinners.seating.write.TicketHeld;
import io.lanyard.dinners.seating.write.TicketPromoted;
import io.lanyard.dinners.seating.write.TicketWaitlisted;
import io.lanyard.platform.operations.ReadModelTables;

/**
 * Each dinner with its seat counts, written in the command's transaction. The row's check constraint repeats the
 * aggregate's {@code held + sold <= seats}: were the two ever to disagree, the command would fail rather than the
 * view show an oversold dinner.
 */
@Component
@ProcessingGroup("dinner-view")
@ReadModelTables("dinner_view")
class DinnerView implements ScheduledDinners {

    record DinnerSummary(UUID id, UUID conferenceId, String name, String venue, String startsAt, int seats,
                                long priceCents, String currency, int held, int sold, int available,
                                int waitlisted) {
    }

    private final JdbcClient jdbc;

    DinnerView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DinnerScheduled event) {
        jdbc.sql("""
                        insert into dinner_view (dinner_id, conference_id, name, venue, starts_at, starts_at_local,
                                                 seats, price_cents, currency)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.dinnerId(), event.conferenceId(), event.name(), event.venue(),
                        Timestamp.from(event.startsAt().toInstant()),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.startsAt()), event.seats(),
                        event.priceCents(), event.currency())
                .update();
    }

    @EventHandler
    void on(TicketHeld event) {
        count(event.dinnerId(), "held = held + 1");
    }

    @EventHandler
    void on(TicketWaitlisted event) {
        count(event.dinnerId(), "waitlisted = waitlisted + 1");
    }

    @EventHandler
    void on(TicketPromoted event) {
        count(event.dinnerId(), "waitlisted = waitlisted - 1, held = held + 1");
    }

    @EventHandler
    void on(TicketConfirmed event) {
        count(event.dinnerId(), "held = held - 1, sold = sold + 1");
    }

    @EventHandler
    void on(TicketExpired event) {
        switch (event.previousStatus()) {
            case HELD -> count(event.dinnerId(), "held = held - 1");
            case WAITLISTED -> count(event.dinnerId(), "waitlisted = waitlisted - 1");
            default -> throw new IllegalStateException("a " + event.previousStatus() + " ticket does not expire");
        }
    }

    @EventHandler
    void on(TicketCancelled event) {
        switch (event.previousStatus()) {
            case HELD -> count(event.dinnerId(), "held = held - 1");
            case CONFIRMED -> count(event.dinnerId(), "sold = sold - 1");
            case WAITLISTED -> count(event.dinnerId(), "waitlisted = waitlisted - 1");
            default -> throw new IllegalStateException("a " + event.previousStatus() + " ticket is not live");
        }
    }

    private void count(UUID dinnerId, String change) {
        jdbc.sql("update dinner_view set " + change + " where dinner_id = ?").param(dinnerId).update();
    }

    @Override
    public boolean exists(UUID conferenceId, UUID dinnerId) {
        return find(conferenceId, dinnerId).isPresent();
    }

    Optional<DinnerSummary> find(UUID conferenceId, UUID dinnerId) {
        return jdbc.sql("select * from dinner_view where dinner_id = ? and conference_id = ?")
                .params(dinnerId, conferenceId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    List<DinnerSummary> all(UUID conferenceId) {
        return jdbc.sql("select * from dinner_view where conference_id = ? order by starts_at, name, dinner_id")
                .param(conferenceId)
                .query((rs, n) -> map(rs))
                .list();
    }

    private static DinnerSummary map(ResultSet rs) throws SQLException {
        int seats = rs.getInt("seats");
        int held = rs.getInt("held");
        int sold = rs.getInt("sold");
        return new DinnerSummary(rs.getObject("dinner_id", UUID.class), rs.getObject("conference_id", UUID.class),
                rs.getString("name"), rs.getString("venue"), rs.getString("starts_at_local"), seats,
                rs.getLong("price_cents"), rs.getString("currency"), held, sold, seats - held - sold,
                rs.getInt("waitlisted"));
    }
}
