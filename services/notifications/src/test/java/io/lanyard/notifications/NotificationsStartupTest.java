package io.lanyard.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.SchemaAssertions;
import io.lanyard.testsupport.ServiceTest;

/** The service starts with its principal, which consumes the four topics and owns none, and knows conferences. */
@ServiceTest(properties = "spring.config.name=notifications")
class NotificationsStartupTest extends NotificationsTestSupport {

    @Test
    void it_is_healthy_and_learns_conferences_from_registrations_topic() {
        UUID conference = conference("olivia");

        assertThat(organizers.isOrganizer(conference, "olivia")).isTrue();
        Http.Response health = http().get("/actuator/health", tokens.mint("otto", List.of("OPERATOR")));
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void events_snapshots_and_tokens_are_bytea_and_the_global_index_has_no_gaps_by_design() {
        SchemaAssertions.assertEventStoreSchema(jdbc);
    }
}
