package io.lanyard.testsupport;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row of every table of a service's database as text, for tests that must find no trace of an erased person
 * anywhere (event store, snapshots, views, replicas, inbox, dead letters, deadlines). Byte columns are decoded as
 * far as they are text ({@code encode(…, 'escape')}), so JSON payloads read as JSON.
 */
public final class StoredText {

    private StoredText() {
    }

    public static String everything(JdbcClient jdbc) {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE'
                        order by table_name""")
                .query(String.class).list()) {
            List<String> columns = jdbc.sql("""
                            select case when data_type = 'bytea'
                                        then 'encode(' || quote_ident(column_name) || ', ''escape'')'
                                        else quote_ident(column_name) || '::text' end
                            from information_schema.columns
                            where table_schema = current_schema() and table_name = ?
                            order by ordinal_position""")
                    .param(table).query(String.class).list();
            all.append("== ").append(table).append('\n');
            jdbc.sql("select concat_ws(' | ', " + String.join(", ", columns) + ") from " + table)
                    .query(String.class).list().forEach(row -> all.append(row).append('\n'));
        }
        return all.toString();
    }
}
