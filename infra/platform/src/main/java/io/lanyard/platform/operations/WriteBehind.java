package io.lanyard.platform.operations;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A replay's connection, which defers the projections' writes and sends them as JDBC batches: a replay that waited
 * for one statement per event would spend its time in round trips. The projections do not change: they write
 * through {@code JdbcClient} as they do live, and during a replay their {@code insert}, {@code update} and
 * {@code delete} statements on the read model's tables are recorded here instead of executed.
 * <p>
 * The result is the one the statements would have had one by one, because the only reordering is of statements
 * that cannot affect each other. A statement joins the pending batch of the same SQL only if no statement recorded
 * after that batch touches a table it touches; otherwise it starts a new batch behind them. Tables touch each other
 * through foreign keys (a cascade, a reference checked on insert), so the tables a statement names count together
 * with every table linked to them by foreign keys; a table with a trigger of its own makes every statement touch
 * every other. So inserts into two unrelated tables become two batches, while an insert, an update and a delete of
 * one row stay in their order. Everything else is executed at once, after the pending writes if it names a table
 * they touch (a handler reading what it wrote sees it; a view counts with the tables it selects from); a plain
 * {@code Statement} or a call flushes first, as its SQL is not known in advance. A function that reads the tables
 * is not seen through (no handler calls one).
 * <p>
 * A write's failure surfaces when its batch is sent, not in the handler that recorded it: a handler cannot catch
 * and handle its own statement's failure during a replay, and the replay fails as a whole instead. Events in the
 * store were all accepted once, so their writes do not fail unless the projection is broken. Deferred updates
 * report one row changed.
 */
final class WriteBehind implements AutoCloseable {

    private static final Pattern WRITE = Pattern.compile(
            "^\\s*(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_][a-z0-9_$]*(?:\\.[a-z_][a-z0-9_$]*)?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RETURNING = Pattern.compile("\\breturning\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_$]*", Pattern.CASE_INSENSITIVE);

    /** What the tables of the database touch, as far as the order of writes is concerned. */
    record Tables(Map<String, Integer> groups, boolean triggers) {

        /**
         * The groups of tables linked by foreign keys, read from the catalogue; whether any of {@code deferred} has a
         * trigger of its own.
         */
        static Tables of(Connection connection, Collection<String> deferred) throws SQLException {
            Map<String, String> parent = new HashMap<>();
            deferred.forEach(table -> parent.put(simple(table), simple(table)));
            List<String> triggered = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                // foreign keys, and views with the tables they select from: a query of a view reads its tables
                try (ResultSet links = statement.executeQuery("""
                        select conrelid::regclass::text, confrelid::regclass::text from pg_constraint where contype = 'f'
                        union
                        select distinct r.ev_class::regclass::text, d.refobjid::regclass::text
                        from pg_depend d join pg_rewrite r on r.oid = d.objid
                        where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass
                          and d.refobjid <> r.ev_class""")) {
                    while (links.next()) {
                        union(parent, simple(links.getString(1)), simple(links.getString(2)));
                    }
                }
                try (ResultSet triggers = statement.executeQuery(
                        "select distinct tgrelid::regclass::text from pg_trigger where not tgisinternal")) {
                    while (triggers.next()) {
                        triggered.add(simple(triggers.getString(1)));
                    }
                }
            }
            Map<String, Integer> roots = new HashMap<>();
            Map<String, Integer> groups = new HashMap<>();
            for (String table : parent.keySet()) {
                groups.put(table, roots.computeIfAbsent(root(parent, table), r -> roots.size()));
            }
            Set<Integer> written = deferred.stream().map(table -> groups.get(simple(table)))
                    .collect(Collectors.toSet());
            boolean triggers = triggered.stream().anyMatch(table -> written.contains(groups.get(table)));
            return new Tables(Map.copyOf(groups), triggers);
        }

        private static void union(Map<String, String> parent, String a, String b) {
            parent.putIfAbsent(a, a);
            parent.putIfAbsent(b, b);
            parent.put(root(parent, a), root(parent, b));
        }

        private static String root(Map<String, String> parent, String table) {
            String at = table;
            while (!parent.get(at).equals(at)) {
                at = parent.get(at);
            }
            return at;
        }

        /** Schemas are ignored: two tables of one name in two schemas count as one, which only orders more. */
        static String simple(String table) {
            String name = table.toLowerCase(Locale.ROOT).replace("\"", "");
            return name.substring(name.lastIndexOf('.') + 1);
        }

