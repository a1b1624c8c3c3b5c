package io.lanyard.sprints.sprint.write;

import java.time.LocalDate;
import java.util.Map;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** Attendance for a sprint day that has not begun where the conference takes place: nobody has come yet. */
class DayNotStartedException extends Refusal {

    private final LocalDate day;

    DayNotStartedException(LocalDate day) {
        super(ProblemSlug.NOT_STARTED, "the sprint's day " + day + " has not begun yet");
        this.day = day;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("day", day.toString());
    }
}
