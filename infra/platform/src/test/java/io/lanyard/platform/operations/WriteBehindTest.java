package io.lanyard.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A replay's deferred, batched writes against the same statements executed one by one, on a real PostgreSQL: the
 * tables end the same, a read in between sees what was written before it, and the writes take a few round trips.
 */
class WriteBehindTest {

    private static final List<String> TABLES = List.of("wb_parent", "wb_child", "wb_counter", "wb_log");

    /** One handler's statement: a write, or a read whose answer is kept. */
    private record Step(String sql, boolean read, Object... params) {
    }

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().setPort(0).start();
        // one connection for the whole class: opening one per statement outside the transactions costs more here
        dataSource = new SingleConnectionDataSource(postgres.getPostgresDatabase().getConnection(), true);
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.sql("""
                create table wb_parent (id int primary key, name text not null);
                create table wb_child (parent_id int not null references wb_parent on delete cascade, n int not null,
                                       primary key (parent_id, n));
                create table wb_counter (id int primary key, value bigint not null);
                create table wb_log (seq int primary key, what text not null)""").update();
    }

    @AfterAll
    static void stop() throws Exception {
        ((SingleConnectionDataSource) dataSource).destroy();
        postgres.close();
    }

    @BeforeEach
    void empty() {
        jdbc.sql("truncate wb_parent, wb_child, wb_counter, wb_log").update();
    }

    @Test
    void inserts_updates_and_deletes_of_the_same_rows_end_as_they_would_one_by_one() {
        List<Step> steps = mixedStream(new Random(20), 1_000);
        List<String> readOneByOne = new ArrayList<>();
        transactions.executeWithoutResult(status -> run(steps, readOneByOne));
        List<String> oneByOne = contents();
        empty();

        List<String> readDeferred = new ArrayList<>();
        WriteBehind.Written written = transactions.execute(status ->
                WriteBehind.during(dataSource, TABLES, 500, () -> run(steps, readDeferred)));

        assertThat(contents()).isEqualTo(oneByOne);
        assertThat(readDeferred).isEqualTo(readOneByOne);
        assertThat(written.writes()).isEqualTo(steps.stream().filter(step -> !step.read()).count());
        assertThat(written.batches()).isLessThan(written.writes());
    }

    @Test
    void writes_to_unrelated_tables_go_in_one_batch_per_table_and_flush() {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            // as registration's view writes its row and the directory's for each registration
            steps.add(new Step("insert into wb_parent (id, name) values (?, ?)", false, i, "p" + i));
            steps.add(new Step("insert into wb_log (seq, what) values (?, ?)", false, i, "registered " + i));
        }
        WriteBehind.Written written = transactions.execute(status ->
                WriteBehind.during(dataSource, TABLES, 500, () -> run(steps, new ArrayList<>())));

        assertThat(written.writes()).isEqualTo(2_000);
        assertThat(written.batches()).isEqualTo(2_000 / 500 * 2);
        assertThat(jdbc.sql("select count(*) from wb_parent").query(Long.class).single()).isEqualTo(1_000);
        assertThat(jdbc.sql("select count(*) from wb_log").query(Long.class).single()).isEqualTo(1_000);
    }

    @Test
    void a_write_that_fails_fails_the_replay_and_the_transaction_leaves_the_tables_as_they_were() {
        jdbc.sql("insert into wb_log (seq, what) values (1, 'before')").update();
        List<Step> steps = List.of(
                new Step("insert into wb_parent (id, name) values (?, ?)", false, 1, "one"),
                new Step("insert into wb_log (seq, what) values (?, ?)", false, 1, "again"));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                WriteBehind.during(dataSource, TABLES, 500, () -> run(steps, new ArrayList<>()))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(contents()).containsExactly("wb_log (1,before)");
    }

    /**
     * Events on few rows, so that one batch holds inserts, updates and deletes of the same row, cascades from
     * parent to child, and updates whose result depends on their order.
     */
    private static List<Step> mixedStream(Random random, int events) {
        Set<Integer> parents = new HashSet<>();
        Set<List<Integer>> children = new HashSet<>();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            int parent = random.nextInt(5);
            int n = random.nextInt(3);
            switch (random.nextInt(8)) {
                case 0 -> {
                    if (parents.add(parent)) {
                        steps.add(new Step("insert into wb_parent (id, name) values (?, ?)", false, parent, "p" + i));
                        steps.add(new Step("insert into wb_log (seq, what) values (?, ?)", false, i, "born " + parent));
                    }
                }
                case 1 -> {
                    if (parents.contains(parent)) {
                        steps.add(new Step("update wb_parent set name = name || ? where id = ?", false, "," + i,
                                parent));
                    }
                }
                case 2 -> {
                    if (parents.remove(parent)) {
                        children.removeIf(child -> child.getFirst() == parent);
                        steps.add(new Step("delete from wb_parent where id = ?", false, parent));
                    }
                }
                case 3 -> {
                    if (parents.contains(parent) && children.add(List.of(parent, n))) {
                        steps.add(new Step("insert into wb_child (parent_id, n) values (?, ?)", false, parent, n));
                    }
                }
                case 4 -> {
                    if (children.remove(List.of(parent, n))) {
                        steps.add(new Step("delete from wb_child where parent_id = ? and n = ?", false, parent, n));
                    }
                }
                case 5 -> steps.add(new Step("""
                        insert into wb_counter (id, value) values (?, 1)
                        on conflict (id) do update set value = (wb_counter.value * 2 + 1) % 1000003""", false, n));
                case 6 -> steps.add(new Step("update wb_counter set value = value * 3 % 1000003 where id = ?", false, n));
                default -> steps.add(new Step("""
                        select coalesce(string_agg(n::text, ',' order by n), '') from wb_child where parent_id = ?""",
                        true, parent));
            }
        }
        return steps;
    }

    private static void run(List<Step> steps, List<String> reads) {
        for (Step step : steps) {
            if (step.read()) {
                reads.add(jdbc.sql(step.sql()).params(step.params()).query(String.class).single());
            } else {
                jdbc.sql(step.sql()).params(step.params()).update();
            }
        }
    }

    private static List<String> contents() {
        List<String> rows = new ArrayList<>();
        for (String table : TABLES) {
            rows.addAll(jdbc.sql("select '" + table + " ' || t::text from " + table + " t order by 1")
                    .query(String.class).list());
        }
        return rows;
    }
}
