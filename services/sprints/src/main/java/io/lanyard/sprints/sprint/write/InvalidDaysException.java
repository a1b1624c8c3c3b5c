package io.lanyard.sprints.sprint.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/**
 * Days that do not fit the sprint or the participant: a sign-up for no day, a day twice or a day the sprint does
 * not run, or attendance on a day the participant did not sign up for. The request names impossible days, so it
 * is a 400 like any other invalid field, not a conflict a retry could resolve.
 */
class InvalidDaysException extends Refusal {

    InvalidDaysException(String detail) {
        super(ProblemSlug.VALIDATION_FAILED, detail);
    }
}
