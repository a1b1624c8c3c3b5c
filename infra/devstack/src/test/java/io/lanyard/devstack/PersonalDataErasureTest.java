package io.lanyard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import io.lanyard.platform.messaging.KafkaAccess;
import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19's decisive test, on all five services: a person registers, signs up for a shift and a sprint, takes a
 * dinner seat with dietary requirements and gets mail; another person does the same. The first is erased. Then a
 * byte-level reading of every table of every service's database (event stores, snapshots, read models, replicas,
 * outboxes, dead letters: bytea columns as the bytes they hold) finds none of the erased person's name, e-mail
 * address, {@code sub} or dietary text, while the other person's are still there; every count is unchanged; no Kafka
 * record written after the erasure holds any of it; the registration reads {@code ERASED}; every read model of every
 * service replays, and the counts and the search come out the same afterwards.
 */
class PersonalDataErasureTest {

    private static final String ZONE = "America/Los_Angeles";
    private static final List<String> SERVICES = List.of("registration", "volunteering", "dinners", "sprints",
            "notifications");

    private final Map<String, RunningService> services = FullStack.services();
    private final RunningService registration = services.get("registration");
    private final Walkthrough walk = new Walkthrough(registration);
    private final Random random = new Random(19);

    /** What a person entered, each value carrying a marker of its own so that a copy of any one of them is found. */
    private record Person(String subject, String name, String email, String dietary, String token, UUID id) {

        List<String> markers() {
            return List.of(subject, name, email, dietary);
        }
    }

    @Test
    void an_erased_person_is_in_no_database_and_no_later_record_and_every_count_stays() throws Exception {
        String organizer = walk.token("olivia-erasure-" + marker(), "ORGANIZER");
        String operator = walk.token("ops-erasure-" + marker(), "OPERATOR");
        UUID conference = walk.conference(organizer, "2027-05-14", "2027-05-22", ZONE);
        UUID ticketType = walk.ticketType(organizer, conference, 10);
        String c = "/conferences/" + conference;
        Person erin = person(conference, ticketType, "Erin");
        Person kim = person(conference, ticketType, "Kim");

        UUID shift = awaitCreated("volunteering", organizer, c + "/shifts", Map.of("title", "Bag stuffing",
                "task", "Fill the swag bags", "location", "Hall A", "startsAt", "2027-05-13T18:00:00-07:00",
                "endsAt", "2027-05-13T20:00:00-07:00", "capacity", 5));
        UUID sprint = awaitCreated("sprints", organizer, c + "/sprints", Map.of("project", "CPython",
                "description", "Core sprint", "leaderAttendeeId", kim.id().toString(), "capacity", 10,
                "days", List.of("2027-05-21", "2027-05-22")));
        UUID dinner = awaitCreated("dinners", organizer, c + "/dinners", Map.of("name", "Speakers' dinner",
                "venue", "Museum", "startsAt", "2027-05-19T19:00:00-07:00", "seats", 5, "priceCents", 5000,
                "currency", "USD"));
        for (Person person : List.of(erin, kim)) {
            awaitCreated("volunteering", person.token(), c + "/shifts/" + shift + "/volunteers",
                    Map.of("attendeeId", person.id().toString()));
            awaitCreated("sprints", person.token(), c + "/sprints/" + sprint + "/participants",
                    Map.of("attendeeId", person.id().toString(), "days", List.of("2027-05-21", "2027-05-22")));
            UUID ticket = awaitCreated("dinners", person.token(), c + "/dinners/" + dinner + "/tickets",
                    Map.of("attendeeId", person.id().toString(), "dietaryRequirements", List.of(person.dietary())));
            Http.Response paid = http("dinners").post(c + "/dinners/" + dinner + "/tickets/" + ticket + "/payment",
                    person.token(), Map.of("paymentReference", "pay-" + marker()));
            assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
            await(person.name() + "'s confirmation mail").atMost(Duration.ofSeconds(30))
                    .until(() -> mailTo(person.email()), mails -> !mails.isEmpty());
        }
        FullStack.settle();
        Map<String, Object> countsBefore = counts(organizer, conference, ticketType, shift, sprint, dinner);
        assertThat(found(erin.markers())).as("the erased person's data before the erasure (the search finds it)")
                .containsKeys(erin.markers().toArray(String[]::new));
        Map<TopicPartition, Long> offsetsBefore = endOffsets();

        Http.Response erased = registration.http().post(c + "/attendees/" + erin.id() + "/erasure", erin.token(),
                null);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
        await("the registration reads ERASED").atMost(Duration.ofSeconds(20)).until(
                () -> registration.http().get(c + "/registrations/" + erin.id(), organizer).json(),
                json -> "ERASED".equals(json.path("status").asString(null)));
        FullStack.settle();

        Map<String, List<String>> leftBehind = found(erin.markers());
        assertThat(leftBehind).as("the erased person's data left in a database").isEmpty();
        assertThat(found(kim.markers())).as("the other person's data is kept")
                .containsKeys(kim.markers().toArray(String[]::new));
        assertThat(counts(organizer, conference, ticketType, shift, sprint, dinner)).isEqualTo(countsBefore);
        assertThat(recordsSince(offsetsBefore, erin.markers())).as("Kafka records written after the erasure").isEmpty();
        JsonNode registrationRead = registration.http().get(c + "/registrations/" + erin.id(), organizer).json();
        assertThat(registrationRead.propertyNames()).containsExactlyInAnyOrder("id", "status");
        for (String service : SERVICES) {
            Http.Response export = http(service).get(c + "/attendees/" + erin.id() + "/personal-data", organizer);
            assertThat(export.status()).as(service + ": " + export).isEqualTo(200);
            assertThat(erin.markers()).as(service + "'s export of the erased person").noneMatch(export.body()::contains);
        }

        // a second erasure answers as the first and changes nothing
        long registrationHead = head(registration);
        assertThat(registration.http().post(c + "/attendees/" + erin.id() + "/erasure", organizer, null).status())
                .isEqualTo(202);
        assertThat(head(registration)).isEqualTo(registrationHead);

        for (String service : SERVICES) {
            JsonNode readModels = http(service).get("/admin/read-models", operator).json();
            for (JsonNode readModel : readModels) {
                if (readModel.get("replayable").asBoolean()) {
                    String name = readModel.get("name").asString();
                    Http.Response replayed = http(service).post("/admin/read-models/" + name + "/replay", operator,
                            null);
                    assertThat(replayed.status()).as(service + " replays " + name + ": " + replayed).isEqualTo(200);
                }
            }
        }
        assertThat(counts(organizer, conference, ticketType, shift, sprint, dinner)).as("after every replay")
                .isEqualTo(countsBefore);
        assertThat(found(erin.markers())).as("after every replay").isEmpty();
        assertThat(found(kim.markers())).containsKeys(kim.markers().toArray(String[]::new));
    }

