package io.lanyard.platform.operations;

import io.lanyard.platform.web.Refusal;

/** The read model is not rebuilt from this service's event store, or it names no tables of its own. */
public class NotReplayableException extends Refusal {

    NotReplayableException(String readModel, String why) {
        super("not-replayable", readModel + " cannot be replayed: " + why);
    }
}
