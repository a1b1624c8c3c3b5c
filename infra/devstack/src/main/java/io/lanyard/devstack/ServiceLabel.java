package io.lanyard.devstack;

import java.util.concurrent.Callable;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The {@code %service} conversion word of the devstack's log pattern: which part of the devstack a line comes from.
 * The four services share one JVM and so one logging system, in which {@code spring.application.name} is the first
 * service's for every line. Each part is started under its label instead, in an inheritable thread-local: every
 * thread a service's start creates (Tomcat's, Kafka clients', Axon's processors, schedulers) inherits the label, and
 * so do the threads those threads create later. A thread that no part created (a JVM-wide pool such as the common
 * fork-join pool, a signal handler) is labelled {@value #DEVSTACK}. The console appender writes on the logging thread,
 * which is what lets the converter read the label there.
 */
public final class ServiceLabel extends ClassicConverter {

    static final String DEVSTACK = "devstack";

    private static final InheritableThreadLocal<String> LABEL = new InheritableThreadLocal<>();

    /** Runs {@code work} under {@code label}: its lines and those of every thread it starts carry that label. */
    static <T> T under(String label, Callable<T> work) throws Exception {
        String previous = LABEL.get();
        LABEL.set(label);
        try {
            return work.call();
        } finally {
            LABEL.set(previous);
        }
    }

    @Override
    public String convert(ILoggingEvent event) {
        String label = LABEL.get();
        return label == null ? DEVSTACK : label;
    }
}
