package io.lanyard.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.RegistrationFeed;
import io.lanyard.testsupport.ServiceTestSupport;

/** What volunteering's HTTP tests share: shifts put on the board and volunteers signed up through the API. */
abstract class VolunteeringTestSupport extends ServiceTestSupport {

    static final ZoneOffset PDT = ZoneOffset.ofHours(-7);

    @Autowired
    JdbcClient jdbc;

    /** Events {@link #onlySnapshotRemains} took out of the store, to be put back when the test ends. */
    private final List<Map<String, Object>> deletedEvents = new ArrayList<>();

    /** A volunteer known to the service, with the token they call with. */
    record Volunteer(UUID id, String subject, String token) {
    }

    /**
     * A day of the test conference's week (it runs 2027-05-14 to 22 in Los Angeles) at {@code hour} o'clock Pacific
     * time: {@code evening(0, 18)} is the bag-stuffing evening before the first day. Shifts must fall within the
     * conference's dates; none has begun until a test moves the {@link io.lanyard.testsupport.MovableClock}.
     */
    static OffsetDateTime evening(int daysAfterTheThirteenth, int hour) {
        return OffsetDateTime.of(2027, 5, 13, hour, 0, 0, 0, PDT).plusDays(daysAfterTheThirteenth);
    }

    /** The service's time is {@code moment} from now on, until the test ends. */
    void clockAt(OffsetDateTime moment) {
        clockAt(moment.toInstant());
    }

    Volunteer volunteer(UUID conferenceId, String subject) {
        return new Volunteer(attendee(conferenceId, subject, subject), subject, token(subject));
    }

    /** Registers many volunteers at once and waits for them together. */
    List<Volunteer> volunteers(UUID conferenceId, String prefix, int count) {
        List<UUID> ids = registeredAttendees(conferenceId, prefix, count);
        List<Volunteer> volunteers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String subject = prefix + "-" + i;
            volunteers.add(new Volunteer(ids.get(i), subject, token(subject)));
        }
        return volunteers;
    }

    /** Registration cancels the volunteer, as {@code by}, at {@code at}; waits until this service has seen it. */
    void cancelled(UUID conferenceId, Volunteer volunteer, Instant at, AttendeeCancelled.Canceller by) {
        RegistrationFeed.publish(new AttendeeCancelled(UUID.randomUUID(), conferenceId, at, volunteer.id(),
                volunteer.subject(), by));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                attendees.find(conferenceId, volunteer.id()).map(a -> !a.active()).orElse(false));
    }

    /** The same person registers again: a new attendee id, the same {@code sub} and token. */
    Volunteer registeredAgain(UUID conferenceId, Volunteer volunteer) {
        return new Volunteer(attendee(conferenceId, volunteer.subject(), volunteer.subject()), volunteer.subject(),
                volunteer.token());
    }

    Map<String, Object> shiftBody(String title, OffsetDateTime startsAt, Duration length, int capacity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("task", "bag-stuffing");
        body.put("location", "Hall A");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plus(length).toString());
        body.put("capacity", capacity);
        return body;
    }

    UUID scheduleShift(String organizerToken, UUID conferenceId, String title, OffsetDateTime startsAt,
                       Duration length, int capacity) {
        Http.Response response = http().post("/conferences/" + conferenceId + "/shifts", organizerToken,
                shiftBody(title, startsAt, length, capacity));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    Http.Response signUp(String token, UUID conferenceId, UUID shiftId, UUID attendeeId) {
        return http().post("/conferences/" + conferenceId + "/shifts/" + shiftId + "/volunteers", token,
                Map.of("attendeeId", attendeeId.toString()));
    }

    Http.Response signUp(Volunteer volunteer, UUID conferenceId, UUID shiftId) {
        return signUp(volunteer.token(), conferenceId, shiftId, volunteer.id());
    }

    Http.Response recordAttendance(String organizerToken, UUID conferenceId, UUID shiftId, UUID attendeeId,
                                   String status) {
        return http().post("/conferences/" + conferenceId + "/shifts/" + shiftId + "/volunteers/" + attendeeId
                + "/attendance", organizerToken, Map.of("status", status));
    }

    Http.Response board(String token, UUID conferenceId) {
        return http().get("/conferences/" + conferenceId + "/shifts", token);
    }

    Http.Response page(String token, UUID conferenceId, UUID attendeeId) {
        return http().get("/conferences/" + conferenceId + "/volunteers/" + attendeeId, token);
    }

    /** The shift's entry on the board as {@code [capacity, signedUp, free]}. */
    List<Integer> places(String token, UUID conferenceId, UUID shiftId) {
        for (var entry : board(token, conferenceId).json()) {
            if (entry.get("id").asString().equals(shiftId.toString())) {
                return List.of(entry.get("capacity").asInt(), entry.get("signedUp").asInt(), entry.get("free").asInt());
            }
        }
        throw new AssertionError("shift " + shiftId + " is not on the board");
    }

    /** A person's schedule aggregate, named as the service names it. */
    static UUID scheduleIdOf(UUID conference, String person) {
        return UUID.nameUUIDFromBytes(("volunteer/" + conference + "/" + person).getBytes(StandardCharsets.UTF_8));
    }

    /** Where a registration's schedule was kept before schedules followed the person. */
    static UUID scheduleKeptPerRegistration(UUID conference, UUID attendee) {
        return UUID.nameUUIDFromBytes((conference + "/" + attendee).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Waits for a snapshot of the aggregate, then deletes the events it covers until the test ends: they are put
     * back afterwards, so that the store the cached context shares stays whole and its read models replayable.
     */
    void onlySnapshotRemains(UUID aggregateId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from snapshot_event_entry where aggregate_identifier = ?")
                .param(aggregateId.toString()).query(Long.class).single() > 0);
        String covered = """
                from domain_event_entry
                where aggregate_identifier = ?
                  and sequence_number <= (select max(sequence_number) from snapshot_event_entry
                                          where aggregate_identifier = ?)""";
        List<Map<String, Object>> rows = jdbc.sql("select * " + covered)
                .params(aggregateId.toString(), aggregateId.toString()).query().listOfRows();
        int deleted = jdbc.sql("delete " + covered)
                .params(aggregateId.toString(), aggregateId.toString())
                .update();
        assertThat(deleted).isPositive();
        deletedEvents.addAll(rows);
    }

    @AfterEach
    void eventsPutBack() {
        for (Map<String, Object> row : deletedEvents) {
            jdbc.sql("""
                            insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                                                            event_identifier, meta_data, payload, payload_revision,
                                                            payload_type, time_stamp)
                            values (:global_index, :aggregate_identifier, :sequence_number, :type, :event_identifier,
                                    :meta_data, :payload, :payload_revision, :payload_type, :time_stamp)""")
                    .params(row)
                    .update();
        }
        deletedEvents.clear();
    }
}
