package io.lanyard.platform.axon;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.AxonTransientException;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.lanyard.platform.problems.RefusedInTransaction;

/**
 * Axon's simple command bus with group commit for hot aggregates. A {@link DecidedTogether} command whose aggregate
 * is already being decided on waits in that aggregate's queue instead of on its lock; when the decision in progress
 * has committed, the first waiter takes every command queued behind it (up to {@code maxBatch}) into one unit of
 * work and one transaction: each is handled in turn against the state the ones before it left, each gets its own
 * answer (its result, or its own refusal), and all their events are appended and projected in one commit. A queue
 * of one is the ordinary path. Commands are decided in the order they arrived, and a queue longer than
 * {@code queueLimit} refuses newcomers at once ({@link AggregateBusyException}) rather than letting them wait long.
 * <p>
 * What keeps the guarantees (docs/architecture.md, "Group commit"):
 * <ul>
 * <li>The aggregate is loaded once, under its lock, and every command in the batch sees the events of those before
 * it, so the rules hold as if they had run one after another: nothing is oversold.</li>
 * <li>A checked refusal changes nothing and rolls nothing back; its caller gets it, the others their results.</li>
 * <li>When one command's fault rolls the batch back (an unchecked failure of its handler, a unique index that caught
 * its repeat at commit), every command of the batch is decided again on its own, in its own unit of work, as it
 * would have been without group commit: one caller's failure never becomes another's.</li>
 * <li>When the append collided with another instance's on the sequence number, every caller gets the collision and
 * {@link Commands} tries each again, from the store; a database that is away fails them all at once.</li>
 * </ul>
 * Only commands sent outside any transaction or unit of work are grouped: one sent from inside a caller's
 * transaction belongs to that transaction, and its handler runs on the caller's thread as before.
 */
public class GroupCommitCommandBus extends SimpleCommandBus {

