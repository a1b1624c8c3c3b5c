package io.lanyard.benchmark.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.lanyard.platform.personaldata.PersonalDataKeys;
import io.lanyard.platform.personaldata.PersonalDataProperties;

/**
 * The persons' keys of a bulk load: made as the service makes them (32 random bytes each), kept in memory while their
 * events are written and copied into the database's {@code personal_data_key} table with each chunk of events, so
 * that a service or a replay on the loaded store opens what was sealed. The service inserts a key per person in the
 * transaction of their first event; a bulk load cannot afford a round trip per person.
 */
final class LoadedKeys extends PersonalDataKeys {

    private static final int KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> unwritten = new LinkedHashMap<>();
    private final Instant start = Instant.now();
    private long written;

    LoadedKeys(String databaseUrl) {
        super(JdbcClient.create(new DriverManagerDataSource(databaseUrl, "postgres", "")), Clock.systemUTC(),
                new PersonalDataProperties(1, Duration.ZERO));
    }

    @Override
    public Optional<SecretKey> keyForWriting(String subject) {
        return Optional.of(unwritten.computeIfAbsent(subject, s -> {
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            return new SecretKeySpec(key, "AES");
        }));
    }

    @Override
    public Optional<SecretKey> keyForReading(String subject) {
        return Optional.ofNullable(unwritten.get(subject));
    }

    /**
     * Copies the keys made since the last call into the table; a person's events all come in one chunk. Their
     * {@code created_at} follows the order they were made in, a microsecond apart, as the service's would follow its
     * events: readers read keys ahead in that order.
     */
    void write(Connection connection) throws SQLException {
        try (BinaryCopy rows = new BinaryCopy(connection, "personal_data_key", "subject", "data_key", "created_at")) {
            for (Map.Entry<String, SecretKey> key : unwritten.entrySet()) {
                rows.row(key.getKey(), key.getValue().getEncoded(), start.plus(written++, ChronoUnit.MICROS));
            }
        }
        unwritten.clear();
    }
}
