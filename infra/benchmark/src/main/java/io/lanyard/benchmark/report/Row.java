package io.lanyard.benchmark.report;

/** One measured number, and when it has one, the target it is judged against. */
public record Row(String scenario, String metric, Double value, String unit, String target, Verdict verdict) {

    public String measured() {
        if (value == null) {
            return "—";
        }
        return Report.format(value, unit);
    }
}
