package io.lanyard.sprints.sprint;

import java.time.LocalDate;

import io.lanyard.platform.web.Refusal;

public class SprintFullException extends Refusal {

    private final LocalDate day;

    SprintFullException(LocalDate day) {
        super("sprint-full", "the sprint's room is full on " + day);
        this.day = day;
    }

    public LocalDate day() {
        return day;
    }
}
