package io.lanyard.volunteering.policy.write;

import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class VolunteerPolicyTest {

    static final UUID CONFERENCE = UUID.randomUUID();
    static final UUID POLICY = VolunteerPolicy.idOf(CONFERENCE);

    private final AggregateTestFixture<VolunteerPolicy> fixture = new AggregateTestFixture<>(VolunteerPolicy.class);

    @Test
    void the_first_policy_of_a_conference_is_set() {
        fixture.givenNoPriorActivity()
                .when(new VolunteerPolicy.SetVolunteerPolicy(POLICY, CONFERENCE, 8.0, 30, 2, "olivia"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VolunteerPolicySet(POLICY, CONFERENCE, 8.0, 30, 2, "olivia"));
    }

    @Test
    void a_later_policy_replaces_the_whole_earlier_one() {
        fixture.given(new VolunteerPolicySet(POLICY, CONFERENCE, 8.0, 30, 2, "olivia"))
                .when(new VolunteerPolicy.SetVolunteerPolicy(POLICY, CONFERENCE, null, null, 3, "oscar"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VolunteerPolicySet(POLICY, CONFERENCE, null, null, 3, "oscar"));
    }
}
