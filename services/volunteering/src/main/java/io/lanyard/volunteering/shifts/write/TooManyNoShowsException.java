package io.lanyard.volunteering.shifts.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class TooManyNoShowsException extends Refusal {

    TooManyNoShowsException(int noShows, int limit) {
        super(ProblemSlug.TOO_MANY_NO_SHOWS, "the volunteer missed " + noShows + " shifts; the limit is " + limit);
    }
}
