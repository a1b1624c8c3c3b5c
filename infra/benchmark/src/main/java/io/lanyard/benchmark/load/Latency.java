package io.lanyard.benchmark.load;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A latency distribution in nanoseconds, recorded concurrently, read in milliseconds. */
public final class Latency {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(10), 3);

    public void record(long nanos) {
        histogram.recordValue(Math.clamp(nanos, 1, histogram.getHighestTrackableValue()));
    }

    public void add(Latency other) {
        histogram.add(other.histogram);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double percentileMs(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    public double p50() {
        return percentileMs(50);
    }

    public double p99() {
        return percentileMs(99);
    }

    public double maxMs() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }

    public double meanMs() {
        return count() == 0 ? Double.NaN : histogram.getMean() / 1e6;
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.1fms p99=%.1fms max=%.1fms", count(), p50(), p99(), maxMs());
    }
}
