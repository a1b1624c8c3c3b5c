package io.lanyard.benchmark.report;

public enum Verdict {
    PASS, MISS,
    /** A number without a target of its own, measured for context or as another target's reference. */
    INFO,
    NOT_RUN,
    /** A smoke run only proves the harness works; its numbers mean nothing and are not judged. */
    SMOKE
}
