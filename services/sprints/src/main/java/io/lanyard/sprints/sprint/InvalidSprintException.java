package io.lanyard.sprints.sprint;

import org.springframework.http.HttpStatus;

import io.lanyard.platform.web.Refusal;

/** A sprint that cannot run: no project, a room for nobody, no days or a day twice. */
public class InvalidSprintException extends Refusal {

    InvalidSprintException(String detail) {
        super("validation-failed", HttpStatus.BAD_REQUEST, detail);
    }
}
