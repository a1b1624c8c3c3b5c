package io.lanyard.benchmark;

import java.util.List;
import java.util.Locale;

import io.lanyard.benchmark.load.Http;
import io.lanyard.benchmark.load.Lanyard;
import io.lanyard.benchmark.report.Report;
import io.lanyard.benchmark.stack.Infrastructure;
import io.lanyard.benchmark.stack.ServiceInstance;
import io.lanyard.dinners.DinnersApplication;
import io.lanyard.registration.RegistrationApplication;

/**
 * What every scenario works with: the options, the report, the embedded infrastructure, the in-process
 * registration and dinners services (either may be absent when only some scenarios run) and what earlier
 * scenarios left for later ones.
 */
public final class Bench {

    private final BenchmarkOptions options;
    private final Report report;
    private final Infrastructure infrastructure;
    private final Http http = new Http();
    private ServiceInstance registration;
    private ServiceInstance dinners;
    private Population population;
    private boolean startedOnce;
    private double baselineAppendsPerSecond = Double.NaN;
    private double kafkaRoundTripP99AtRate = Double.NaN;
    private double registrationsPerSecond = Double.NaN;

    Bench(BenchmarkOptions options, Report report, Infrastructure infrastructure) {
        this.options = options;
        this.report = report;
        this.infrastructure = infrastructure;
    }

    public BenchmarkOptions options() {
        return options;
    }

    public Report report() {
        return report;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public Http http() {
        return http;
    }

    public ServiceInstance registration() {
        if (registration == null) {
            throw new IllegalStateException("the registration service is not running");
        }
        return registration;
    }

    public ServiceInstance dinners() {
        return dinners;
    }

    /**
     * Starts registration and dinners in this JVM on their usual databases and consumer groups, with any extra
     * configuration given (the comparison runs of proposed changes).
     */
    public void startServices(List<String> extraArguments, Class<?>... extraSources) {
        long start = System.nanoTime();
        registration = ServiceInstance.start("registration", RegistrationApplication::application, infrastructure,
                "registration", extraArguments, extraSources);
        try {
            dinners = ServiceInstance.start("dinners", DinnersApplication::application, infrastructure, "dinners",
                    extraArguments, extraSources);
        } catch (RuntimeException e) {
            dinners = null;
            report.note("setup", "The dinners service did not start, so its parts are not run: " + e);
        }
        if (extraArguments.isEmpty() && extraSources.length == 0 && !startedOnce) {
            startedOnce = true;
            report.environment("in-process services started in", String.format(Locale.ROOT,
                    "%.1f s (registration%s, first start)", (System.nanoTime() - start) / 1e9,
                    dinners == null ? " only" : " and dinners"));
        }
    }

    public void stopServices() {
        if (dinners != null) {
            dinners.close();
        }
        if (registration != null) {
            registration.close();
        }
        dinners = null;
        registration = null;
    }

    /** The Lanyard API of the in-process services, with tokens minted by registration's dev key. */
    public Lanyard lanyard() {
        ServiceInstance r = registration();
        return new Lanyard(http, r.url(), dinners == null ? null : dinners.url(),
                (subject, roles) -> r.token(subject, roles.toArray(String[]::new)));
    }

    public String token(String subject, List<String> roles) {
        return registration().token(subject, roles.toArray(String[]::new));
    }

    public Population population() {
        return population;
    }

    public void population(Population population) {
        this.population = population;
    }

    public double baselineAppendsPerSecond() {
        return baselineAppendsPerSecond;
    }

    public void baselineAppendsPerSecond(double rate) {
        this.baselineAppendsPerSecond = rate;
    }

    /** What the independent-commands scenario measured, for scenarios that must stay below capacity. */
    public double registrationsPerSecond() {
        return registrationsPerSecond;
    }

    public void registrationsPerSecond(double rate) {
        this.registrationsPerSecond = rate;
    }

    public double kafkaRoundTripP99AtRate() {
        return kafkaRoundTripP99AtRate;
    }

    public void kafkaRoundTripP99AtRate(double millis) {
        this.kafkaRoundTripP99AtRate = millis;
    }
}
