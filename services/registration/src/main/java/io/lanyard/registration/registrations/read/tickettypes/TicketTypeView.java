package io.lanyard.registration.registrations.read.tickettypes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.lanyard.platform.operations.ReadModelTables;
import io.lanyard.registration.registrations.write.QuotaSegmentOpened;
import io.lanyard.registration.registrations.write.SeatReleased;
import io.lanyard.registration.registrations.write.SeatSold;
import io.lanyard.registration.registrations.write.SeatsOnSale;
import io.lanyard.registration.registrations.write.TicketTypeCreated;

/**
 * Ticket types and the seats each quota segment has sold. Counts are kept per segment so that parallel sales
 * never queue on one counter row; a ticket type's figures are the sums.
 */
@Component
@ProcessingGroup("ticket-type-view")
@ReadModelTables({"ticket_type_view", "quota_segment_view"})
class TicketTypeView implements SeatsOnSale {

    record TicketTypeSummary(UUID id, UUID conferenceId, String name, long priceCents, String currency,
                                    int quota, int sold, int available) {
    }

    private final JdbcClient jdbc;

    TicketTypeView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TicketTypeCreated event) {
        jdbc.sql("""
                        insert into ticket_type_view (ticket_type_id, conference_id, name, price_cents, currency, quota)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(event.ticketTypeId(), event.conferenceId(), event.name(), event.priceCents(),
                        event.currency(), event.quota())
                .update();
    }

    @EventHandler
    void on(QuotaSegmentOpened event) {
        jdbc.sql("insert into quota_segment_view (segment_id, ticket_type_id, allotment, sold) values (?, ?, ?, 0)")
                .params(event.segmentId(), event.ticketTypeId(), event.allotment())
                .update();
    }

    @EventHandler
    void on(SeatSold event) {
        jdbc.sql("update quota_segment_view set sold = sold + 1 where segment_id = ?").param(event.segmentId()).update();
    }

    @EventHandler
    void on(SeatReleased event) {
        jdbc.sql("update quota_segment_view set sold = sold - 1 where segment_id = ?").param(event.segmentId()).update();
    }

    Optional<TicketTypeSummary> find(UUID conferenceId, UUID ticketTypeId) {
        return jdbc.sql("""
                        select t.*, coalesce((select sum(s.sold) from quota_segment_view s
                                              where s.ticket_type_id = t.ticket_type_id), 0) as sold
                        from ticket_type_view t where t.ticket_type_id = ? and t.conference_id = ?""")
                .params(ticketTypeId, conferenceId)
                .query((rs, n) -> new TicketTypeSummary(rs.getObject("ticket_type_id", UUID.class),
                        rs.getObject("conference_id", UUID.class), rs.getString("name"), rs.getLong("price_cents"),
                        rs.getString("currency"), rs.getInt("quota"), rs.getInt("sold"),
                        rs.getInt("quota") - rs.getInt("sold")))
                .optional();
    }

    @Override
    public boolean ticketTypeExists(UUID conferenceId, UUID ticketTypeId) {
        return find(conferenceId, ticketTypeId).isPresent();
    }

    @Override
    public List<UUID> segmentsWithSeats(UUID ticketTypeId) {
        return jdbc.sql("select segment_id from quota_segment_view where ticket_type_id = ? and sold < allotment")
                .param(ticketTypeId)
                .query(UUID.class)
                .list();
    }
}
