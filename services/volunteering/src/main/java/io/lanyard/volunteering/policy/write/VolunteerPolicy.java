package io.lanyard.volunteering.policy.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * A conference's volunteer policy. It guards no invariant of its own; being event-sourced keeps the history of
 * who changed which limit and when, which matters when a volunteer asks why a sign-up was refused.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class VolunteerPolicy {

    record SetVolunteerPolicy(@TargetAggregateIdentifier UUID policyId, UUID conferenceId, Double maxHoursPerDay,
                              Integer minRestMinutes, int noShowLimit, String setBy) {
    }

    @AggregateIdentifier
    private UUID policyId;

    VolunteerPolicy() {
    }

    static UUID idOf(UUID conferenceId) {
        return UUID.nameUUIDFromBytes(("volunteer-policy/" + conferenceId).getBytes(StandardCharsets.UTF_8));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetVolunteerPolicy command) {
        apply(new VolunteerPolicySet(command.policyId(), command.conferenceId(), command.maxHoursPerDay(),
                command.minRestMinutes(), command.noShowLimit(), command.setBy()));
    }

    @EventSourcingHandler
    void on(VolunteerPolicySet event) {
        policyId = event.policyId();
    }
}
