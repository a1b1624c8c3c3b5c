package io.lanyard.dinners.seating.automation.whenholdexpires;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import io.lanyard.dinners.DinnersTestSupport;
import io.lanyard.dinners.seating.HoldExpiry;
import io.lanyard.testsupport.ServiceTest;

@ServiceTest(properties = "spring.config.name=dinners")
class DeadlineManagerWiringTest extends DinnersTestSupport {

    /** db-scheduler's own multiplier for {@code ExponentialBackoffFailureHandler}: each pause 1.5 times the last. */
    private static final double BACKOFF = 1.5;

    @Autowired
    DeadlineManager deadlineManager;

    @Autowired
    Scheduler scheduler;

    @Autowired
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineTask;

    @Autowired
    DeadlineSchedulerProperties deadlines;

    @Test
    void hold_expiry_deadlines_are_kept_in_the_database_by_db_scheduler() {
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(scheduler.getSchedulerState().isStarted()).isTrue();
    }

    /**
     * A deadline whose scope cannot be read fails in Axon's deadline task as any failing hold expiry does (a
     * collision with another instance, the database away), so the scheduler's answer to it is the one a hold's
     * expiry gets: the next attempt {@code failure-retry-delay} after the failure, and the one after that later still.
     */
    @Test
    void a_hold_expiry_that_failed_is_tried_again_after_the_configured_first_delay_not_minutes() {
        assertThat(deadlineTask.getName()).as("the task DbSchedulerDeadlineManager schedules every deadline as")
                .isEqualTo("AxonDeadline");
        assertThat(deadlines.failureRetryDelay()).as("lanyard.dinners.deadlines.failure-retry-delay")
                .isEqualTo(Duration.ofMillis(500));
        TaskInstance<DbSchedulerBinaryDeadlineDetails> failing = deadlineTask.instance(
                "failing-" + UUID.randomUUID(), new DbSchedulerBinaryDeadlineDetails(HoldExpiry.DEADLINE,
                        "not a scope".getBytes(StandardCharsets.UTF_8), AggregateScopeDescriptor.class.getName(),
                        "{}".getBytes(StandardCharsets.UTF_8), HoldExpiry.class.getName(), null,
                        "{}".getBytes(StandardCharsets.UTF_8)));
        scheduler.schedule(failing, Instant.now());
        try {
            ScheduledExecution<Object> first = awaitFailures(failing, 1,
                    deadlines.pollingInterval().plus(Duration.ofSeconds(10)));
            assertThat(Duration.between(first.getLastFailure(), first.getExecutionTime()))
                    .as("the pause after the first failure").isEqualTo(deadlines.failureRetryDelay());

            ScheduledExecution<Object> second = awaitFailures(failing, 2, Duration.between(Instant.now(),
                    first.getExecutionTime().plus(deadlines.pollingInterval()).plus(Duration.ofSeconds(2))));
            assertThat(second.getLastFailure()).as("tried again when due, at the scheduler's next look")
                    .isAfterOrEqualTo(first.getExecutionTime())
                    .isBefore(first.getExecutionTime().plus(deadlines.pollingInterval()).plusSeconds(2));
            assertThat(Duration.between(second.getLastFailure(), second.getExecutionTime()))
                    .as("the pause after the second failure is longer")
                    .isEqualTo(Duration.ofMillis(Math.round(deadlines.failureRetryDelay().toMillis() * BACKOFF)));
        } finally {
            await("the failing deadline removed").atMost(Duration.ofSeconds(30)).until(() -> removed(failing));
        }
    }

    /**
     * Waits until the execution has failed {@code failures} times in a row and returns it as it was then: read
     * every 20 ms, well within the shortest pause, so no attempt slips by unseen.
     */
    private ScheduledExecution<Object> awaitFailures(TaskInstance<?> instance, int failures, Duration atMost) {
        AtomicReference<ScheduledExecution<Object>> seen = new AtomicReference<>();
        await("failure " + failures + " of " + instance.getId())
                .atMost(atMost.isNegative() ? Duration.ZERO : atMost)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    ScheduledExecution<Object> execution = scheduler.getScheduledExecution(instance).orElseThrow();
                    assertThat(execution.getConsecutiveFailures()).as("failures of %s so far", instance.getId())
                            .isLessThanOrEqualTo(failures);
                    seen.set(execution);
                    return execution.getConsecutiveFailures() == failures;
                });
        return seen.get();
    }

    /** Cancelled, or gone already; one the scheduler is running just now is cancelled at the next try. */
    private boolean removed(TaskInstance<?> instance) {
        try {
            scheduler.cancel(instance);
            return true;
        } catch (TaskInstanceNotFoundException gone) {
            return true;
        } catch (TaskInstanceCurrentlyExecutingException running) {
            return false;
        }
    }
}
