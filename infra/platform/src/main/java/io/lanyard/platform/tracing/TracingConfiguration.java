package io.lanyard.platform.tracing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Micrometer Tracing over OpenTelemetry (Boot's auto-configuration) carried across Lanyard's own seams: command
 * metadata, Kafka headers, dead-letter replays.
 */
@AutoConfiguration
public class TracingConfiguration {

    @Bean
    TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContexts(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    InitializingBean traceparentOnCommands(CommandGateway gateway, TraceContexts traces) {
        return () -> gateway.registerDispatchInterceptor(new TraceparentDispatchInterceptor(traces));
    }
}
