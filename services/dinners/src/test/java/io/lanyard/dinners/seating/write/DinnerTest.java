package io.lanyard.dinners.seating.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lanyard.dinners.DinnersProperties;
import io.lanyard.dinners.seating.HoldExpiry;
import io.lanyard.dinners.seating.write.DinnerMessages.CancelTicket;
import io.lanyard.dinners.seating.write.DinnerMessages.PayForTicket;
import io.lanyard.dinners.seating.write.DinnerMessages.RequestTicket;
import io.lanyard.dinners.seating.write.DinnerMessages.ScheduleDinner;
import io.lanyard.dinners.seating.write.DinnerMessages.TicketDecision;
import io.lanyard.dinners.seating.write.DinnerMessages.WithdrawCancelledAttendee;

class DinnerTest {

    private static final UUID DINNER = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID CONFERENCE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final String NAME = "Speakers' dinner";
    private static final Instant T0 = Instant.parse("2027-05-01T19:00:00Z");
    private static final OffsetDateTime STARTS_AT =
            OffsetDateTime.ofInstant(T0.plus(Duration.ofDays(10)), ZoneOffset.ofHours(-7));
    private static final Duration HOLD = Duration.ofMinutes(15);
    private static final Duration CUTOFF = Duration.ofHours(48);
    private static final Instant AFTER_CUTOFF = STARTS_AT.toInstant().minus(Duration.ofHours(47));
    private static final Instant START = STARTS_AT.toInstant();
    /** Late enough that a hold taken now runs past the start. */
    private static final Instant NEAR_START = START.minus(Duration.ofMinutes(10));
    private static final String OWNER = "alice";
    private static final String ORGANIZER = "olivia";

    private static final UUID T1 = ticket(1);
    private static final UUID T2 = ticket(2);
    private static final UUID T3 = ticket(3);
    private static final UUID T4 = ticket(4);
    private static final UUID A1 = attendee(1);
    private static final UUID A2 = attendee(2);
    private static final UUID A3 = attendee(3);
    private static final UUID A4 = attendee(4);

