package io.lanyard.platform.directory;

import java.time.LocalDate;
import java.util.Map;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** A shift, dinner or sprint day outside the conference's dates (and the margin around them). */
public class OutsideConferenceException extends Refusal {

    private final LocalDate first;
    private final LocalDate last;

    OutsideConferenceException(LocalDate day, LocalDate first, LocalDate last) {
        super(ProblemSlug.OUTSIDE_CONFERENCE, day + " is outside the conference's dates (" + first + " to " + last
                + ", set-up and sprint days included)");
        this.first = first;
        this.last = last;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("firstDay", first.toString(), "lastDay", last.toString());
    }
}
