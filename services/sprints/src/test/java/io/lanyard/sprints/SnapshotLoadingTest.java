package io.lanyard.sprints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.lanyard.testsupport.Http;
import io.lanyard.testsupport.ServiceTest;

/**
 * With no aggregate cache and a snapshot every three events, each sign-up loads the sprint from a Jackson snapshot
 * plus the events after it. Filling the room exactly, refusing the next and refusing a second sign-up proves the
 * participants and their days survive the snapshot.
 */
@ServiceTest(properties = {"spring.config.name=sprints", "lanyard.axon.snapshot-threshold=3",
        "lanyard.axon.cache-aggregates=false"})
class SnapshotLoadingTest extends SprintsTestSupport {

    @Autowired
    EventStore eventStore;

    @Test
    void a_sprint_loads_from_its_snapshot_and_still_never_overfills_a_day() {
        UUID conference = conference("olivia");
        UUID sprint = announced(organizerToken("olivia"), conference, attendee(conference, "lena", "Lena"), 7,
                MONDAY, TUESDAY);
        UUID first = null;
        for (int i = 0; i < 7; i++) {
            UUID attendee = attendee(conference, "snap-" + i, "Snap " + i);
            first = first == null ? attendee : first;
            signedUp(token("snap-" + i), conference, sprint, attendee, MONDAY);
        }
        Http.Response full = signUp(token("snap-late"), conference, sprint,
                attendee(conference, "snap-late", "Late"), TUESDAY, MONDAY);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("day").asString()).isEqualTo(MONDAY);
        assertThat(signUp(token("snap-0"), conference, sprint, first, TUESDAY).problem())
                .isEqualTo("already-signed-up");

        DomainEventMessage<?> latest = eventStore.readEvents(sprint.toString()).next();
        assertThat(latest.getType()).isEqualTo("Sprint");
        assertThat(latest.getPayloadType().getSimpleName()).isEqualTo("Sprint");
    }
}
