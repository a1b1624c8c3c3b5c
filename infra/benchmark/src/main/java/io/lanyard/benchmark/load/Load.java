package io.lanyard.benchmark.load;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Drives calls from many simulated clients, each a virtual thread, with a bounded number in flight. Closed loop:
 * a client's call starts when a slot frees. Fixed rate: call {@code i} is due at {@code start + i / rate},
 * whatever the server is doing; if every slot is busy the call waits for one and the wait counts in its latency.
 */
public final class Load {

    private Load() {
    }

    public static Run closedLoop(int calls, int inFlight, IntFunction<Http.Answer> call) {
        Http.Answer[] answers = new Http.Answer[calls];
        Latency all = new Latency();
        Semaphore slots = new Semaphore(inFlight);
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                slots.acquireUninterruptibly();
                int index = i;
                clients.execute(() -> {
                    try {
                        Http.Answer answer = call.apply(index);
                        answers[index] = answer;
                        all.record(answer.nanos());
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return new Run(answers, start, System.nanoTime(), all, all);
    }

    public static Run atRate(double perSecond, Duration duration, int maxInFlight, IntFunction<Http.Answer> call) {
        int calls = (int) Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
        long interval = Math.round(1e9 / perSecond);
        Http.Answer[] answers = new Http.Answer[calls];
        Latency all = new Latency();
        Latency fromIntent = new Latency();
        Semaphore slots = new Semaphore(maxInFlight);
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                slots.acquireUninterruptibly();
                int index = i;
                clients.execute(() -> {
                    try {
                        Http.Answer answer = call.apply(index);
                        answers[index] = answer;
                        all.record(answer.nanos());
                        fromIntent.record(answer.endedAt() - due);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return new Run(answers, start, System.nanoTime(), all, fromIntent);
    }
}