    private AggregateTestFixture<Dinner> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** Deadline handlers read the time from an injected clock; here it is the fixture's own. */
    private static AggregateTestFixture<Dinner> fixture() {
        AggregateTestFixture<Dinner> fixture = new AggregateTestFixture<>(Dinner.class);
        fixture.registerInjectableResource(new DinnersProperties(HOLD, CUTOFF));
        fixture.registerInjectableResource(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return fixture.currentTime();
            }
        });
        return fixture;
    }

    @Test
    void an_organizer_schedules_a_dinner() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleDinner(DINNER, CONFERENCE, NAME, "Portland Art Museum", STARTS_AT, 2, 6500, "USD",
                        ORGANIZER))
                .expectEvents(scheduled(2));
    }

    @Test
    void a_free_seat_is_held_until_the_hold_expires() {
        fixture.givenCurrentTime(T0)
                .andGiven(scheduled(2))
                .when(request(T1, A1, List.of("vegetarian"), "key-1"))
                .expectEvents(new TicketHeld(DINNER, CONFERENCE, T1, A1, List.of("vegetarian"), T0, T0.plus(HOLD),
                        NAME, STARTS_AT, OWNER, "key-1"))
                .expectResultMessagePayload(new TicketDecision(T1, TicketStatus.HELD, T0.plus(HOLD)))
                .expectScheduledDeadline(T0.plus(HOLD), new HoldExpiry(T1));
    }

    @Test
    void holds_count_against_the_seats_so_a_full_dinner_waitlists_the_request() {
        fixture.givenCurrentTime(T0)
                .andGiven(scheduled(2), held(T1, A1, T0), held(T2, A2, T0), confirmed(T2))
                .when(request(T3, A3))
                .expectEvents(waitlisted(T3, A3, T0))
                .expectResultMessagePayload(new TicketDecision(T3, TicketStatus.WAITLISTED, null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void an_attendee_with_a_held_ticket_may_not_ask_again() {
        fixture.given(scheduled(2), held(T1, A1, T0))
                .when(request(T2, A1))
                .expectException(AlreadyHasTicketException.class)
                .expectNoEvents();
    }

    @Test
    void an_attendee_on_the_waiting_list_may_not_ask_again() {
        fixture.given(scheduled(1), held(T1, A1, T0), waitlisted(T2, A2, T0))
                .when(request(T3, A2))
                .expectException(AlreadyHasTicketException.class);
    }

    @Test
    void an_attendee_with_a_confirmed_ticket_may_not_ask_again() {
        fixture.given(scheduled(2), held(T1, A1, T0), confirmed(T1))
                .when(request(T2, A1))
                .expectException(AlreadyHasTicketException.class);
    }

    @Test
    void an_attendee_whose_ticket_expired_may_ask_again() {
        fixture.givenCurrentTime(T0)
                .andGiven(scheduled(1), held(T1, A1, T0), expired(T1, A1, T0.plus(HOLD)))
                .when(request(T2, A1))
                .expectEvents(held(T2, A1, T0));
    }

    @Test
    void paying_for_a_held_ticket_confirms_it() {
        fixture.given(scheduled(1), held(T1, A1, T0))
                .when(new PayForTicket(DINNER, T1, "pay-1", T0.plusSeconds(60)))
                .expectEvents(new TicketConfirmed(DINNER, CONFERENCE, T1, A1, "pay-1", T0.plusSeconds(60)))
                .expectResultMessagePayload(TicketStatus.CONFIRMED);
    }

    @Test
    void paying_after_the_hold_expired_is_refused() {
        fixture.given(scheduled(1), held(T1, A1, T0), expired(T1, A1, T0.plus(HOLD)))
                .when(new PayForTicket(DINNER, T1, "pay-1", T0.plus(HOLD).plusSeconds(1)))
                .expectException(HoldExpiredException.class)
                .expectNoEvents();
    }

    @Test
    void paying_past_the_hold_time_is_refused_even_before_the_deadline_fired() {
        fixture.given(scheduled(1), held(T1, A1, T0))
                .when(new PayForTicket(DINNER, T1, "pay-1", T0.plus(HOLD)))
                .expectException(HoldExpiredException.class)
                .expectNoEvents();
    }

    @Test
    void a_repeated_payment_callback_is_answered_without_a_second_confirmation() {
        fixture.given(scheduled(1), held(T1, A1, T0), confirmed(T1))
                .when(new PayForTicket(DINNER, T1, "pay-" + T1, T0.plusSeconds(90)))
                .expectNoEvents()
                .expectResultMessagePayload(TicketStatus.CONFIRMED);
    }

    @Test
    void a_second_payment_with_another_reference_is_refused() {
        fixture.given(scheduled(1), held(T1, A1, T0), confirmed(T1))
                .when(new PayForTicket(DINNER, T1, "another", T0.plusSeconds(90)))
                .expectException(AlreadyPaidException.class);
    }

    @Test
    void a_waitlisted_ticket_cannot_be_paid_for() {
        fixture.given(scheduled(1), held(T1, A1, T0), waitlisted(T2, A2, T0))
                .when(new PayForTicket(DINNER, T2, "pay-2", T0))
                .expectException(TicketNotHeldException.class);
    }

    @Test
    void a_cancelled_ticket_cannot_be_paid_for() {
        fixture.given(scheduled(1), held(T1, A1, T0),
                        cancelled(T1, A1, TicketStatus.HELD, CancellationReason.BY_ATTENDEE, OWNER, T0))
                .when(new PayForTicket(DINNER, T1, "pay-1", T0))
                .expectException(TicketCancelledException.class);
    }

    @Test
    void an_unknown_ticket_is_not_found() {
        fixture.given(scheduled(1))
                .when(new PayForTicket(DINNER, T1, "pay-1", T0))
                .expectException(UnknownTicketException.class);
    }

    @Test
    void an_unpaid_hold_expires_through_its_deadline_and_the_seat_goes_to_the_first_waitlisted_request() {
        fixture.givenCurrentTime(T0)
                .andGiven(scheduled(1))
                .andGivenCommands(request(T1, A1), request(T2, A2), request(T3, A3))
                .whenTimeElapses(HOLD)
                .expectTriggeredDeadlines(new HoldExpiry(T1))
                .expectEvents(expired(T1, A1, T0.plus(HOLD)), promoted(T2, A2, T0.plus(HOLD)))
                .expectScheduledDeadline(T0.plus(HOLD).plus(HOLD), new HoldExpiry(T2));
    }

    @Test
    void a_promoted_request_gets_a_fresh_hold_that_expires_in_turn() {
        Instant firstExpiry = T0.plus(HOLD);
        Instant secondExpiry = firstExpiry.plus(HOLD);
        fixture.givenCurrentTime(T0)
                .andGiven(scheduled(1))
                .andGivenCommands(request(T1, A1), request(T2, A2), request(T3, A3))
                .whenTimeElapses(HOLD.multipliedBy(2))
                .expectTriggeredDeadlines(new HoldExpiry(T1), new HoldExpiry(T2))
                .expectEvents(expired(T1, A1, firstExpiry), promoted(T2, A2, firstExpiry),
                        expired(T2, A2, secondExpiry), promoted(T3, A3, secondExpiry));
    }

    @Test
    void a_paid_hold_is_left_alone_by_its_deadline() {
        fixture.givenCurrentTime(T0)
                .andGiven(scheduled(1))
                .andGivenCommands(request(T1, A1), request(T2, A2),
                        new PayForTicket(DINNER, T1, "pay-1", T0.plusSeconds(30)))
                .whenTimeElapses(HOLD)
                .expectTriggeredDeadlines(new HoldExpiry(T1))
                .expectNoEvents();
    }

    @Test
    void the_waiting_list_is_served_in_arrival_order() {
        fixture.givenCurrentTime(T0)
                .andGiven(scheduled(1), held(T1, A1, T0), waitlisted(T2, A2, T0), waitlisted(T3, A3, T0))
                .when(new CancelTicket(DINNER, T1, OWNER, false, T0))
                .expectEvents(cancelled(T1, A1, TicketStatus.HELD, CancellationReason.BY_ATTENDEE, OWNER, T0),
                        promoted(T2, A2, T0))
                .expectScheduledDeadline(T0.plus(HOLD), new HoldExpiry(T2));
    }

    @Test
    void an_owner_may_cancel_until_the_cutoff() {
        Instant justBefore = STARTS_AT.toInstant().minus(CUTOFF).minusSeconds(1);
        fixture.given(scheduled(1), held(T1, A1, T0), confirmed(T1))
                .when(new CancelTicket(DINNER, T1, OWNER, false, justBefore))
                .expectEvents(cancelled(T1, A1, TicketStatus.CONFIRMED, CancellationReason.BY_ATTENDEE, OWNER,
                        justBefore));
    }

    @Test
    void an_owner_may_not_cancel_after_the_cutoff() {
        fixture.given(scheduled(1), held(T1, A1, T0), confirmed(T1))
                .when(new CancelTicket(DINNER, T1, OWNER, false, AFTER_CUTOFF))
                .expectException(CancellationClosedException.class)
                .expectNoEvents();
    }

    @Test
    void an_organizer_may_cancel_after_the_cutoff() {
        fixture.given(scheduled(1), held(T1, A1, T0), confirmed(T1))
                .when(new CancelTicket(DINNER, T1, ORGANIZER, true, AFTER_CUTOFF))
                .expectEvents(cancelled(T1, A1, TicketStatus.CONFIRMED, CancellationReason.BY_ORGANIZER, ORGANIZER,
                        AFTER_CUTOFF));
    }

    @Test
    void cancelling_a_confirmed_ticket_marks_a_refund_due_and_promotes_the_next_request() {
        fixture.givenCurrentTime(T0)
                .andGiven(scheduled(1), held(T1, A1, T0), confirmed(T1), waitlisted(T2, A2, T0))
                .when(new CancelTicket(DINNER, T1, OWNER, false, T0))
                .expectEvents(new TicketCancelled(DINNER, CONFERENCE, T1, A1, TicketStatus.CONFIRMED, true,
                        CancellationReason.BY_ATTENDEE, OWNER, T0), promoted(T2, A2, T0));
    }

    @Test
    void cancelling_a_held_ticket_owes_no_refund() {
        fixture.given(scheduled(1), held(T1, A1, T0))
                .when(new CancelTicket(DINNER, T1, OWNER, false, T0))
                .expectEvents(new TicketCancelled(DINNER, CONFERENCE, T1, A1, TicketStatus.HELD, false,
                        CancellationReason.BY_ATTENDEE, OWNER, T0));
    }

    @Test
    void leaving_the_waiting_list_frees_no_seat() {
        fixture.given(scheduled(1), held(T1, A1, T0), waitlisted(T2, A2, T0), waitlisted(T3, A3, T0))
                .when(new CancelTicket(DINNER, T2, OWNER, false, T0))
                .expectEvents(cancelled(T2, A2, TicketStatus.WAITLISTED, CancellationReason.BY_ATTENDEE, OWNER, T0))
                .expectNoScheduledDeadlines();
    }

    @Test
    void cancelling_a_ticket_that_is_no_longer_live_changes_nothing() {
        fixture.given(scheduled(1), held(T1, A1, T0), expired(T1, A1, T0.plus(HOLD)))
                .when(new CancelTicket(DINNER, T1, OWNER, false, AFTER_CUTOFF))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_cancelled_registration_withdraws_the_attendees_ticket_and_its_seat_goes_down_the_list() {
        fixture.givenCurrentTime(T0)
                .andGiven(scheduled(1), held(T1, A1, T0), confirmed(T1), waitlisted(T2, A2, T0))
                .when(new WithdrawCancelledAttendee(DINNER, A1, AFTER_CUTOFF, true))
                .expectEvents(new TicketCancelled(DINNER, CONFERENCE, T1, A1, TicketStatus.CONFIRMED, true,
                                CancellationReason.REGISTRATION_CANCELLED, "registration", AFTER_CUTOFF),
                        promoted(T2, A2, AFTER_CUTOFF));
    }

    @Test
    void a_cancelled_registration_without_a_ticket_changes_nothing() {
        fixture.given(scheduled(1), held(T1, A1, T0))
                .when(new WithdrawCancelledAttendee(DINNER, A2, T0, true))
                .expectNoEvents();
    }

    @Test
    void an_owners_cancelled_registration_after_the_cutoff_frees_the_seat_without_a_refund() {
        fixture.given(scheduled(1), held(T1, A1, T0), confirmed(T1), waitlisted(T2, A2, T0))
                .when(new WithdrawCancelledAttendee(DINNER, A1, AFTER_CUTOFF, false))
                .expectEvents(new TicketCancelled(DINNER, CONFERENCE, T1, A1, TicketStatus.CONFIRMED, false,
                                CancellationReason.REGISTRATION_CANCELLED, "registration", AFTER_CUTOFF),
                        promoted(T2, A2, AFTER_CUTOFF))
                .expectScheduledDeadline(AFTER_CUTOFF.plus(HOLD), new HoldExpiry(T2));
    }

    @Test
    void an_owners_cancelled_registration_before_the_cutoff_refunds_a_paid_ticket() {
        Instant justBefore = START.minus(CUTOFF).minusSeconds(1);
        fixture.given(scheduled(1), held(T1, A1, T0), confirmed(T1), waitlisted(T2, A2, T0))
                .when(new WithdrawCancelledAttendee(DINNER, A1, justBefore, false))
                .expectEvents(new TicketCancelled(DINNER, CONFERENCE, T1, A1, TicketStatus.CONFIRMED, true,
                                CancellationReason.REGISTRATION_CANCELLED, "registration", justBefore),
                        promoted(T2, A2, justBefore));
    }

    @Test
    void an_organizers_cancelled_registration_leaves_a_dinner_that_has_begun_as_it_is() {
        fixture.given(scheduled(1), held(T1, A1, T0), confirmed(T1), waitlisted(T2, A2, T0))
                .when(new WithdrawCancelledAttendee(DINNER, A1, START, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void an_owners_cancelled_registration_leaves_a_dinner_that_has_begun_as_it_is() {
        fixture.given(scheduled(1), held(T1, A1, NEAR_START), waitlisted(T2, A2, NEAR_START))
                .when(new WithdrawCancelledAttendee(DINNER, A1, START.plusSeconds(3600), false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void scheduling_a_dinner_sets_a_deadline_at_its_start() {
        fixture.givenNoPriorActivity()
                .when(schedule(2))
                .expectEvents(scheduled(2))
                .expectScheduledDeadline(START, new DinnerStart(DINNER));
    }

    @Test
    void no_ticket_is_requested_once_the_dinner_has_started() {
        fixture.given(scheduled(2))
                .when(new RequestTicket(DINNER, CONFERENCE, T1, A1, List.of(), OWNER, null, START))
                .expectException(DinnerStartedException.class)
                .expectNoEvents();
    }

    @Test
    void a_hold_cannot_be_paid_for_once_the_dinner_has_started() {
        fixture.given(scheduled(1), held(T1, A1, NEAR_START))
                .when(new PayForTicket(DINNER, T1, "pay-1", START))
                .expectException(DinnerStartedException.class)
                .expectNoEvents();
    }

    @Test
    void a_repeated_payment_callback_is_still_answered_after_the_start() {
        fixture.given(scheduled(1), held(T1, A1, NEAR_START), confirmed(T1))
                .when(new PayForTicket(DINNER, T1, "pay-" + T1, START.plusSeconds(60)))
                .expectNoEvents()
                .expectResultMessagePayload(TicketStatus.CONFIRMED);
    }

    @Test
    void a_seat_freed_after_the_start_goes_to_nobody() {
        Instant afterStart = START.plusSeconds(60);
        fixture.givenCurrentTime(afterStart)
                .andGiven(scheduled(1), held(T1, A1, NEAR_START), waitlisted(T2, A2, NEAR_START))
                .when(new CancelTicket(DINNER, T1, ORGANIZER, true, afterStart))
                .expectEvents(cancelled(T1, A1, TicketStatus.HELD, CancellationReason.BY_ORGANIZER, ORGANIZER,
                        afterStart))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_hold_that_runs_out_after_the_start_promotes_nobody() {
        fixture.givenCurrentTime(NEAR_START)
                .andGiven(scheduled(1))
                .andGivenCommands(request(T1, A1, NEAR_START), request(T2, A2, NEAR_START))
                .whenTimeAdvancesTo(NEAR_START.plus(HOLD))
                .expectTriggeredDeadlines(new HoldExpiry(T1))
                .expectEvents(expired(T1, A1, NEAR_START.plus(HOLD)));
    }

    @Test
    void holds_and_the_waiting_list_left_at_the_start_expire_there_and_paid_tickets_stay() {
        fixture.givenCurrentTime(NEAR_START)
                .andGivenCommands(schedule(2), request(T1, A1, NEAR_START),
                        new PayForTicket(DINNER, T1, "pay-1", NEAR_START), request(T2, A2, NEAR_START),
                        request(T3, A3, NEAR_START), request(T4, A4, NEAR_START))
                .whenTimeAdvancesTo(START)
                .expectTriggeredDeadlines(new DinnerStart(DINNER))
                .expectEvents(expired(T2, A2, START),
                        new TicketExpired(DINNER, CONFERENCE, T3, A3, START, TicketStatus.WAITLISTED),
                        new TicketExpired(DINNER, CONFERENCE, T4, A4, START, TicketStatus.WAITLISTED));
    }

    @Test
    void a_hold_whose_dinner_started_first_is_left_to_the_start_by_its_own_deadline() {
        fixture.givenCurrentTime(NEAR_START)
                .andGivenCommands(schedule(1), request(T1, A1, NEAR_START), request(T2, A2, NEAR_START))
                .whenTimeAdvancesTo(NEAR_START.plus(HOLD))
                .expectTriggeredDeadlines(new DinnerStart(DINNER), new HoldExpiry(T1))
                .expectEvents(expired(T1, A1, START),
                        new TicketExpired(DINNER, CONFERENCE, T2, A2, START, TicketStatus.WAITLISTED));
    }

    @Test
    void an_expiry_stored_before_dinners_expired_tickets_at_their_start_was_a_holds() {
        Serializer serializer = Jackson3Serializer.builder().build();
        String stored = "{\"dinnerId\":\"" + DINNER + "\",\"conferenceId\":\"" + CONFERENCE + "\",\"ticketId\":\""
                + T1 + "\",\"attendeeId\":\"" + A1 + "\",\"expiredAt\":\"" + T0.plus(HOLD) + "\"}";
        TicketExpired expired = serializer.deserialize(new SimpleSerializedObject<>(
                stored.getBytes(StandardCharsets.UTF_8), byte[].class, TicketExpired.class.getName(), null));
        assertThat(expired).isEqualTo(expired(T1, A1, T0.plus(HOLD)));
    }

    @Test
    void a_dinner_loaded_from_a_jackson_snapshot_keeps_its_seats_tickets_and_waiting_list() {
        Dinner dinner = new Dinner();
        dinner.on(scheduled(2));
        dinner.on(held(T1, A1, T0));
        dinner.on(confirmed(T1));
        dinner.on(held(T2, A2, T0));
        dinner.on(waitlisted(T3, A3, T0));
        dinner.on(waitlisted(T4, A4, T0));
        Serializer serializer = Jackson3Serializer.builder().build();
        SerializedObject<byte[]> snapshot = serializer.serialize(dinner, byte[].class);
        Dinner restored = serializer.deserialize(snapshot);
        assertThat(new String(serializer.serialize(restored, byte[].class).getData()))
                .isEqualTo(new String(snapshot.getData()));

        fixture.givenState(() -> restored)
                .andGivenCurrentTime(T0)
                .when(new CancelTicket(DINNER, T1, ORGANIZER, true, T0))
                .expectEvents(new TicketCancelled(DINNER, CONFERENCE, T1, A1, TicketStatus.CONFIRMED, true,
                        CancellationReason.BY_ORGANIZER, ORGANIZER, T0), promoted(T3, A3, T0));
        fixture().givenState(() -> serializer.deserialize(snapshot))
                .when(request(ticket(9), A4))
                .expectException(AlreadyHasTicketException.class);
    }

    private static DinnerScheduled scheduled(int seats) {
        return new DinnerScheduled(DINNER, CONFERENCE, NAME, "Portland Art Museum", STARTS_AT, seats, 6500, "USD",
                ORGANIZER);
    }

    private static ScheduleDinner schedule(int seats) {
        return new ScheduleDinner(DINNER, CONFERENCE, NAME, "Portland Art Museum", STARTS_AT, seats, 6500, "USD",
                ORGANIZER);
    }

    private static RequestTicket request(UUID ticket, UUID attendee) {
        return request(ticket, attendee, T0);
    }

    private static RequestTicket request(UUID ticket, UUID attendee, Instant at) {
        return new RequestTicket(DINNER, CONFERENCE, ticket, attendee, List.of(), OWNER, null, at);
    }

    private static RequestTicket request(UUID ticket, UUID attendee, List<String> dietary, String key) {
        return new RequestTicket(DINNER, CONFERENCE, ticket, attendee, dietary, OWNER, key, T0);
    }

    private static TicketHeld held(UUID ticket, UUID attendee, Instant at) {
        return new TicketHeld(DINNER, CONFERENCE, ticket, attendee, List.of(), at, at.plus(HOLD), NAME, STARTS_AT,
                OWNER, null);
    }

    private static TicketWaitlisted waitlisted(UUID ticket, UUID attendee, Instant at) {
        return new TicketWaitlisted(DINNER, CONFERENCE, ticket, attendee, List.of(), at, NAME, STARTS_AT, OWNER,
                null);
    }

    private static TicketConfirmed confirmed(UUID ticket) {
        return new TicketConfirmed(DINNER, CONFERENCE, ticket, attendeeOf(ticket), "pay-" + ticket,
                T0.plusSeconds(60));
    }

    private static TicketPromoted promoted(UUID ticket, UUID attendee, Instant at) {
        return new TicketPromoted(DINNER, CONFERENCE, ticket, attendee, at, at.plus(HOLD));
    }

    private static TicketExpired expired(UUID ticket, UUID attendee, Instant at) {
        return new TicketExpired(DINNER, CONFERENCE, ticket, attendee, at, TicketStatus.HELD);
    }

    private static TicketCancelled cancelled(UUID ticket, UUID attendee, TicketStatus previous,
                                             CancellationReason reason, String by, Instant at) {
        return new TicketCancelled(DINNER, CONFERENCE, ticket, attendee, previous,
                previous == TicketStatus.CONFIRMED, reason, by, at);
    }

    private static UUID ticket(int n) {
        return UUID.fromString("00000000-0000-0000-0000-00000000071" + n);
    }

    private static UUID attendee(int n) {
        return UUID.fromString("00000000-0000-0000-0000-0000000000a" + n);
    }

    /** Tickets and attendees are numbered alike in these tests. */
    private static UUID attendeeOf(UUID ticket) {
        return attendee(Integer.parseInt(ticket.toString().substring(35)));
    }
}
