package io.lanyard.benchmark.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.lanyard.benchmark.load.Http;

/** Collects what the scenarios measured and writes it as a console table, Markdown and JSON. */
public final class Report {

    public enum Goal {
        AT_LEAST("≥"), AT_MOST("≤");

        private final String sign;

        Goal(String sign) {
            this.sign = sign;
        }
    }

    private final boolean smoke;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();
    private final Map<String, List<String>> evidence = new LinkedHashMap<>();

    public Report(boolean smoke) {
        this.smoke = smoke;
    }

    public boolean smoke() {
        return smoke;
    }

    public synchronized void environment(String key, String value) {
        environment.put(key, value);
    }

    public synchronized void info(String scenario, String metric, double value, String unit) {
        add(new Row(scenario, metric, value, unit, "", Verdict.INFO));
    }

    /** A number judged against a target; {@code target} may itself come from this run (a ratio to a baseline). */
    public synchronized Verdict target(String scenario, String metric, double value, String unit, Goal goal,
                                       double target, String targetExplained) {
        boolean met = !Double.isNaN(value) && !Double.isNaN(target)
                && (goal == Goal.AT_LEAST ? value >= target : value <= target);
        Verdict verdict = smoke ? Verdict.SMOKE : met ? Verdict.PASS : Verdict.MISS;
        String text = goal.sign + " " + format(target, unit)
                + (targetExplained.isEmpty() ? "" : " (" + targetExplained + ")");
        add(new Row(scenario, metric, value, unit, text, verdict));
        return verdict;
    }

    public synchronized void notRun(String scenario, String metric, String reason) {
        add(new Row(scenario, metric, null, "", reason, Verdict.NOT_RUN));
    }

    public synchronized void note(String scenario, String text) {
        notes.computeIfAbsent(scenario, k -> new ArrayList<>()).add(text);
    }

    /** Profile evidence (JFR summaries, CPU split) shown as a block under the scenario. */
    public synchronized void evidence(String scenario, String block) {
        evidence.computeIfAbsent(scenario, k -> new ArrayList<>()).add(block);
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    public synchronized List<String> notes(String scenario) {
        return List.copyOf(notes.getOrDefault(scenario, List.of()));
    }

    private void add(Row row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "  %-22s %-52s %16s  %-40s %s%n", row.scenario(), row.metric(), row.measured(),
                row.target(), row.verdict() == Verdict.INFO ? "" : row.verdict());
    }

    public synchronized void printTable(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-22s %-52s %16s  %-48s %s%n", "scenario", "metric", "measured", "target", "verdict");
        out.println("-".repeat(150));
        for (Row row : rows) {
            out.printf(Locale.ROOT, "%-22s %-52s %16s  %-48s %s%n", row.scenario(), row.metric(), row.measured(),
                    row.target(), row.verdict() == Verdict.INFO ? "" : row.verdict());
        }
        out.println();
    }

    public synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| | |\n|---|---|\n");
        environment.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        List<String> scenarios = new ArrayList<>();
        rows.forEach(r -> {
            if (!scenarios.contains(r.scenario())) {
                scenarios.add(r.scenario());
            }
        });
        notes.keySet().stream().filter(s -> !scenarios.contains(s)).forEach(scenarios::add);
        for (String scenario : scenarios) {
            md.append("\n#### ").append(scenario).append("\n\n");
            List<Row> mine = rows.stream().filter(r -> r.scenario().equals(scenario)).toList();
            if (!mine.isEmpty()) {
                md.append("| metric | measured | target | verdict |\n|---|--:|---|---|\n");
                for (Row row : mine) {
                    md.append("| ").append(row.metric()).append(" | ").append(row.measured()).append(" | ")
                            .append(row.target()).append(" | ")
                            .append(row.verdict() == Verdict.INFO ? "" : "**" + row.verdict() + "**").append(" |\n");
                }
            }
            List<String> said = notes.getOrDefault(scenario, List.of());
            if (!said.isEmpty()) {
                md.append('\n');
                said.forEach(n -> md.append("- ").append(n).append('\n'));
            }
            for (String block : evidence.getOrDefault(scenario, List.of())) {
                md.append("\n```\n").append(block.strip()).append("\n```\n");
            }
        }
        return md.toString();
    }

    public synchronized String json() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("smoke", smoke);
        document.put("environment", environment);
        document.put("results", rows.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", r.scenario());
            row.put("metric", r.metric());
            row.put("value", r.value());
            row.put("unit", r.unit());
            row.put("target", r.target());
            row.put("verdict", r.verdict().name());
            return row;
        }).toList());
        document.put("notes", notes);
        document.put("evidence", evidence);
        return Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    public synchronized void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("results.md"), markdown());
        Files.writeString(directory.resolve("results.json"), json());
    }

    static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        String number;
        if (Math.abs(value) >= 100 || value == Math.rint(value) && Math.abs(value) < 1e15) {
            number = String.format(Locale.ROOT, "%,.0f", value);
        } else if (Math.abs(value) >= 10) {
            number = String.format(Locale.ROOT, "%.1f", value);
        } else {
            number = String.format(Locale.ROOT, "%.2f", value);
        }
        return unit.isEmpty() ? number : number + " " + unit;
    }
}
