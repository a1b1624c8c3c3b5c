package io.lanyard.dinners.seating.read.tickets;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lanyard.dinners.seating.write.AlreadyHasTicketException;
import io.lanyard.dinners.seating.write.DinnerMessages.TicketDecision;
import io.lanyard.dinners.seating.write.RepeatedRequestException;
import io.lanyard.dinners.seating.write.RequestedTickets;
import io.lanyard.dinners.seating.write.TicketRequestDigest;
import io.lanyard.dinners.seating.write.TicketCancelled;
import io.lanyard.dinners.seating.write.TicketConfirmed;
import io.lanyard.dinners.seating.write.TicketExpired;
import io.lanyard.dinners.seating.write.TicketHeld;
import io.lanyard.dinners.seating.write.TicketPromoted;
import io.lanyard.dinners.seating.write.TicketStatus;
import io.lanyard.dinners.seating.write.TicketWaitlisted;
import io.lanyard.platform.problems.RefusedInTransaction;

/**
 * Tickets as attendees and organizers see them, with their dietary requirements and the first answer to each
 * request made under an Idempotency-Key (with its body's digest), all written in the command's transaction. The
 * unique indexes are the safety nets behind the aggregate: one live ticket per attendee, one answer per key.
 */
@Component
@ProcessingGroup("ticket-view")
public class TicketView implements RequestedTickets {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TicketDetails(UUID id, UUID dinnerId, UUID attendeeId, TicketStatus status, Instant holdExpiresAt,
                         List<String> dietaryRequirements, Integer waitlistPosition, boolean refundDue) {
    }

    record Guest(UUID ticketId, UUID attendeeId, String name, List<String> dietaryRequirements) {
    }

    private final JdbcClient jdbc;

