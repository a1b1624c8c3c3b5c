package io.lanyard.sprints.sprint.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** A sprint that cannot run: no project, a room for nobody, no days or a day twice. */
class InvalidSprintException extends Refusal {

    InvalidSprintException(String detail) {
        super(ProblemSlug.VALIDATION_FAILED, detail);
    }
}
