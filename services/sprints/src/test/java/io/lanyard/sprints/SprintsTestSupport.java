package io.lanyard.sprints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.PublishedEvents;
import io.lanyard.testsupport.ServiceTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * What the sprints tests share: announcing sprints and signing people up through the API, replaying the board, and
 * reading what sprints published.
 */
public abstract class SprintsTestSupport extends ServiceTestSupport {

    protected static final String MONDAY = "2027-05-17";
    protected static final String TUESDAY = "2027-05-18";
    protected static final String WEDNESDAY = "2027-05-19";
    /** Where the test conference (2027-05-14 to 22) takes place, and so where its sprint days begin. */
    protected static final ZoneId CONFERENCE_ZONE = ZoneId.of("America/Los_Angeles");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    /** The service's time is {@code hour} o'clock on {@code day} in Los Angeles, until the test ends. */
    void clockAt(String day, int hour) {
        clockAt(LocalDate.parse(day).atTime(hour, 0).atZone(CONFERENCE_ZONE).toInstant());
    }

    /**
     * What sprints published on {@code lanyard.sprints.v1} for the conference, in order, read from the beginning as
     * registration's itinerary would, once {@code until} holds for it.
     */
    protected static List<IntegrationEvent> publishedFor(UUID conference, Predicate<List<IntegrationEvent>> until) {
        return publishedRecordsFor(conference, records -> until.test(records.stream()
                .map(PublishedEvents.Published::event).toList())).stream()
                .map(PublishedEvents.Published::event)
                .toList();
    }

    /** Like {@link #publishedFor}, with each record's key and trace. */
    protected static List<PublishedEvents.Published> publishedRecordsFor(
            UUID conference, Predicate<List<PublishedEvents.Published>> until) {
        try (PublishedEvents published = new PublishedEvents(EventCatalogue.SPRINTS_TOPIC, conference)) {
            return published.awaitRecordsUntil(until);
        }
    }

    /**
     * What {@code request} answers when the replica is a moment behind: {@code replicate} publishes registration's
     * event, whose insert into {@code table} waits for a lock this test holds, until the request has waited a while
     * for replication; then the insert goes through.
     */
    Http.Response whileTheReplicaIsBehind(String table, Runnable replicate, Callable<Http.Response> request)
            throws Exception {
        Future<Http.Response> answer;
        try (Connection replicaHeldBack = dataSource.getConnection();
             ExecutorService client = Executors.newSingleThreadExecutor()) {
            replicaHeldBack.setAutoCommit(false);
            try (Statement lock = replicaHeldBack.createStatement()) {
                lock.execute("lock table " + table + " in exclusive mode");
            }
            replicate.run();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                            select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                            where c.relname = ? and not l.granted""")
                    .param(table).query(Long.class).single() > 0);
            answer = client.submit(request);
            await("the request waits for replication").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> !answer.isDone());
            replicaHeldBack.commit();
        }
        return answer.get();
    }

    /** The sprint board is a read model: events put straight into the store reach it through a replay. */
    void replaySprintView() {
        Http.Response replayed = http().post("/admin/read-models/sprint-view/replay",
                tokens.mint("otto", List.of("OPERATOR")), null);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
    }

    static String sprints(UUID conference) {
        return "/conferences/" + conference + "/sprints";
    }

    static String participants(UUID conference, UUID sprint) {
        return sprints(conference) + "/" + sprint + "/participants";
    }

    Http.Response announce(String token, UUID conference, UUID leader, int capacity, String... days) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project", "CPython");
        body.put("description", "Triage issues, review pull requests");
        body.put("leaderAttendeeId", leader.toString());
        body.put("capacity", capacity);
        body.put("days", List.of(days));
        return http().post(sprints(conference), token, body);
    }

    UUID announced(String token, UUID conference, UUID leader, int capacity, String... days) {
        Http.Response response = announce(token, conference, leader, capacity, days);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    Http.Response signUp(String token, UUID conference, UUID sprint, UUID attendee, String... days) {
        return http().post(participants(conference, sprint), token,
                Map.of("attendeeId", attendee.toString(), "days", List.of(days)));
    }

    void signedUp(String token, UUID conference, UUID sprint, UUID attendee, String... days) {
        Http.Response response = signUp(token, conference, sprint, attendee, days);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    JsonNode sprint(String token, UUID conference, UUID sprint) {
        Http.Response list = http().get(sprints(conference), token);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        for (JsonNode node : list.json()) {
            if (node.get("id").asString().equals(sprint.toString())) {
                return node;
            }
        }
        throw new AssertionError("sprint " + sprint + " is not listed: " + list.body());
    }

    int participantsOn(String token, UUID conference, UUID sprint, String day) {
        return sprint(token, conference, sprint).get("participantsPerDay").get(day).asInt();
    }
}
