package io.lanyard.volunteering.shifts.write;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** Both working-time rules of the volunteer policy, minimum rest and maximum hours per day, refuse with this slug. */
class RestRuleViolatedException extends Refusal {

    RestRuleViolatedException(String detail) {
        super(ProblemSlug.REST_RULE_VIOLATED, detail);
    }
}
