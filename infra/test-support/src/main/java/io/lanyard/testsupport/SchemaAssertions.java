package io.lanyard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What every service's schema must look like, whatever its own tables are. */
public final class SchemaAssertions {

    private SchemaAssertions() {
    }

    public static void assertEventStoreSchema(JdbcClient jdbc) {
        assertThat(jdbc.sql("""
                        select table_name || '.' || column_name from information_schema.columns
                        where table_schema = current_schema() and udt_name = 'oid'""")
                .query(String.class).list())
                .as("columns holding PostgreSQL large objects").isEmpty();
        assertThat(jdbc.sql("""
                        select table_name || '.' || column_name || ':' || udt_name from information_schema.columns
                        where table_schema = current_schema()
                          and table_name in ('domain_event_entry', 'snapshot_event_entry', 'token_entry')
                          and column_name in ('payload', 'meta_data', 'token')""")
                .query(String.class).list())
                .containsExactlyInAnyOrder("domain_event_entry.payload:bytea", "domain_event_entry.meta_data:bytea",
                        "snapshot_event_entry.payload:bytea", "snapshot_event_entry.meta_data:bytea",
                        "token_entry.token:bytea");
        assertThat(jdbc.sql("""
                        select s.increment_by from pg_sequences s
                        where s.schemaname || '.' || s.sequencename =
                              pg_get_serial_sequence('domain_event_entry', 'global_index')""")
                .query(Long.class).single())
                .as("global index sequence increment").isEqualTo(1L);
    }
}