        /** The groups a statement touches: those of every table its SQL names. */
        BitSet touchedBy(String sql) {
            BitSet touched = new BitSet();
            Matcher names = NAME.matcher(sql);
            while (names.find()) {
                Integer group = groups.get(names.group().toLowerCase(Locale.ROOT));
                if (group != null) {
                    touched.set(triggers ? 0 : group);
                }
            }
            return touched;
        }
    }

    /** One parameter set by the handler, set again on the real statement when its batch is sent. */
    private record Setter(Method method, Object[] arguments) {

        void applyTo(PreparedStatement statement) throws SQLException {
            try {
                method.invoke(statement, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private record Batch(String sql, BitSet touched, List<List<Setter>> rows) {
    }

    /** The projections' writes during a replay: how many, and in how many round trips they were sent. */
    record Written(long writes, long batches) {
    }

    /**
     * Runs {@code work} in the current transaction with its connection replaced, for this thread, by one that
     * defers writes to {@code tables} and sends them as batches; sends what is left at the
     * end. The handlers' {@code JdbcClient} finds the connection where Spring keeps the transaction's, so it is
     * swapped there and put back afterwards: the transaction commits or rolls back the original connection.
     */
    static Written during(DataSource dataSource, List<String> tables, int batchSize, Runnable work) {
        ConnectionHolder original = (ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource);
        if (original == null || !original.isSynchronizedWithTransaction()) {
            throw new IllegalStateException("a replay defers its writes only inside a transaction");
        }
        Connection connection = original.getConnection();
        try (WriteBehind writes = new WriteBehind(connection, tables, WriteBehind.Tables.of(connection, tables),
                batchSize)) {
            ConnectionHolder deferring = new ConnectionHolder(writes.connection(), true);
            deferring.setSynchronizedWithTransaction(true);
            TransactionSynchronizationManager.unbindResource(dataSource);
            TransactionSynchronizationManager.bindResource(dataSource, deferring);
            try {
                work.run();
                writes.flush();
            } finally {
                TransactionSynchronizationManager.unbindResource(dataSource);
                TransactionSynchronizationManager.bindResource(dataSource, original);
            }
            return new Written(writes.writes(), writes.batches());
        } catch (SQLException e) {
            DataAccessException translated = new SQLStateSQLExceptionTranslator()
                    .translate("replaying into " + tables, null, e);
            throw translated != null ? translated : new UncategorizedSQLException("replaying into " + tables, null, e);
        }
    }

    private final Connection connection;
    private final Set<String> deferred;
    private final Tables tables;
    private final int batchSize;
    private final Connection proxy;
    private final List<Batch> pending = new ArrayList<>();
    private final Map<String, BitSet> touchedBySql = new HashMap<>();
    private final Map<String, Boolean> deferrableBySql = new HashMap<>();
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private int pendingRows;
    private long writes;
    private long batches;

    /**
     * @param deferred  the tables whose writes may wait: the read model's
     * @param batchSize how many writes may wait before they are sent
     */
    WriteBehind(Connection connection, Collection<String> deferred, Tables tables, int batchSize) {
        this.connection = connection;
        this.deferred = deferred.stream().map(Tables::simple).collect(Collectors.toUnmodifiableSet());
        this.tables = tables;
        this.batchSize = batchSize;
        this.proxy = (Connection) Proxy.newProxyInstance(WriteBehind.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this::onConnection);
    }

    /** The connection the handlers are to write through. */
    Connection connection() {
        return proxy;
    }

    /** Writes recorded so far. */
    long writes() {
        return writes;
    }

    /** Batches sent so far: the round trips the writes took. */
    long batches() {
        return batches;
    }

    /** Sends every pending write, in batches, in an order with the result of the original one. */
    void flush() throws SQLException {
        try {
            for (Batch batch : pending) {
                PreparedStatement statement = prepared.get(batch.sql());
                if (statement == null) {
                    statement = connection.prepareStatement(batch.sql());
                    prepared.put(batch.sql(), statement);
                }
                for (List<Setter> row : batch.rows()) {
                    for (Setter setter : row) {
                        setter.applyTo(statement);
                    }
                    statement.addBatch();
                }
                try {
                    statement.executeBatch();
                } catch (BatchUpdateException e) {
                    // the driver's first exception only says which entry failed; the next one says why
                    SQLException cause = e.getNextException();
                    if (cause != null) {
                        cause.addSuppressed(e);
                        throw cause;
                    }
                    throw e;
                }
                batches++;
            }
        } finally {
            pending.clear();
            pendingRows = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : prepared.values()) {
            statement.close();
        }
        prepared.clear();
    }

    private void record(String sql, List<Setter> row) throws SQLException {
        BitSet touched = touched(sql);
        Batch joined = null;
        for (int i = pending.size() - 1; i >= 0 && joined == null; i--) {
            Batch batch = pending.get(i);
            if (batch.sql().equals(sql)) {
                joined = batch;
            } else if (batch.touched().intersects(touched)) {
                break;
            }
        }
        if (joined == null) {
            joined = new Batch(sql, touched, new ArrayList<>());
            pending.add(joined);
        }
        joined.rows().add(row);
        writes++;
        if (++pendingRows >= batchSize) {
            flush();
        }
    }

    private BitSet touched(String sql) {
        return touchedBySql.computeIfAbsent(sql, tables::touchedBy);
    }

    private boolean deferrable(String sql) {
        return deferrableBySql.computeIfAbsent(sql, statement -> {
            Matcher write = WRITE.matcher(statement);
            return write.find() && deferred.contains(Tables.simple(write.group(1)))
                    && !RETURNING.matcher(statement).find();
        });
    }

    private void flushIfTouched(String sql) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        BitSet touched = touched(sql);
        if (tables.triggers() || pending.stream().anyMatch(batch -> batch.touched().intersects(touched))) {
            flush();
        }
    }

    private Object onConnection(Object self, Method method, Object[] arguments) throws Throwable {
        switch (method.getName()) {
            case "prepareStatement" -> {
                String sql = (String) arguments[0];
                if (arguments.length == 1 && deferrable(sql)) {
                    return Proxy.newProxyInstance(WriteBehind.class.getClassLoader(),
                            new Class<?>[] {PreparedStatement.class}, new Recorder(sql));
                }
                flushIfTouched(sql);
            }
            case "createStatement", "prepareCall", "commit", "setAutoCommit", "setSavepoint", "releaseSavepoint" ->
                    flush();
            // a rollback to a savepoint discards only writes recorded after it: setting it sent the earlier ones
            case "rollback" -> {
                pending.clear();
                pendingRows = 0;
            }
            case "equals" -> {
                return self == arguments[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(self);
            }
            case "toString" -> {
                return "WriteBehind over " + connection;
            }
            default -> {
            }
        }
        try {
            return method.invoke(connection, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A statement a handler prepared: its parameters are kept, its execution is recorded. */
    private final class Recorder implements InvocationHandler {

        private final String sql;
        private List<Setter> row = new ArrayList<>();
        private final List<List<Setter>> added = new ArrayList<>();
        private int updateCount = -1;
        private boolean closed;

        Recorder(String sql) {
            this.sql = sql;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] arguments) throws Throwable {
            String name = method.getName();
            int count = arguments == null ? 0 : arguments.length;
            if (name.startsWith("set") && count >= 2 && arguments[0] instanceof Integer) {
                row.add(new Setter(method, arguments.clone()));
                return null;
            }
            switch (name) {
                case "executeUpdate", "executeLargeUpdate", "execute" -> {
                    if (count > 0) {
                        break;
                    }
                    record(sql, List.copyOf(row));
                    updateCount = 1;
                    return name.equals("execute") ? false : name.equals("executeUpdate") ? (Object) 1 : (Object) 1L;
                }
                case "addBatch" -> {
                    if (count > 0) {
                        break;
                    }
                    added.add(List.copyOf(row));
                    return null;
                }
                case "executeBatch", "executeLargeBatch" -> {
                    int rows = added.size();
                    for (List<Setter> one : added) {
                        record(sql, one);
                    }
                    added.clear();
                    if (name.equals("executeBatch")) {
                        int[] counts = new int[rows];
                        Arrays.fill(counts, 1);
                        return counts;
                    }
                    long[] counts = new long[rows];
                    Arrays.fill(counts, 1L);
                    return counts;
                }
                case "clearParameters" -> {
                    row = new ArrayList<>();
                    return null;
                }
                case "clearBatch" -> {
                    added.clear();
                    return null;
                }
                case "getUpdateCount" -> {
                    int result = updateCount;
                    updateCount = -1;
                    return result;
                }
                case "getLargeUpdateCount" -> {
                    long result = updateCount;
                    updateCount = -1;
                    return result;
                }
                case "getMoreResults" -> {
                    return false;
                }
                case "getResultSet", "getWarnings" -> {
                    return null;
                }
                case "clearWarnings", "setFetchSize", "setMaxRows", "setLargeMaxRows", "setQueryTimeout",
                     "setFetchDirection", "setEscapeProcessing", "setPoolable", "setCursorName" -> {
                    return null;
                }
                case "getFetchSize", "getMaxRows", "getQueryTimeout" -> {
                    return 0;
                }
                case "close" -> {
                    closed = true;
                    return null;
                }
                case "isClosed" -> {
                    return closed;
                }
                case "getConnection" -> {
                    return proxy;
                }
                case "getParameterMetaData", "getMetaData" -> {
                    PreparedStatement real = prepared.get(sql);
                    if (real == null) {
                        real = connection.prepareStatement(sql);
                        prepared.put(sql, real);
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
                case "isWrapperFor" -> {
                    return false;
                }
                case "equals" -> {
                    return self == arguments[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(self);
                }
                case "toString" -> {
                    return "deferred: " + sql;
                }
                default -> {
                }
            }
            throw new SQLFeatureNotSupportedException(name + " on a statement whose write the replay defers: " + sql);
        }
    }
}
