package io.lanyard.registration.registrations.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** A conference's personal data is purged only once it is over: until then its attendees still need it. */
class ConferenceNotEndedException extends Refusal {

    ConferenceNotEndedException(String detail) {
        super(ProblemSlug.CONFERENCE_NOT_ENDED, detail);
    }
}
