package io.lanyard.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;

/**
 * With no aggregate cache and a snapshot every three events, every sale loads its quota segment from a Jackson
 * snapshot plus the events after it. Selling exactly the quota and then being refused proves the state survives.
 */
@ServiceTest(properties = {"spring.config.name=registration", "lanyard.axon.snapshot-threshold=3",
        "lanyard.axon.cache-aggregates=false"})
class SnapshotLoadingTest extends RegistrationTestSupport {

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_quota_segment_loads_from_its_snapshot_and_still_never_oversells() {
        String organizer = organizerToken("olivia");
        UUID conference = createConference(organizer);
        UUID ticketType = createTicketType(organizer, conference, 12);
        for (int i = 0; i < 12; i++) {
            Http.Response sold = register(attendeeToken("snap-" + i), conference, ticketType, "Snap");
            assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        }
        Http.Response refused = register(attendeeToken("snap-late"), conference, ticketType, "Late");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("sold-out");

        String segment = jdbc.sql("select segment_id::text from quota_segment_view where ticket_type_id = ?")
                .param(ticketType).query(String.class).single();
        DomainEventMessage<?> first = eventStore.readEvents(segment).next();
        assertThat(first.getType()).isEqualTo("QuotaSegment");
        assertThat(first.getPayloadType().getSimpleName()).isEqualTo("QuotaSegment");
        assertThat(first.getPayload()).isNotNull();
    }
}
