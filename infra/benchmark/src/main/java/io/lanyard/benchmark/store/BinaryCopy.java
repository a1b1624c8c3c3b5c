package io.lanyard.benchmark.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into PostgreSQL with {@code COPY ... FROM STDIN (FORMAT binary)} through the JDBC driver's
 * CopyManager: the fastest way in, with values encoded as the server stores them (bigint, text, bytea, uuid,
 * boolean, timestamptz).
 */
final class BinaryCopy implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private final CopyIn copy;
    private final int columns;
    private final ByteBuffer buffer = ByteBuffer.allocate(4 << 20);
    private long rows;

    BinaryCopy(Connection connection, String table, String... columns) throws SQLException {
        this.columns = columns.length;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin (format binary)");
        buffer.put(SIGNATURE).putInt(0).putInt(0);
    }

    void row(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
        }
        if (buffer.remaining() < 64 * 1024) {
            flush();
        }
        buffer.putShort((short) columns);
        for (Object value : values) {
            switch (value) {
                case null -> buffer.putInt(-1);
                case Long l -> buffer.putInt(8).putLong(l);
                case Integer i -> buffer.putInt(4).putInt(i);
                case Boolean b -> buffer.putInt(1).put((byte) (b ? 1 : 0));
                case UUID u -> buffer.putInt(16).putLong(u.getMostSignificantBits())
                        .putLong(u.getLeastSignificantBits());
                case Instant t -> buffer.putInt(8).putLong(ChronoUnit.MICROS.between(POSTGRES_EPOCH, t));
                case byte[] bytes -> put(bytes);
                case String s -> put(s.getBytes(StandardCharsets.UTF_8));
                default -> throw new IllegalArgumentException("no binary COPY encoding for " + value.getClass());
            }
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    private void put(byte[] bytes) throws SQLException {
        if (buffer.remaining() < bytes.length + 8) {
            flush();
        }
        buffer.putInt(bytes.length).put(bytes);
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    @Override
    public void close() throws SQLException {
        buffer.putShort((short) -1);
        flush();
        copy.endCopy();
    }
}