    private Person person(UUID conference, UUID ticketType, String firstName) {
        String subject = firstName.toLowerCase() + "-sub-" + marker();
        String token = walk.token(subject);
        String name = firstName + " Named" + marker();
        String email = firstName.toLowerCase() + "." + marker() + "@example.org";
        String dietary = "kosher, no sesame " + marker();
        Http.Response created = registration.http().post("/conferences/" + conference + "/registrations", token,
                Map.of("ticketTypeId", ticketType.toString(), "name", name, "email", email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Person(subject, name, email, dietary, token,
                UUID.fromString(created.json().get("id").asString()));
    }

    /** Twelve letters from the seeded generator: a text nobody else wrote. */
    private String marker() {
        StringBuilder marker = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            marker.append((char) ('a' + random.nextInt(26)));
        }
        return marker.toString();
    }

    /** Which services still count what: the figures an erasure must not change. */
    private Map<String, Object> counts(String organizer, UUID conference, UUID ticketType, UUID shift, UUID sprint,
                                       UUID dinner) {
        String c = "/conferences/" + conference;
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("sold", registration.http().get(c + "/ticket-types/" + ticketType, organizer).json().get("sold")
                .asInt());
        JsonNode shiftRead = http("volunteering").get(c + "/shifts", organizer).json().valueStream()
                .filter(s -> s.get("id").asString().equals(shift.toString())).findFirst().orElseThrow();
        counts.put("signedUp", shiftRead.get("signedUp").asInt());
        JsonNode dinnerRead = http("dinners").get(c + "/dinners/" + dinner, organizer).json();
        counts.put("dinnerSold", dinnerRead.get("sold").asInt());
        JsonNode guests = http("dinners").get(c + "/dinners/" + dinner + "/guests", organizer).json();
        // an erased guest's requirement may no longer be named, but it is still counted
        counts.put("dietaryRequirementsCounted", guests.get("dietarySummary").valueStream().mapToInt(JsonNode::asInt)
                .sum());
        counts.put("guests", guests.get("guests").size());
        JsonNode sprintRead = http("sprints").get(c + "/sprints/" + sprint, organizer).json();
        counts.put("participantsPerDay", sprintRead.get("participantsPerDay").toString());
        counts.put("participants", http("sprints").get(c + "/sprints/" + sprint + "/participants", organizer).json()
                .size());
        return counts;
    }

    /**
     * Every table of every service's database, read row by row: the markers found, with where. Text columns as text,
     * binary ones (the event stores' payloads and metadata) as the bytes they hold, read as UTF-8.
     */
    private Map<String, List<String>> found(List<String> markers) throws SQLException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String service : SERVICES) {
            try (Connection connection = services.get(service).bean(DataSource.class).getConnection();
                 Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select table_schema || '.' || table_name "
                        + "from information_schema.tables where table_type = 'BASE TABLE' "
                        + "and table_schema not in ('pg_catalog', 'information_schema')")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("select * from " + table)) {
                        ResultSetMetaData columns = rows.getMetaData();
                        while (rows.next()) {
                            for (int i = 1; i <= columns.getColumnCount(); i++) {
                                String value = text(rows, columns, i);
                                if (value == null) {
                                    continue;
                                }
                                for (String marker : markers) {
                                    if (value.contains(marker)) {
                                        found.computeIfAbsent(marker, m -> new ArrayList<>())
                                                .add(service + ":" + table + "." + columns.getColumnName(i));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String text(ResultSet rows, ResultSetMetaData columns, int column) throws SQLException {
        return switch (columns.getColumnType(column)) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rows.getBytes(column);
                yield bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
            }
            default -> rows.getString(column);
        };
    }

    private static List<String> topics() {
        return KafkaAccess.SERVICES.stream().flatMap(grant -> grant.owns().stream()).distinct().toList();
    }

    private static KafkaConsumer<byte[], byte[]> observer() {
        return new KafkaConsumer<>(EmbeddedInfrastructure.observing(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "erasure-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = observer()) {
            List<TopicPartition> partitions = topics().stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    /** Every record written to a Lanyard topic after the given offsets whose key, value or headers hold a marker. */
    private static List<String> recordsSince(Map<TopicPartition, Long> offsets, List<String> markers) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = observer()) {
            List<TopicPartition> partitions = List.copyOf(offsets.keySet());
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, offsets.get(p)));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int read = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    StringBuilder all = new StringBuilder();
                    for (byte[] part : new byte[][] {record.key(), record.value()}) {
                        if (part != null) {
                            all.append(new String(part, StandardCharsets.UTF_8)).append('\n');
                        }
                    }
                    for (Header header : record.headers()) {
                        all.append(new String(header.value(), StandardCharsets.UTF_8)).append('\n');
                    }
                    markers.stream().filter(all.toString()::contains).forEach(marker ->
                            found.add(record.topic() + "@" + record.offset() + " holds " + marker));
                }
            }
            assertThat(read).as("records written after the erasure (at least its own)").isPositive();
        }
        return found;
    }

    private List<JsonNode> mailTo(String address) {
        Http.Response answer = http("notifications").get("/dev/mail?to="
                + URLEncoder.encode(address, StandardCharsets.UTF_8), null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().valueStream().toList();
    }

    private Http http(String service) {
        return services.get(service).http();
    }

    private UUID awaitCreated(String service, String token, String path, Map<String, Object> body) {
        // the services learn of conferences and registrations from Kafka: 404 or 422 not-registered until they have
        Http.Response created = await(service + " knows the conference and the attendee").atMost(Duration.ofSeconds(20))
                .until(() -> http(service).post(path, token, body), r -> r.status() != 422 && r.status() != 404);
        assertThat(created.status()).as(service + " " + path + ": " + created).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static long head(RunningService service) {
        return service.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }
}
