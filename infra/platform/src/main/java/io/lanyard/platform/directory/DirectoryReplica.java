package io.lanyard.platform.directory;

import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.kernel.events.registration.AttendeeErased;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.kernel.events.registration.ConferenceCreated;
import io.lanyard.kernel.events.registration.OrganizerAdded;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;
import io.lanyard.platform.personaldata.PersonalDataKeys;

/**
 * Keeps this service's copy of conferences, organizers and attendees in step with registration's events, and
 * forgets an erased attendee: their key in this service is destroyed (whatever this service sealed under it reads
 * as erased) and the copy keeps their registration without subject or name, in the same transaction.
 */
class DirectoryReplica implements IntegrationEventSubscriber {

    private final Organizers organizers;
    private final Attendees attendees;
    private final PersonalDataKeys keys;

    DirectoryReplica(Organizers organizers, Attendees attendees, PersonalDataKeys keys) {
        this.organizers = organizers;
        this.attendees = attendees;
        this.keys = keys;
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
                .project(AttendeeCancelled.class, e -> attendees.cancelled(e.attendeeId()))
                .project(AttendeeErased.class, e -> {
                    keys.destroy(e.attendeeId().toString());
                    attendees.erased(e.attendeeId());
                });
    }
}
