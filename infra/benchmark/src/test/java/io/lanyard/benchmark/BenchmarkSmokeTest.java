package io.lanyard.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.lanyard.benchmark.report.Report;
import io.lanyard.benchmark.report.Row;
import io.lanyard.benchmark.report.Verdict;

/**
 * The whole harness at toy sizes, so it cannot rot between full runs: every scenario runs against the real
 * embedded stack and reports, the rushes never oversell, the results are written. No timing is asserted.
 */
class BenchmarkSmokeTest {

    @Test
    void a_smoke_run_reports_every_scenario_and_oversells_nothing() throws Exception {
        Path output = Path.of("target", "benchmark-smoke");

        Report report = Benchmark.run(BenchmarkOptions.parse("--smoke", "--output=" + output), "--smoke");

        assertThat(report.rows()).filteredOn(r -> r.verdict() == Verdict.NOT_RUN).isEmpty();
        assertThat(report.rows()).extracting(Row::scenario).contains("1. Baseline", "2. Independent commands",
                "3. Ticket rush", "4. Propagation", "5. Replay", "6. Growth", "7. Footprint");
        assertThat(report.rows()).filteredOn(r -> r.metric().endsWith("oversold")).hasSize(2)
                .allSatisfy(r -> assertThat(r.value()).isZero());
        assertThat(report.rows()).filteredOn(r -> r.metric().contains("never arrived"))
                .allSatisfy(r -> assertThat(r.value()).isZero());
        assertThat(output.resolve("results.json")).isNotEmptyFile();
        assertThat(output.resolve("results.md")).content().contains("| metric | measured | target | verdict |");
    }
}