    TicketView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TicketHeld event, @SequenceNumber Long sequence) {
        requested(event.ticketId(), event.dinnerId(), event.conferenceId(), event.attendeeId(), TicketStatus.HELD,
                event.holdExpiresAt(), event.requestedAt(), sequence, event.dietaryRequirements());
        rememberAnswer(event.dinnerId(), event.requestedBy(), event.idempotencyKey(), event.ticketId(),
                TicketStatus.HELD, event.holdExpiresAt(),
                TicketRequestDigest.of(event.attendeeId(), event.dietaryRequirements()));
    }

    @EventHandler
    void on(TicketWaitlisted event, @SequenceNumber Long sequence) {
        requested(event.ticketId(), event.dinnerId(), event.conferenceId(), event.attendeeId(),
                TicketStatus.WAITLISTED, null, event.requestedAt(), sequence, event.dietaryRequirements());
        rememberAnswer(event.dinnerId(), event.requestedBy(), event.idempotencyKey(), event.ticketId(),
                TicketStatus.WAITLISTED, null, TicketRequestDigest.of(event.attendeeId(), event.dietaryRequirements()));
    }

    @EventHandler
    void on(TicketPromoted event) {
        jdbc.sql("update dinner_ticket set status = 'HELD', hold_expires_at = ? where ticket_id = ?")
                .params(Timestamp.from(event.holdExpiresAt()), event.ticketId())
                .update();
    }

    @EventHandler
    void on(TicketConfirmed event) {
        status(event.ticketId(), TicketStatus.CONFIRMED);
    }

    @EventHandler
    void on(TicketExpired event) {
        status(event.ticketId(), TicketStatus.EXPIRED);
    }

    @EventHandler
    void on(TicketCancelled event) {
        jdbc.sql("update dinner_ticket set status = 'CANCELLED', refund_due = ? where ticket_id = ?")
                .params(event.refundDue(), event.ticketId())
                .update();
    }

    private void requested(UUID ticketId, UUID dinnerId, UUID conferenceId, UUID attendeeId, TicketStatus status,
                           Instant holdExpiresAt, Instant requestedAt, long sequence, List<String> dietary) {
        try {
            jdbc.sql("""
                            insert into dinner_ticket (ticket_id, dinner_id, conference_id, attendee_id, status,
                                                       hold_expires_at, requested_at, request_sequence)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(ticketId, dinnerId, conferenceId, attendeeId, status.name(),
                            holdExpiresAt == null ? null : Timestamp.from(holdExpiresAt), Timestamp.from(requestedAt),
                            sequence)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RefusedInTransaction(new AlreadyHasTicketException());
        }
        for (int i = 0; i < dietary.size(); i++) {
            jdbc.sql("insert into dinner_ticket_dietary (ticket_id, position, requirement) values (?, ?, ?)")
                    .params(ticketId, i, dietary.get(i))
                    .update();
        }
    }

    private void rememberAnswer(UUID dinnerId, String subject, String key, UUID ticketId, TicketStatus status,
                                Instant holdExpiresAt, String bodyDigest) {
        if (key == null) {
            return;
        }
        try {
            jdbc.sql("""
                            insert into ticket_request_key (dinner_id, subject, idempotency_key, ticket_id, status,
                                                            hold_expires_at, body_sha256)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(dinnerId, subject, key, ticketId, status.name(),
                            holdExpiresAt == null ? null : Timestamp.from(holdExpiresAt), bodyDigest)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RepeatedRequestException(key);
        }
    }

    private void status(UUID ticketId, TicketStatus status) {
        jdbc.sql("update dinner_ticket set status = ? where ticket_id = ?").params(status.name(), ticketId).update();
    }

    Optional<TicketDetails> find(UUID conferenceId, UUID dinnerId, UUID ticketId) {
        return jdbc.sql("""
                        select t.*,
                               array(select d.requirement from dinner_ticket_dietary d
                                     where d.ticket_id = t.ticket_id order by d.position) as dietary,
                               case when t.status = 'WAITLISTED' then
                                   (select count(*)::integer from dinner_ticket w
                                    where w.dinner_id = t.dinner_id and w.status = 'WAITLISTED'
                                      and w.request_sequence <= t.request_sequence)
                               end as waitlist_position
                        from dinner_ticket t
                        where t.ticket_id = ? and t.dinner_id = ? and t.conference_id = ?""")
                .params(ticketId, dinnerId, conferenceId)
                .query((rs, n) -> new TicketDetails(rs.getObject("ticket_id", UUID.class),
                        rs.getObject("dinner_id", UUID.class), rs.getObject("attendee_id", UUID.class),
                        TicketStatus.valueOf(rs.getString("status")), instant(rs, "hold_expires_at"),
                        strings(rs.getArray("dietary")), rs.getObject("waitlist_position", Integer.class),
                        rs.getBoolean("refund_due")))
                .optional();
    }

    @Override
    public Optional<UUID> attendeeOf(UUID conferenceId, UUID dinnerId, UUID ticketId) {
        return jdbc.sql("""
                        select attendee_id from dinner_ticket
                        where ticket_id = ? and dinner_id = ? and conference_id = ?""")
                .params(ticketId, dinnerId, conferenceId)
                .query(UUID.class)
                .optional();
    }

    @Override
    public Optional<FirstAnswer> firstAnswer(UUID dinnerId, String subject, String key) {
        return jdbc.sql("select * from ticket_request_key where dinner_id = ? and subject = ? and idempotency_key = ?")
                .params(dinnerId, subject, key)
                .query((rs, n) -> new FirstAnswer(new TicketDecision(rs.getObject("ticket_id", UUID.class),
                        TicketStatus.valueOf(rs.getString("status")), instant(rs, "hold_expires_at")),
                        rs.getString("body_sha256")))
                .optional();
    }

    /** Paid-for tickets, the people who will sit at the table. */
    List<Guest> guests(UUID dinnerId) {
        return jdbc.sql("""
                        select t.ticket_id, t.attendee_id, a.name,
                               array(select d.requirement from dinner_ticket_dietary d
                                     where d.ticket_id = t.ticket_id order by d.position) as dietary
                        from dinner_ticket t left join known_attendee a on a.attendee_id = t.attendee_id
                        where t.dinner_id = ? and t.status = 'CONFIRMED'
                        order by a.name, t.ticket_id""")
                .param(dinnerId)
                .query((rs, n) -> new Guest(rs.getObject("ticket_id", UUID.class),
                        rs.getObject("attendee_id", UUID.class), rs.getString("name"),
                        strings(rs.getArray("dietary"))))
                .list();
    }

    /** The dinners of a conference where the attendee holds, waits for or has bought a seat. */
    public List<UUID> dinnersWithLiveTickets(UUID conferenceId, UUID attendeeId) {
        return jdbc.sql("""
                        select distinct dinner_id from dinner_ticket
                        where attendee_id = ? and conference_id = ? and status in ('HELD', 'WAITLISTED', 'CONFIRMED')""")
                .params(attendeeId, conferenceId)
                .query(UUID.class)
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
