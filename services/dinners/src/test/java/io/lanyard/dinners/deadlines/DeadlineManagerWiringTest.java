package io.lanyard.dinners.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.kagkarlsson.scheduler.Scheduler;

import io.lanyard.dinners.DinnersTestSupport;
import io.lanyard.testsupport.ServiceTest;

@ServiceTest(properties = "spring.config.name=dinners")
class DeadlineManagerWiringTest extends DinnersTestSupport {

    @Autowired
    DeadlineManager deadlineManager;

    @Autowired
    Scheduler scheduler;

    @Test
    void hold_expiry_deadlines_are_kept_in_the_database_by_db_scheduler() {
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(scheduler.getSchedulerState().isStarted()).isTrue();
    }
}
