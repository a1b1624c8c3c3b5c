package io.lanyard.dinners.seating.automation.whenholdexpires;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;

import io.lanyard.dinners.DinnersTestSupport;
import io.lanyard.testsupport.ServiceTest;

@ServiceTest(properties = "spring.config.name=dinners")
class DeadlineManagerWiringTest extends DinnersTestSupport {

    @Autowired
    DeadlineManager deadlineManager;

    @Autowired
    Scheduler scheduler;

    @Autowired
    @Qualifier("deadlineDetailsTask")
    Task<?> deadlineTask;

    @Test
    void hold_expiry_deadlines_are_kept_in_the_database_by_db_scheduler() {
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(scheduler.getSchedulerState().isStarted()).isTrue();
    }

    @Test
    void a_hold_expiry_that_failed_is_tried_again_within_moments_not_minutes() {
        assertThat(deadlineTask.getName()).isEqualTo("AxonDeadline");
        assertThat(deadlineTask.getFailureHandler())
                .isInstanceOf(FailureHandler.ExponentialBackoffFailureHandler.class);
    }
}
