package io.lanyard.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/** Consumed records that could not take effect, kept with their reason until an operator replays them. */
public class DeadLetters {

    public record DeadLetter(UUID id, String topic, int partition, long offset, String key, byte[] value,
                             Map<String, String> headers, ParkingReason reason, String detail, Instant parkedAt,
                             int replayAttempts) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final Clock clock;

    public DeadLetters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void park(ConsumerRecord<String, byte[]> record, ParkingReason reason, String detail) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        jdbc.sql("""
                        insert into kafka_dead_letter
                          (id, topic, partition_no, record_offset, record_key, payload, headers, reason, detail, parked_at)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
                        on conflict (topic, partition_no, record_offset) do nothing""")
                .params(UUID.randomUUID(), record.topic(), record.partition(), record.offset(), record.key(),
                        record.value(), JSON.writeValueAsString(headers), reason.name(), detail,
                        java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    public List<DeadLetter> list(int limit) {
        return jdbc.sql("select * from kafka_dead_letter order by parked_at, id limit ?")
                .param(limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from kafka_dead_letter").query(Long.class).single();
    }

    Optional<DeadLetter> find(UUID id) {
        return jdbc.sql("select * from kafka_dead_letter where id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    void remove(UUID id) {
        jdbc.sql("delete from kafka_dead_letter where id = ?").param(id).update();
    }

    void stillFailing(UUID id, ParkingReason reason, String detail) {
        jdbc.sql("update kafka_dead_letter set reason = ?, detail = ?, replay_attempts = replay_attempts + 1 where id = ?")
                .params(reason.name(), detail, id)
                .update();
    }

    @SuppressWarnings("unchecked")
    private static DeadLetter map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DeadLetter(rs.getObject("id", UUID.class), rs.getString("topic"), rs.getInt("partition_no"),
                rs.getLong("record_offset"), rs.getString("record_key"), rs.getBytes("payload"),
                JSON.readValue(rs.getString("headers"), Map.class), ParkingReason.valueOf(rs.getString("reason")),
                rs.getString("detail"), rs.getTimestamp("parked_at").toInstant(), rs.getInt("replay_attempts"));
    }
}
