package io.lanyard.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lanyard.benchmark.propagation.PropagationScenario;
import io.lanyard.benchmark.report.Report;
import io.lanyard.benchmark.report.Row;
import io.lanyard.benchmark.report.Verdict;
import io.lanyard.benchmark.rush.RushScenario;
import io.lanyard.benchmark.rush.TicketRush;
import io.lanyard.benchmark.webhooks.WebhooksScenario;

/**
 * The whole harness at toy sizes, so it cannot rot between full runs: every scenario runs against the real
 * embedded stack and reports, and the results are written. No timing is asserted, but what the rushes and the
 * propagation legs did is: every rush sells exactly its seats (as its answers, the service and the view say) and
 * answers nothing but a sale or sold-out; every propagation request is a 201 that arrived; every webhook delivery
 * verifies, and every registration's 201 became one.
 */
class BenchmarkSmokeTest {

    @Test
    void a_smoke_run_reports_every_scenario_sells_exactly_the_seats_and_loses_nothing() throws Exception {
        Path output = Path.of("target", "benchmark-smoke");
        BenchmarkOptions options = BenchmarkOptions.parse("--smoke", "--output=" + output);

        Report report = Benchmark.run(options, "--smoke");

        List<Row> rows = report.rows();
        assertThat(rows).filteredOn(r -> r.verdict() == Verdict.NOT_RUN).isEmpty();
        assertThat(rows).extracting(Row::scenario).contains("1. Baseline", "2. Independent commands",
                "3. Ticket rush", "4. Propagation", "5. Replay", "6. Growth", "7. Footprint", "8. Webhooks");

        // the ticket rush (a smoke run's footprint only starts its JVM, it does not rush it)
        double quota = options.rushQuota();
        assertThat(values(rows, RushScenario.NAME, TicketRush.SOLD)).containsExactly(quota);
        assertThat(values(rows, RushScenario.NAME, TicketRush.SOLD_BY_SERVICE)).containsExactly(quota);
        assertThat(values(rows, RushScenario.NAME, TicketRush.SOLD_IN_VIEW)).containsExactly(quota);
        assertThat(values(rows, RushScenario.NAME, TicketRush.NEITHER_SOLD_NOR_SOLD_OUT)).containsExactly(0.0);
        // the dinner rush
        double seats = options.dinnerSeats();
        assertThat(values(rows, RushScenario.NAME, TicketRush.HELD)).containsExactly(seats);
        assertThat(values(rows, RushScenario.NAME, TicketRush.WAITLISTED))
                .containsExactly((double) options.dinnerClients() - options.dinnerSeats());
        assertThat(values(rows, RushScenario.NAME, TicketRush.HELD_BY_SERVICE)).containsExactly(seats);
        assertThat(values(rows, RushScenario.NAME, TicketRush.NOT_201)).containsExactly(0.0);
        assertThat(rows).filteredOn(r -> r.metric().endsWith("oversold")).hasSize(2)
                .allSatisfy(r -> assertThat(r.value()).as(r.metric()).isZero());

        // both propagation legs: every request answered 201, and every one of them arrived
        assertThat(values(rows, PropagationScenario.NAME, PropagationScenario.REQUESTS)).hasSize(2)
                .allSatisfy(requests -> assertThat(requests).isPositive());
        assertThat(values(rows, PropagationScenario.NAME, PropagationScenario.NOT_201)).containsExactly(0.0, 0.0);
        assertThat(values(rows, PropagationScenario.NAME, PropagationScenario.NEVER_ARRIVED))
                .containsExactly(0.0, 0.0);

        // webhooks: the guard still refuses a receiver it was not told to allow, every 201 became a delivery
        // that verified, and the rush's receivers were delivered to while it ran or shortly after
        assertThat(rows).filteredOn(r -> r.scenario().equals(WebhooksScenario.NAME)
                        && r.metric().equals(WebhooksScenario.GUARD_REFUSED))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(1.0));
        assertThat(values(rows, WebhooksScenario.NAME, WebhooksScenario.REQUESTS)).singleElement()
                .satisfies(requests -> assertThat(requests).isPositive());
        assertThat(values(rows, WebhooksScenario.NAME, WebhooksScenario.NOT_201)).containsExactly(0.0);
        assertThat(values(rows, WebhooksScenario.NAME, WebhooksScenario.NEVER_DELIVERED)).containsExactly(0.0);
        assertThat(values(rows, WebhooksScenario.NAME, TicketRush.NEITHER_SOLD_NOR_SOLD_OUT)).containsExactly(0.0);
        assertThat(values(rows, WebhooksScenario.NAME, WebhooksScenario.RUSH_DELIVERED)).singleElement()
                .satisfies(delivered -> assertThat(delivered).isPositive());
        assertThat(rows).filteredOn(r -> r.scenario().equals(WebhooksScenario.NAME)
                        && r.metric().equals(WebhooksScenario.UNVERIFIED))
                .singleElement().satisfies(r -> assertThat(r.value()).isZero());

        assertThat(output.resolve("results.json")).isNotEmptyFile();
        assertThat(output.resolve("results.md")).content().contains("| metric | measured | target | verdict |");
    }

    /** The values of a scenario's rows whose metric ends with {@code ": " + what}, in the order reported. */
    private static List<Double> values(List<Row> rows, String scenario, String what) {
        return rows.stream()
                .filter(r -> r.scenario().equals(scenario) && r.metric().endsWith(": " + what))
                .map(Row::value)
                .toList();
    }
}
