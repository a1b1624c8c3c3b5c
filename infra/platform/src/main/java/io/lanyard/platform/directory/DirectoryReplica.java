package io.lanyard.platform.directory;

import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.kernel.events.registration.ConferenceCreated;
import io.lanyard.kernel.events.registration.OrganizerAdded;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;

/** Keeps this service's copy of conferences, organizers and attendees in step with registration's events. */
class DirectoryReplica implements IntegrationEventSubscriber {

    private final Organizers organizers;
    private final Attendees attendees;

    DirectoryReplica(Organizers organizers, Attendees attendees) {
        this.organizers = organizers;
        this.attendees = attendees;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions
                .project(ConferenceCreated.class, e ->
                        organizers.conferenceCreated(e.conferenceId(), e.name(), e.startsOn(), e.endsOn(),
                                e.timeZone(), e.organizerSubject()))
                .project(OrganizerAdded.class, e -> organizers.organizerAdded(e.conferenceId(), e.subject()))
                .project(AttendeeRegistered.class, e ->
                        attendees.registered(e.attendeeId(), e.conferenceId(), e.subject(), e.name()))
                .project(AttendeeCancelled.class, e -> attendees.cancelled(e.attendeeId()));
    }
}
