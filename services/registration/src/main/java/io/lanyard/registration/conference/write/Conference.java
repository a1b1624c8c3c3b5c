package io.lanyard.registration.conference.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import io.lanyard.platform.axon.AxonPlatformConfiguration;

/** A conference is the tenant: it knows who organizes it. */
@Aggregate(snapshotTriggerDefinition = AxonPlatformConfiguration.SNAPSHOT_TRIGGER)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Conference {

    @AggregateIdentifier
    private UUID conferenceId;
    private Set<String> organizers = new HashSet<>();

    Conference() {
    }

    @CommandHandler
    Conference(ConferenceMessages.CreateConference command) {
        apply(new ConferenceCreated(command.conferenceId(), command.name(), command.startsOn(), command.endsOn(),
                command.timeZone(), command.organizer()));
    }

    @CommandHandler
    void handle(ConferenceMessages.AddOrganizer command) {
        if (organizers.contains(command.subject())) {
            return;
        }
        apply(new OrganizerAdded(conferenceId, command.subject()));
    }

    @EventSourcingHandler
    void on(ConferenceCreated event) {
        conferenceId = event.conferenceId();
        organizers.add(event.organizer());
    }

    @EventSourcingHandler
    void on(OrganizerAdded event) {
        organizers.add(event.subject());
    }
}
