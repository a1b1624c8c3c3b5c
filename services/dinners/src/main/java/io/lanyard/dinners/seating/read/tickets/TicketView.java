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
import io.lanyard.dinners.seating.write.DietaryCount;
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
import io.lanyard.platform.operations.ReadModelTables;
import io.lanyard.platform.personaldata.PersonalDataKeys;
import io.lanyard.platform.personaldata.PersonalFields;
import io.lanyard.platform.problems.RefusedInTransaction;

/**
 * Tickets as attendees and organizers see them, with their dietary requirements and the first answer to each
 * request made under an Idempotency-Key (with its body's digest), all written in the command's transaction. The
 * unique indexes are the safety nets behind the aggregate: one live ticket per attendee, one answer per key.
 * <p>
 * An erased attendee's requirements and payment reference read as {@code (erased)}, here as in their shredded
 * events, so a replay after an erasure rebuilds what the erasure left: the same tickets, the same number of
 * requirements, none of their text, and no remembered answer under their subject.
 */
@Component
@ProcessingGroup("ticket-view")
@ReadModelTables({"dinner_ticket", "dinner_ticket_dietary", "ticket_request_key"})
public class TicketView implements RequestedTickets {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TicketDetails(UUID id, UUID dinnerId, UUID attendeeId, TicketStatus status, Instant holdExpiresAt,
                         List<String> dietaryRequirements, Integer waitlistPosition, boolean refundDue) {
    }

    record Guest(UUID ticketId, UUID attendeeId, String name, List<String> dietaryRequirements) {
    }

    /** One of the attendee's tickets, with everything dinners holds about it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PersonalTicket(UUID id, UUID dinnerId, String dinnerName, String dinnerStartsAt, TicketStatus status,
                          List<String> dietaryRequirements, Instant requestedAt, Instant holdExpiresAt,
                          String paymentReference, boolean refundDue) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataKeys keys;

    TicketView(JdbcClient jdbc, PersonalDataKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @EventHandler
    void on(TicketHeld event, @SequenceNumber Long sequence) {
        boolean erased = isErased(event.attendeeId());
        requested(event.ticketId(), event.dinnerId(), event.conferenceId(), event.attendeeId(), TicketStatus.HELD,
                event.holdExpiresAt(), event.requestedAt(), sequence,
                requirements(erased, event.dietaryRequirements(), event.dietaryRequirementCount()));
        if (!erased) {
            rememberAnswer(event.dinnerId(), event.requestedBy(), event.idempotencyKey(), event.ticketId(),
                    TicketStatus.HELD, event.holdExpiresAt(),
                    TicketRequestDigest.of(event.attendeeId(), event.dietaryRequirements()));
        }
    }

    @EventHandler
    void on(TicketWaitlisted event, @SequenceNumber Long sequence) {
        boolean erased = isErased(event.attendeeId());
        requested(event.ticketId(), event.dinnerId(), event.conferenceId(), event.attendeeId(),
                TicketStatus.WAITLISTED, null, event.requestedAt(), sequence,
                requirements(erased, event.dietaryRequirements(), event.dietaryRequirementCount()));
        if (!erased) {
            rememberAnswer(event.dinnerId(), event.requestedBy(), event.idempotencyKey(), event.ticketId(),
                    TicketStatus.WAITLISTED, null,
                    TicketRequestDigest.of(event.attendeeId(), event.dietaryRequirements()));
        }
    }

    @EventHandler
    void on(TicketPromoted event) {
        jdbc.sql("update dinner_ticket set status = 'HELD', hold_expires_at = ? where ticket_id = ?")
                .params(Timestamp.from(event.holdExpiresAt()), event.ticketId())
                .update();
    }

    @EventHandler
    void on(TicketConfirmed event) {
        jdbc.sql("update dinner_ticket set status = 'CONFIRMED', payment_reference = ? where ticket_id = ?")
                .params(isErased(event.attendeeId()) ? PersonalFields.ERASED : event.paymentReference(),
                        event.ticketId())
                .update();
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

    /**
     * Whether the attendee was erased. An event that names them afterwards (an organizer asking a seat for them)
     * is stored with placeholders, as their key is gone; the view stores the same, not what the command carried.
     */
    private boolean isErased(UUID attendeeId) {
        return keys.isErased(attendeeId.toString());
    }

    private static List<String> requirements(boolean erased, List<String> stored, int count) {
        return DietaryCount.orPlaceholders(erased ? List.of() : stored, count);
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

    /**
     * A shredded request's subject is nobody's (no caller is ever {@code (erased)}), so nobody can retry it, and
     * two of them under one key must not meet as one caller: it is not remembered.
     */
    private void rememberAnswer(UUID dinnerId, String subject, String key, UUID ticketId, TicketStatus status,
                                Instant holdExpiresAt, String bodyDigest) {
        if (key == null || PersonalFields.isErased(subject)) {
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

    /**
     * Forgets what the attendee's tickets say of them, in the inbox transaction of {@code registration.attendee-erased}:
     * their requirements and payment reference read {@code (erased)} (one placeholder per requirement, so the
     * guest list counts as many), and the answers remembered under their subject go with the digest of their
     * request. The tickets stay, with their status, so every seat count stays. Erasing again changes nothing.
     */
    public void erase(UUID attendeeId) {
        jdbc.sql("""
                        update dinner_ticket_dietary set requirement = ?
                        where ticket_id in (select ticket_id from dinner_ticket where attendee_id = ?)""")
                .params(PersonalFields.ERASED, attendeeId)
                .update();
        jdbc.sql("""
                        update dinner_ticket set payment_reference = ?
                        where attendee_id = ? and payment_reference is not null""")
                .params(PersonalFields.ERASED, attendeeId)
                .update();
        jdbc.sql("""
                        delete from ticket_request_key
                        where ticket_id in (select ticket_id from dinner_ticket where attendee_id = ?)""")
                .param(attendeeId)
                .update();
    }

    /** Every ticket of the attendee at the conference, as their copy of what dinners holds about them. */
    List<PersonalTicket> ticketsOf(UUID conferenceId, UUID attendeeId) {
        return jdbc.sql("""
                        select t.*, v.name as dinner_name, v.starts_at_local,
                               array(select d.requirement from dinner_ticket_dietary d
                                     where d.ticket_id = t.ticket_id order by d.position) as dietary
                        from dinner_ticket t left join dinner_view v on v.dinner_id = t.dinner_id
                        where t.attendee_id = ? and t.conference_id = ?
                        order by t.requested_at, t.ticket_id""")
                .params(attendeeId, conferenceId)
                .query((rs, n) -> new PersonalTicket(rs.getObject("ticket_id", UUID.class),
                        rs.getObject("dinner_id", UUID.class), rs.getString("dinner_name"),
                        rs.getString("starts_at_local"), TicketStatus.valueOf(rs.getString("status")),
                        strings(rs.getArray("dietary")), instant(rs, "requested_at"), instant(rs, "hold_expires_at"),
                        rs.getString("payment_reference"), rs.getBoolean("refund_due")))
                .list();
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

    /**
     * The dinners of a conference where the attendee holds, waits for or has bought a seat, by id: withdrawals of two
     * attendees applied side by side lock their dinners in one order, so neither waits for the other's lock.
     */
    public List<UUID> dinnersWithLiveTickets(UUID conferenceId, UUID attendeeId) {
        return jdbc.sql("""
                        select distinct dinner_id from dinner_ticket
                        where attendee_id = ? and conference_id = ? and status in ('HELD', 'WAITLISTED', 'CONFIRMED')
                        order by dinner_id""")
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
