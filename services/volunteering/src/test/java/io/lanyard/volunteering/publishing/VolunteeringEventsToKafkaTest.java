package io.lanyard.volunteering.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.lanyard.kernel.events.volunteering.ShiftAttendanceRecorded;
import io.lanyard.platform.axon.TraceHeaders;
import io.lanyard.testsupport.ServiceTest;
import io.lanyard.volunteering.PublishedEvents;
import io.lanyard.volunteering.shifts.write.Attendance;
import io.lanyard.volunteering.shifts.write.AttendanceRecorded;
import io.lanyard.volunteering.shifts.write.ShiftScheduled;
import io.lanyard.volunteering.shifts.write.VolunteerSignedUp;
import io.lanyard.volunteering.shifts.write.VolunteerWithdrew;

/**
 * Given a shift's domain events, as its aggregate would have stored them, the integration events on
 * {@code lanyard.volunteering.v1}: one per domain event, in their order, with the domain event's id and time and the
 * trace of the command behind it.
 */
@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class VolunteeringEventsToKafkaTest {

    private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Instant STARTS = Instant.parse("2027-05-13T11:30:00Z");
    private static final Instant ENDS = Instant.parse("2027-05-13T13:30:00Z");

    @Autowired
    EventStore eventStore;

    @Test
    void a_shifts_life_reaches_lanyard_volunteering_v1_in_order() {
        UUID conference = UUID.randomUUID();
        UUID shift = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        List<DomainEventMessage<?>> given = List.of(
                stored(shift, 0, "2027-05-01T09:00:00.123Z", new ShiftScheduled(shift, conference,
                        "Bag stuffing, table 4", "bag-stuffing", "Hall B", STARTS, ENDS, IST, 12, "olivia")),
                stored(shift, 1, "2027-05-02T10:00:00.456Z", new VolunteerSignedUp(shift, conference, alice, "alice")),
                stored(shift, 2, "2027-05-02T10:05:00Z", new VolunteerSignedUp(shift, conference, bob, "olivia")),
                stored(shift, 3, "2027-05-03T08:00:00.789Z", new VolunteerWithdrew(shift, conference, bob, "bob",
                        VolunteerWithdrew.Reason.ON_REQUEST)),
                stored(shift, 4, "2027-05-13T14:00:00Z", new AttendanceRecorded(shift, conference, alice,
                        Attendance.PRESENT, 2.0, "olivia")));
        eventStore.publish(given);

        List<PublishedEvents.Published> published = PublishedEvents.recordsFor(conference, 5);

        assertThat(published).extracting(p -> p.event().getClass().getSimpleName()).containsExactly(
                "ShiftScheduled", "VolunteerSignedUp", "VolunteerSignedUp", "VolunteerWithdrew",
                "ShiftAttendanceRecorded");
        assertThat(published.stream().map(PublishedEvents.Published::event).toList()).containsExactly(
                new io.lanyard.kernel.events.volunteering.ShiftScheduled(idOf(given.get(0)), conference,
                        given.get(0).getTimestamp(), shift, "Bag stuffing, table 4", "bag-stuffing", "Hall B",
                        OffsetDateTime.of(2027, 5, 13, 17, 0, 0, 0, IST),
                        OffsetDateTime.of(2027, 5, 13, 19, 0, 0, 0, IST), 12),
                new io.lanyard.kernel.events.volunteering.VolunteerSignedUp(idOf(given.get(1)), conference,
                        given.get(1).getTimestamp(), shift, alice),
                new io.lanyard.kernel.events.volunteering.VolunteerSignedUp(idOf(given.get(2)), conference,
                        given.get(2).getTimestamp(), shift, bob),
                new io.lanyard.kernel.events.volunteering.VolunteerWithdrew(idOf(given.get(3)), conference,
                        given.get(3).getTimestamp(), shift, bob),
                new ShiftAttendanceRecorded(idOf(given.get(4)), conference, given.get(4).getTimestamp(), shift, alice,
                        "PRESENT", 2.0));
        assertThat(published).extracting(PublishedEvents.Published::traceparent)
                .allSatisfy(trace -> assertThat(trace).startsWith("00-" + TRACE_ID + "-"));
    }

    /** A domain event as the shift's aggregate stores it: its own id, its time, the command's trace. */
    private static DomainEventMessage<?> stored(UUID shift, long sequence, String at, Object payload) {
        return new GenericDomainEventMessage<>("Shift", shift.toString(), sequence, payload,
                Map.of(TraceHeaders.TRACEPARENT, "00-" + TRACE_ID + "-00f067aa0ba902b7-01"),
                UUID.randomUUID().toString(), Instant.parse(at));
    }

    private static UUID idOf(DomainEventMessage<?> event) {
        return UUID.fromString(event.getIdentifier());
    }
}
