package io.lanyard.sprints.sprint.write;

import java.time.LocalDate;
import java.util.Map;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

class SprintFullException extends Refusal {

    private final LocalDate day;

    SprintFullException(LocalDate day) {
        super(ProblemSlug.SPRINT_FULL, "the sprint's room is full on " + day);
        this.day = day;
    }

    public LocalDate day() {
        return day;
    }

    /** Names the full day, so a client can offer the others. */
    @Override
    public Map<String, Object> properties() {
        return Map.of("day", day.toString());
    }
}
