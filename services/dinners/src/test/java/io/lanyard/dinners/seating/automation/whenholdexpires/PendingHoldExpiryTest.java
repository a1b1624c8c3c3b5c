package io.lanyard.dinners.seating.automation.whenholdexpires;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.dinners.DinnersTestSupport;
import io.lanyard.dinners.seating.HoldExpiry;
import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;

/**
 * A hold expiry waiting in db-scheduler's table names its payload's class and the aggregate's type. One stored the
 * way the service stored them before its packages took today's shape (payload {@code io.lanyard.dinners.seating
 * .HoldExpiry}, scope {@code Dinner}) must still end its hold: those names are kept, since no upcaster reads them.
 */
@ServiceTest(properties = "spring.config.name=dinners")
class PendingHoldExpiryTest extends DinnersTestSupport {

    private static final String STORED_PAYLOAD_TYPE = "io.lanyard.dinners.seating.HoldExpiry";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Serializer serializer;

    @Test
    void a_hold_expiry_stored_before_the_packages_moved_still_ends_its_hold() throws IOException {
        assertThat(HoldExpiry.class.getName()).as("pending deadlines name this class").isEqualTo(STORED_PAYLOAD_TYPE);
        String organizer = organizerToken("olivia");
        UUID conference = conference("olivia");
        UUID dinner = createDinner(organizer, conference, 1);
        UUID alice = attendee(conference, "alice", "Alice");
        Http.Response held = requestTicket(token("alice"), conference, dinner, alice);
        assertThat(held.json().get("status").asString()).isEqualTo("HELD");
        String ticket = held.json().get("id").asString();

        DbSchedulerBinaryDeadlineDetails stored = new DbSchedulerBinaryDeadlineDetails(HoldExpiry.DEADLINE,
                serializer.serialize(new AggregateScopeDescriptor("Dinner", dinner), byte[].class).getData(),
                AggregateScopeDescriptor.class.getName(),
                ("{\"ticketId\":\"" + ticket + "\"}").getBytes(StandardCharsets.UTF_8), STORED_PAYLOAD_TYPE, null,
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());
        jdbc.sql("""
                        insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,
                                                     consecutive_failures, version)
                        values ('AxonDeadline', ?, ?, ?, false, 0, 1)""")
                .params(UUID.randomUUID().toString(), javaSerialized(stored), Timestamp.from(Instant.now()))
                .update();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                ticket(organizer, conference, dinner, ticket).json().get("status").asString().equals("EXPIRED"));
        assertThat(dinner(organizer, conference, dinner).json().get("held").asInt()).isZero();
    }

    /** db-scheduler's default serializer, which the service's scheduler uses. */
    private static byte[] javaSerialized(Object data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(data);
        }
        return bytes.toByteArray();
    }
}
