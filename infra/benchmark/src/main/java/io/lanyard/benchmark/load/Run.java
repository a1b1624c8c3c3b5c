package io.lanyard.benchmark.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a batch of calls did: every answer in issue order, the wall time, and latency distributions. For a run at
 * a fixed rate, {@code fromIntent} measures each call from the moment it was due rather than from when it was
 * sent, so a stalled server cannot hide its backlog (coordinated omission).
 */
public record Run(Http.Answer[] answers, long startedAt, long endedAt, Latency all, Latency fromIntent) {

    public double seconds() {
        return (endedAt - startedAt) / 1e9;
    }

    public long count(Predicate<Http.Answer> which) {
        long n = 0;
        for (Http.Answer answer : answers) {
            if (answer != null && which.test(answer)) {
                n++;
            }
        }
        return n;
    }

    public long withStatus(int status) {
        return count(a -> a.status() == status);
    }

    public Latency latency(Predicate<Http.Answer> which) {
        Latency latency = new Latency();
        for (Http.Answer answer : answers) {
            if (answer != null && which.test(answer)) {
                latency.record(answer.nanos());
            }
        }
        return latency;
    }

    /** Seconds from the start until the last answer that matches, or NaN if none did. */
    public double secondsUntilLast(Predicate<Http.Answer> which) {
        long last = -1;
        for (Http.Answer answer : answers) {
            if (answer != null && which.test(answer)) {
                last = Math.max(last, answer.endedAt());
            }
        }
        return last < 0 ? Double.NaN : (last - startedAt) / 1e9;
    }

    public Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        for (Http.Answer answer : answers) {
            if (answer != null) {
                counts.merge(answer.status(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** One unexpected answer, for the log, so a failing run says why. */
    public String sample(Predicate<Http.Answer> which) {
        for (Http.Answer answer : answers) {
            if (answer != null && which.test(answer)) {
                String body = answer.body();
                return answer.status() + " " + (body.length() > 300 ? body.substring(0, 300) : body);
            }
        }
        return "";
    }
}
