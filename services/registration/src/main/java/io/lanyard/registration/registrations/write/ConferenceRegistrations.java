package io.lanyard.registration.registrations.write;

import java.util.List;
import java.util.UUID;

/** The registrations of a conference whose attendees have not been erased, as a purge walks through them. */
public interface ConferenceRegistrations {

    /** Up to {@code limit} attendees not yet erased, in id order, after {@code after} (null: from the first). */
    List<UUID> unerasedAttendees(UUID conferenceId, UUID after, int limit);

    boolean hasUnerasedAttendees(UUID conferenceId);
}
