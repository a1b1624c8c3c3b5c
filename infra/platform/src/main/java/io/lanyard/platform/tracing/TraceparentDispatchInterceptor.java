package io.lanyard.platform.tracing;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;

import io.lanyard.platform.axon.TraceHeaders;

/**
 * Gives every command sent through the gateway the trace context of the span in scope, unless it carries one
 * already: commands sent by a Kafka reaction or a deadline belong to the trace that caused them, like the ones a
 * controller sends through {@link io.lanyard.platform.axon.Commands}. Axon's correlation data provider then copies
 * it onto the events the command applies.
 */
class TraceparentDispatchInterceptor implements MessageDispatchInterceptor<Message<?>> {

    private final TraceContexts traces;

    TraceparentDispatchInterceptor(TraceContexts traces) {
        this.traces = traces;
    }

    @Override
    public BiFunction<Integer, Message<?>, Message<?>> handle(List<? extends Message<?>> messages) {
        return (index, message) -> message.getMetaData().containsKey(TraceHeaders.TRACEPARENT)
                ? message
                : traces.current()
                        .<Message<?>>map(trace -> message.andMetaData(Map.of(TraceHeaders.TRACEPARENT, trace)))
                        .orElse(message);
    }
}
