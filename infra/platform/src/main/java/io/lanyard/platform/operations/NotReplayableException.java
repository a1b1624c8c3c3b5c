package io.lanyard.platform.operations;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** The read model is not rebuilt from this service's event store, or it names no tables of its own. */
public class NotReplayableException extends Refusal {

    NotReplayableException(String readModel, String why) {
        super(ProblemSlug.NOT_REPLAYABLE, readModel + " cannot be replayed: " + why);
    }
}
