package io.lanyard.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Commands that queue for a busy aggregate are decided together: one unit of work, one commit, each its own answer,
 * in the order they came; beyond the queue's bound a newcomer is turned away at once.
 */
class GroupCommitCommandBusTest {

    @DecidedTogether
    record Sell(@TargetAggregateIdentifier String segment, String buyer) {
    }

    record Count(@TargetAggregateIdentifier String segment) {
    }

    static final class SoldOut extends Refusal {
        SoldOut() {
            super(ProblemSlug.SOLD_OUT, "sold out");
        }
    }

    /** Counts commits and rollbacks; the commit numbered {@link #collideAt} fails like a collided append. */
    static final class CountingTransactions implements TransactionManager {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();
        volatile int collideAt = -1;

        @Override
        public Transaction startTransaction() {
            int number = started.incrementAndGet();
            return new Transaction() {
                @Override
                public void commit() {
                    if (number == collideAt) {
                        throw new ConcurrencyException("another instance appended first");
                    }
                    commits.incrementAndGet();
                }

                @Override
                public void rollback() {
                    rollbacks.incrementAndGet();
                }
            };
        }
    }

    private final CountingTransactions transactions = new CountingTransactions();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GroupCommitCommandBus bus = new GroupCommitCommandBus(SimpleCommandBus.builder(), transactions,
            3, 6, Duration.ofMillis(1500), meters);
    private final Commands commands = new Commands(DefaultCommandGateway.builder().commandBus(bus).build());
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstEntered = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    GroupCommitCommandBusTest() {
        bus.subscribe(Sell.class.getName(), message -> {
            String buyer = ((Sell) message.getPayload()).buyer();
            handled.add(buyer);
            if (buyer.equals("first")) {
                firstEntered.countDown();
                releaseFirst.await();
            }
            if (buyer.startsWith("refused")) {
                throw new SoldOut();
            }
            if (buyer.startsWith("bug")) {
                throw new IllegalStateException("a handler's bug");
            }
            return "sold to " + buyer;
        });
        bus.subscribe(Count.class.getName(), message -> "counted");
    }

    @AfterEach
    void stopCallers() {
        releaseFirst.countDown();
        callers.shutdownNow();
    }

    /** Sends "first", which holds the aggregate until released, then each buyer in turn once the one before queued. */
    private List<Future<Object>> queueBehindFirst(String... buyers) throws InterruptedException {
        List<Future<Object>> answers = new ArrayList<>();
        answers.add(callers.submit(() -> commands.sendOrRefuse(new Sell("s", "first"))));
        assertThat(firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < buyers.length; i++) {
            String buyer = buyers[i];
            answers.add(callers.submit(() -> commands.sendOrRefuse(new Sell("s", buyer))));
            int queued = i + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> waiting() == queued);
        }
        return answers;
    }

    /** Commands queued behind a decision in progress, as the bus reports them. */
    private int waiting() {
        return (int) meters.get("lanyard.commands.admission.waiting").gauge().value();
    }

    private static List<Object> outcomes(List<Future<Object>> answers) {
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> answer : answers) {
            try {
                outcomes.add(answer.get(10, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                outcomes.add(e.getCause().getClass().getSimpleName());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return outcomes;
    }

    @Test
    void commands_queued_behind_a_decision_are_decided_together_in_arrival_order_a_batch_at_most_at_a_time()
            throws Exception {
        List<Future<Object>> answers = queueBehindFirst("b1", "b2", "b3", "b4", "b5");
        releaseFirst.countDown();

        assertThat(outcomes(answers)).containsExactly("sold to first", "sold to b1", "sold to b2", "sold to b3",
                "sold to b4", "sold to b5");
        assertThat(handled).containsExactly("first", "b1", "b2", "b3", "b4", "b5");
        // first alone; then the five that queued meanwhile, three to a batch
        assertThat(transactions.commits).hasValue(3);
        assertThat(transactions.rollbacks).hasValue(0);
    }

    @Test
    void a_refusal_in_a_batch_is_its_callers_answer_and_the_others_commit_with_it() throws Exception {
        List<Future<Object>> answers = queueBehindFirst("b1", "refused", "b2");
        releaseFirst.countDown();

        assertThat(outcomes(answers)).containsExactly("sold to first", "sold to b1", "SoldOut", "sold to b2");
        assertThat(transactions.commits).hasValue(2);
        assertThat(transactions.rollbacks).hasValue(0);
    }

    @Test
    void one_commands_failure_rolls_its_batch_back_and_the_others_are_decided_again_on_their_own() throws Exception {
        List<Future<Object>> answers = queueBehindFirst("b1", "bug", "b2");
        releaseFirst.countDown();

        assertThat(outcomes(answers)).containsExactly("sold to first", "sold to b1", "IllegalStateException",
                "sold to b2");
        assertThat(handled).containsExactly("first", "b1", "bug", "b1", "bug", "b2");
        // first; the batch rolled back at the bug; then b1, bug and b2 each in a unit of work of its own
        assertThat(transactions.commits).hasValue(3);
        assertThat(transactions.rollbacks).hasValue(2);
    }

    @Test
    void a_batch_whose_append_collided_answers_every_caller_with_the_collision_and_commands_retries_each()
            throws Exception {
        transactions.collideAt = 2;
        List<Future<Object>> answers = queueBehindFirst("b1", "b2");
        releaseFirst.countDown();

        assertThat(outcomes(answers)).containsExactly("sold to first", "sold to b1", "sold to b2");
        // the collided batch once, then b1 and b2 again after Commands' pause
        assertThat(handled).hasSize(5).containsSubsequence("first", "b1", "b2");
        assertThat(transactions.rollbacks).hasValue(1);
    }

    @Test
    void a_queue_at_its_bound_turns_a_newcomer_away_at_once_with_when_to_come_back() throws Exception {
        List<Future<Object>> answers = queueBehindFirst("b1", "b2", "b3", "b4", "b5", "b6");

        assertThatThrownBy(() -> commands.sendOrRefuse(new Sell("s", "b7")))
                .isInstanceOfSatisfying(AggregateBusyException.class,
                        busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofMillis(1500)));
        releaseFirst.countDown();
        assertThat(outcomes(answers)).hasSize(7).allSatisfy(answer -> assertThat(answer).isNotEqualTo("sold to b7"));
        assertThat(handled).doesNotContain("b7");
    }

    @Test
    void commands_not_marked_to_be_decided_together_do_not_queue() throws Exception {
        List<Future<Object>> answers = queueBehindFirst("b1");

        Object counted = callers.submit(() -> commands.send(new Count("s"))).get(10, TimeUnit.SECONDS);
        assertThat(counted).isEqualTo("counted");
        assertThat(answers.getFirst().isDone()).isFalse();
        releaseFirst.countDown();
        assertThat(outcomes(answers)).containsExactly("sold to first", "sold to b1");
    }

    @Test
    void a_command_sent_inside_a_callers_unit_of_work_is_not_queued() throws Exception {
        queueBehindFirst();
        Future<Object> inside = callers.submit(() -> {
            DefaultUnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(null);
            try {
                return commands.sendOrRefuse(new Sell("s", "inside"));
            } finally {
                outer.commit();
            }
        });
        assertThat(inside.get(10, TimeUnit.SECONDS)).isEqualTo("sold to inside");
        assertThat(waiting()).isZero();
    }
}
