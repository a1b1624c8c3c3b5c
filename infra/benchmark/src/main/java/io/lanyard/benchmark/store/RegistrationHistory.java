package io.lanyard.benchmark.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import io.lanyard.registration.conference.write.ConferenceCreated;
import io.lanyard.registration.registrations.write.AttendeeRegistered;
import io.lanyard.registration.registrations.write.QuotaSegmentOpened;
import io.lanyard.registration.registrations.write.SeatSold;
import io.lanyard.registration.registrations.write.TicketTypeCreated;

/**
 * A registration service's history, generated: conference after conference of 3,300 attendees, each conference
 * with its ticket type split into eight quota segments, then for every attendee the {@code SeatSold} on a segment
 * and the {@code AttendeeRegistered} that opens the registration, in one unit of work as the service does it.
 * Events are serialized by the service's own serializer, sealing each person's data under a key of their own; ids come from a seeded generator so a history is
 * reproducible.
 */
final class RegistrationHistory {

    static final int ATTENDEES_PER_CONFERENCE = 3_300;
    static final int SEGMENTS = 8;

    /** What a bulk load writes besides events, to give the read models the same history. */
    interface Sink {
        void event(StoredEvent event) throws Exception;

        default void conference(ConferenceCreated created) throws Exception {
        }

        default void registered(AttendeeRegistered registered) throws Exception {
        }

        default void ticketTypeSold(TicketTypeCreated ticketType, List<UUID> segments, int[] allotments, int[] sold)
                throws Exception {
        }
    }

    private final StoredFormat format;
    private final Serializer serializer;
    private final Random random = new Random(20_270_514L);
    private final Instant start = Instant.now().minus(Duration.ofDays(60));
    private long globalIndex;
    private long conferenceNumber;
    private Conference current;

    private final class Conference {
        final UUID id = uuid();
        final UUID ticketType = uuid();
        final List<UUID> segments = new ArrayList<>();
        final int[] allotments = new int[SEGMENTS];
        final int[] sold = new int[SEGMENTS];
        final long number = conferenceNumber++;
        int registered;
        TicketTypeCreated created;
    }

    RegistrationHistory(StoredFormat format, Serializer serializer, long firstGlobalIndex) {
        this.format = format;
        this.serializer = serializer;
        this.globalIndex = firstGlobalIndex;
    }

    /** Emits exactly {@code events} more events, continuing where the last call stopped. */
    void emit(long events, Sink sink) throws Exception {
        long end = globalIndex + events;
        while (globalIndex < end) {
            if (current == null || current.registered == ATTENDEES_PER_CONFERENCE) {
                closeConference(sink);
                current = new Conference();
                openConference(sink, end);
                continue;
            }
            register(sink, end);
        }
    }

    /** Ends the conference in progress so the read models see its final counts. */
    void finish(Sink sink) throws Exception {
        closeConference(sink);
        current = null;
    }

    private void openConference(Sink sink, long end) throws Exception {
        Conference c = current;
        UUID command = uuid();
        ConferenceCreated created = new ConferenceCreated(c.id, "Bulk conference " + c.number,
                LocalDate.of(2027, 5, 14), LocalDate.of(2027, 5, 22), "America/Los_Angeles", "organizer-bulk");
        if (write(sink, end, c.id.toString(), 0, created, command)) {
            sink.conference(created);
        }
        for (int s = 0; s < SEGMENTS; s++) {
            c.segments.add(uuid());
            c.allotments[s] = ATTENDEES_PER_CONFERENCE / SEGMENTS + (s < ATTENDEES_PER_CONFERENCE % SEGMENTS ? 1 : 0);
        }
        command = uuid();
        c.created = new TicketTypeCreated(c.ticketType, c.id, "Conference ticket", 40_000, "USD",
                ATTENDEES_PER_CONFERENCE, List.copyOf(c.segments));
        write(sink, end, c.ticketType.toString(), 0, c.created, command);
        for (int s = 0; s < SEGMENTS; s++) {
            write(sink, end, c.segments.get(s).toString(), 0,
                    new QuotaSegmentOpened(c.segments.get(s), c.ticketType, c.id, c.allotments[s]), command);
        }
    }

    private void register(Sink sink, long end) throws Exception {
        Conference c = current;
        int n = c.registered++;
        int s = n % SEGMENTS;
        UUID segment = c.segments.get(s);
        UUID attendee = uuid();
        UUID command = uuid();
        String subject = "bulk-" + c.number + "-" + n;
        Instant at = timestamp();
        c.sold[s]++;
        write(sink, end, segment.toString(), c.sold[s], new SeatSold(segment, c.ticketType, attendee), command);
        AttendeeRegistered registered = new AttendeeRegistered(attendee, c.id, c.ticketType, segment, subject,
                "Bulk Attendee " + n, subject + "@example.org", at);
        if (write(sink, end, attendee.toString(), 0, registered, command)) {
            sink.registered(registered);
        }
    }

    private void closeConference(Sink sink) throws Exception {
        if (current != null && current.created != null) {
            sink.ticketTypeSold(current.created, current.segments, current.allotments, current.sold);
        }
    }

    private boolean write(Sink sink, long end, String aggregate, long sequence, Object payload, UUID command)
            throws Exception {
        if (globalIndex >= end) {
            return false;
        }
        SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
        sink.event(new StoredEvent(globalIndex++, aggregate, sequence,
                format.aggregateType(payload.getClass(), aggregateTypeOf(payload)), uuid().toString(),
                metaData(command), data.getData(), data.getType().getRevision(), data.getType().getName(),
                DateTimeUtils.formatInstant(timestamp())));
        return true;
    }

    private byte[] metaData(UUID command) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : format.metaDataKeys()) {
            values.put(key, command.toString());
        }
        return serializer.serialize(MetaData.from(values), byte[].class).getData();
    }

    private Instant timestamp() {
        return start.plusNanos(globalIndex * 200_000L);
    }

    private UUID uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL)
                | 0x8000000000000000L);
    }

    private static String aggregateTypeOf(Object payload) {
        return switch (payload) {
            case ConferenceCreated c -> "Conference";
            case TicketTypeCreated t -> "TicketType";
            case AttendeeRegistered a -> "Registration";
            default -> "QuotaSegment";
        };
    }
}
