package io.lanyard.benchmark.load;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mints the simulated clients' tokens before a measurement starts, so minting never counts in a latency. */
public final class Tokens {

    private Tokens() {
    }

    public static String[] mint(Lanyard api, String... subjects) {
        String[] tokens = new String[subjects.length];
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < subjects.length; i++) {
                int index = i;
                pool.execute(() -> tokens[index] = api.token(subjects[index]));
            }
        }
        return tokens;
    }
}