    private static final ClassValue<Boolean> DECIDED_TOGETHER = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isAnnotationPresent(DecidedTogether.class);
        }
    };

    private final TransactionManager transactionManager;
    private final List<MessageHandlerInterceptor<? super CommandMessage<?>>> handlerInterceptors =
            new CopyOnWriteArrayList<>();
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final int maxBatch;
    private final int queueLimit;
    private final Duration retryAfter;
    private final DistributionSummary batchSizes;
    private final Counter turnedAway;
    private volatile RollbackConfiguration rollbackConfiguration = RollbackConfigurationType.UNCHECKED_EXCEPTIONS;

    public GroupCommitCommandBus(Builder builder, TransactionManager transactionManager, int maxBatch,
                                 int queueLimit, Duration retryAfter, MeterRegistry meters) {
        super(builder.transactionManager(transactionManager));
        if (maxBatch < 1 || queueLimit < 0) {
            throw new IllegalArgumentException("maxBatch must be at least 1 and queueLimit not negative");
        }
        this.transactionManager = transactionManager;
        this.maxBatch = maxBatch;
        this.queueLimit = queueLimit;
        this.retryAfter = retryAfter;
        MeterRegistry registry = meters != null ? meters : new SimpleMeterRegistry();
        this.batchSizes = DistributionSummary.builder("lanyard.commands.group.size")
                .description("commands decided in one unit of work and one commit")
                .register(registry);
        this.turnedAway = Counter.builder("lanyard.commands.admission.refused")
                .description("commands refused at once because too many already waited for their aggregate")
                .register(registry);
        Gauge.builder("lanyard.commands.admission.waiting", lanes,
                        all -> all.values().stream().mapToInt(Lane::waiting).sum())
                .description("commands queued behind a decision in progress on their aggregate")
                .register(registry);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        Registration registration = super.registerHandlerInterceptor(handlerInterceptor);
        handlerInterceptors.add(handlerInterceptor);
        return () -> {
            handlerInterceptors.remove(handlerInterceptor);
            return registration.cancel();
        };
    }

    @Override
    public void setRollbackConfiguration(RollbackConfiguration rollbackConfiguration) {
        super.setRollbackConfiguration(rollbackConfiguration);
        this.rollbackConfiguration = rollbackConfiguration;
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        String target = groupTarget(command);
        if (target == null) {
            super.handle(command, handler, callback);
            return;
        }
        Pending pending = new Pending(command, handler, callback);
        Lane lane;
        while (true) {
            lane = lanes.computeIfAbsent(target, t -> new Lane());
            Admission admission = lane.admit(pending, queueLimit);
            if (admission == Admission.RETIRED) {
                continue;
            }
            if (admission == Admission.REFUSED) {
                turnedAway.increment();
                pending.answer(GenericCommandResultMessage.asCommandResultMessage(
                        new AggregateBusyException(queueLimit, retryAfter)));
                pending.deliver();
                return;
            }
            if (admission == Admission.QUEUED && !pending.awaitTurn()) {
                pending.deliver();
                return;
            }
            break;
        }
        lead(target, lane, pending);
    }

    /** Null for a command decided on its own: not marked, without a target, or inside a caller's transaction. */
    private String groupTarget(CommandMessage<?> command) {
        if (!DECIDED_TOGETHER.get(command.getPayloadType())
                || CurrentUnitOfWork.isStarted()
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }

    /** Decides the leader's command with all queued behind it, then hands the lead to whoever queued meanwhile. */
    private void lead(String target, Lane lane, Pending leader) {
        List<Pending> batch = lane.drain(leader, maxBatch);
        try {
            decide(batch);
        } finally {
            Pending next = lane.passOn();
            if (next == null) {
                lanes.remove(target, lane);
            } else {
                next.lead();
            }
            for (Pending member : batch) {
                if (member != leader) {
                    member.done();
                }
            }
        }
        leader.deliver();
    }

    private void decide(List<Pending> batch) {
        batchSizes.record(batch.size());
        if (batch.size() == 1) {
            decideAlone(batch.getFirst());
            return;
        }
        List<CommandMessage<?>> messages = new ArrayList<>(batch.size());
        batch.forEach(member -> messages.add(member.command));
        BatchingUnitOfWork<CommandMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.attachTransaction(transactionManager);
        int[] turn = {0};
        ResultMessage<?> outcome = unitOfWork.executeWithResult(() -> {
            Pending member = batch.get(turn[0]++);
            try {
                Object result = new DefaultInterceptorChain<>(unitOfWork, handlerInterceptors, member.handler)
                        .proceed();
                member.answer(GenericCommandResultMessage.asCommandResultMessage(result));
                return result;
            } catch (Exception | Error e) {
                member.answer(GenericCommandResultMessage.asCommandResultMessage(e));
                throw e;
            }
        }, rollbackConfiguration);
        if (!unitOfWork.isRolledBack()) {
            return;
        }
        Throwable cause = outcome.exceptionResult();
        if (oneCommandsFault(cause)) {
            batch.forEach(this::decideAlone);
            return;
        }
        CommandResultMessage<?> failure = GenericCommandResultMessage.asCommandResultMessage(cause);
        batch.forEach(member -> member.answer(failure));
    }

    /**
     * Whether what rolled the batch back belongs to one of its commands (a handler's bug, a unique index that caught
     * one caller's repeat), so that the others deserve to be decided without it. A collision with another
     * instance's append, or a database that is away, would fail each of them alone too: they all get it at once
     * ({@link Commands} retries collisions), not one connection timeout after another.
     */
    private static boolean oneCommandsFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RefusedInTransaction || t instanceof DataIntegrityViolationException) {
                return true;
            }
            if (t instanceof ConcurrencyException || t instanceof AxonTransientException
                    || t instanceof DataAccessException || t instanceof TransactionException
                    || t instanceof SQLException) {
                return false;
            }
        }
        return true;
    }

    /** The command in a unit of work of its own, exactly as the simple command bus would handle it. */
    private void decideAlone(Pending member) {
        super.handle(member.command, member.handler, (command, result) -> member.answer(result));
    }

    private enum Admission { LEAD, QUEUED, REFUSED, RETIRED }

    /** The commands waiting for one aggregate while a decision on it is in progress. */
    private static final class Lane {

        private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        private boolean busy;
        private boolean retired;

        synchronized Admission admit(Pending pending, int queueLimit) {
            if (retired) {
                return Admission.RETIRED;
            }
            if (!busy) {
                busy = true;
                return Admission.LEAD;
            }
            if (waiting.size() >= queueLimit) {
                return Admission.REFUSED;
            }
            waiting.add(pending);
            return Admission.QUEUED;
        }

        synchronized int waiting() {
            return waiting.size();
        }

        synchronized List<Pending> drain(Pending leader, int maxBatch) {
            List<Pending> batch = new ArrayList<>(Math.min(maxBatch, waiting.size() + 1));
            batch.add(leader);
            while (batch.size() < maxBatch && !waiting.isEmpty()) {
                batch.add(waiting.poll());
            }
            return batch;
        }

        /** The next leader, or null when nobody waits (the lane is then retired: a newcomer makes a new one). */
        synchronized Pending passOn() {
            Pending next = waiting.poll();
            if (next == null) {
                busy = false;
                retired = true;
            }
            return next;
        }
    }

    /** One caller's command, and how its turn ends: it leads a batch, or another caller's batch answered it. */
    private static final class Pending {

        private final CommandMessage<?> command;
        private final MessageHandler<? super CommandMessage<?>> handler;
        @SuppressWarnings("rawtypes")
        private final CommandCallback callback;
        private final CompletableFuture<Boolean> turn = new CompletableFuture<>();
        private CommandResultMessage<?> result;

        Pending(CommandMessage<?> command, MessageHandler<? super CommandMessage<?>> handler,
                CommandCallback<?, ?> callback) {
            this.command = command;
            this.handler = handler;
            this.callback = callback;
        }

        void answer(CommandResultMessage<?> result) {
            this.result = result;
        }

        /** True when this caller is to lead the next batch, false when another's batch answered it. */
        boolean awaitTurn() {
            return turn.join();
        }

        void lead() {
            turn.complete(Boolean.TRUE);
        }

        void done() {
            turn.complete(Boolean.FALSE);
        }

        /** The answer goes back on the caller's own thread. */
        @SuppressWarnings("unchecked")
        void deliver() {
            callback.onResult(command, result != null ? result : GenericCommandResultMessage.asCommandResultMessage(
                    new IllegalStateException("the command's batch ended without deciding it")));
        }
    }
}
