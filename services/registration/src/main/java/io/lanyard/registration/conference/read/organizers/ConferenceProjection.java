package io.lanyard.registration.conference.read.organizers;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.operations.ReadModelTables;
import io.lanyard.registration.conference.write.ConferenceCreated;
import io.lanyard.registration.conference.write.OrganizerAdded;

/** Registration's own view of conferences and organizers, updated in the command's transaction. */
@Component
@ProcessingGroup("conference-view")
@ReadModelTables({"known_conference", "conference_organizer"})
class ConferenceProjection {

    private final Organizers organizers;

    ConferenceProjection(Organizers organizers) {
        this.organizers = organizers;
    }

    @EventHandler
    void on(ConferenceCreated event) {
        organizers.conferenceCreated(event.conferenceId(), event.name(), event.startsOn(), event.endsOn(),
                event.timeZone(), event.organizer());
    }

    @EventHandler
    void on(OrganizerAdded event) {
        organizers.organizerAdded(event.conferenceId(), event.subject());
    }
}
