package io.lanyard.volunteering.shifts;

import io.lanyard.platform.web.Refusal;

class TooManyNoShowsException extends Refusal {

    TooManyNoShowsException(int noShows, int limit) {
        super("too-many-no-shows", "the volunteer missed " + noShows + " shifts; the limit is " + limit);
    }
}
