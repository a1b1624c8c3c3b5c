package io.lanyard.platform.observability;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import io.lanyard.platform.problems.Refusal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every message an Axon component handles, tagged with the message's payload type and how it ended: commands
 * as {@code lanyard.commands}, events per processor as {@code lanyard.events.handled}. A command refused by a
 * business rule ends as {@code refused}, not as a failure, so the failure rate stays a sign of trouble.
 */
final class MessageTimers implements MessageMonitor<Message<?>> {

    static final String COMMANDS = "lanyard.commands";
    static final String EVENTS_HANDLED = "lanyard.events.handled";

    private final Supplier<MeterRegistry> registry;
    private final String name;
    private final String componentTag;
    private final String component;
    private final String payloadTag;

    private MessageTimers(Supplier<MeterRegistry> registry, String name, String componentTag, String component,
                          String payloadTag) {
        this.registry = registry;
        this.name = name;
        this.componentTag = componentTag;
        this.component = component;
        this.payloadTag = payloadTag;
    }

    static MessageTimers commands(Supplier<MeterRegistry> registry) {
        return new MessageTimers(registry, COMMANDS, null, null, "command");
    }

    static MessageTimers events(Supplier<MeterRegistry> registry, String processor) {
        return new MessageTimers(registry, EVENTS_HANDLED, "processor", processor, "event");
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        long started = System.nanoTime();
        String payload = message.getPayloadType().getSimpleName();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                record("success");
            }

            @Override
            public void reportFailure(Throwable cause) {
                record(isRefusal(cause) ? "refused" : "failure");
            }

            @Override
            public void reportIgnored() {
                // every processor sees every event; the ones it has no handler for are not worth a timer each
            }

            private void record(String outcome) {
                Timer.Builder timer = Timer.builder(name).tag(payloadTag, payload).tag("outcome", outcome);
                if (componentTag != null) {
                    timer.tag(componentTag, component);
                }
                timer.register(registry.get()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        };
    }

    private static boolean isRefusal(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof Refusal) {
                return true;
            }
        }
        return false;
    }
}
