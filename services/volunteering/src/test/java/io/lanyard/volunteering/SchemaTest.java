package io.lanyard.volunteering;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.testsupport.SchemaAssertions;
import io.lanyard.testsupport.ServiceTest;

@ServiceTest(properties = {"spring.config.name=volunteering", "lanyard.axon.snapshot-threshold=3"})
class SchemaTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void events_snapshots_and_tokens_are_bytea_and_the_global_index_has_no_gaps_by_design() {
        SchemaAssertions.assertEventStoreSchema(jdbc);
    }
}
