package io.lanyard.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.lanyard.platform.axon.TraceHeaders;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C trace context at the seams where Lanyard leaves a thread: into command metadata, onto Kafka headers,
 * and back out of them. While a span is in scope its trace and span ids are in the logging MDC ({@code traceId},
 * {@code spanId}), so every log line written for one attendee's click, in every service it reaches, carries one
 * trace id. With tracing switched off the tracer is a no-op and these methods change nothing.
 */
public class TraceContexts {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public static TraceContexts disabled() {
        return new TraceContexts(Tracer.NOOP, Propagator.NOOP);
    }

    /**
     * The {@code traceparent} of the span in scope on this thread, recorded or not: a trace the sampler chose not to
     * record still carries its id to every service it reaches (with the sampled flag off).
     */
    public Optional<String> current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(TraceHeaders.TRACEPARENT));
    }

    /**
     * Runs {@code work} in a new span of the given kind that continues the trace named by {@code traceparent}, or
     * starts a trace of its own when there is none. Inside, {@link #current()} names the new span.
     */
    public <T> T inSpan(String name, Span.Kind kind, String traceparent, Map<String, String> tags, Supplier<T> work) {
        Span.Builder builder = traceparent == null
                ? tracer.spanBuilder().setNoParent()
                : propagator.extract(Map.of(TraceHeaders.TRACEPARENT, traceparent), Map::get);
        tags.forEach(builder::tag);
        Span span = builder.name(name).kind(kind).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
