package io.lanyard.platform.axon;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.lanyard.platform.tracing.TraceContexts;
import io.lanyard.platform.problems.Refusal;

/**
 * Sends a command and waits for it, carrying the trace context into the command's metadata so that the events it
 * causes, and the Kafka records made from them, belong to the same trace: the span in scope (the HTTP request's
 * server span, itself a child of an incoming {@code traceparent}), or with tracing off the caller's header as is.
 * <p>
 * A command that lost a race with another instance of the service (its append collided with theirs, usually
 * because this instance decided from a cached aggregate the other had moved on) is tried again: the rollback
 * evicted the stale copy, so the next attempt decides from the store. Found by {@code SeparateProcessesTest}, where
 * every other request of a dinner rush over two processes answered 500, and with retries at once still one in 60.
 */
public class Commands {

    /**
     * Attempts for a command that keeps colliding with other instances' appends to the same aggregate. Between
     * them a growing, jittered pause: in a rush the instance whose cache is current drains its queue fastest, and
     * a loser that retried at once would collide with each of its appends in turn.
     */
    static final int ATTEMPTS = 8;
    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(5).toNanos();

    private final CommandGateway gateway;
    private final TraceContexts traces;

    public Commands(CommandGateway gateway) {
        this(gateway, TraceContexts.disabled());
    }

    public Commands(CommandGateway gateway, TraceContexts traces) {
        this.gateway = gateway;
        this.traces = traces;
    }

    public <R> R send(Object command) {
        MetaData metaData = traceMetaData();
        if (!ownsItsTransaction()) {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        }
        return retried(() -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)));
    }

    /** Work that sends commands in a transaction of its own, and may be refused. */
    @FunctionalInterface
    public interface Attempt<R> {
        R run() throws Refusal;
    }

    /**
     * Runs {@code attempt} again when its append collided with another instance's: for work that opens its own
     * transaction around several steps (a {@code @Transactional} method that takes locks and sends a command), called
     * from outside any transaction.
     */
    public <R> R retryingCollisions(Attempt<R> attempt) throws Refusal {
        return retried(attempt::run);
    }

    private interface Work<R, X extends Exception> {
        R run() throws X;
    }

    private static <R, X extends Exception> R retried(Work<R, X> work) throws X {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (ConcurrencyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                long pause = FIRST_PAUSE_NANOS << (attempt - 1);
                LockSupport.parkNanos(pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2));
            }
        }
    }

    /**
     * Only a command in a transaction of its own can be tried again; inside a caller's unit of work or transaction
     * the failed append has spoilt that transaction, and the caller's own retry (a Kafka reaction's) starts over.
     */
    private static boolean ownsItsTransaction() {
        return !CurrentUnitOfWork.isStarted() && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    /** Like {@link #send}, but hands a refusal back as the checked exception the handler threw. */
    public <R> R sendOrRefuse(Object command) throws Refusal {
        try {
            return send(command);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof Refusal refusal) {
                throw refusal;
            }
            throw e;
        }
    }

    private MetaData traceMetaData() {
        String current = traces.current().orElse(null);
        if (current != null) {
            return MetaData.from(Map.of(TraceHeaders.TRACEPARENT, current));
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            String traceparent = servlet.getRequest().getHeader(TraceHeaders.TRACEPARENT);
            if (traceparent != null) {
                return MetaData.from(Map.of(TraceHeaders.TRACEPARENT, traceparent));
            }
        }
        return MetaData.emptyInstance();
    }
}
