package io.lanyard.dinners.seating.automation.whenholdexpires;

import java.util.List;

import javax.sql.DataSource;

import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * Hold expiry is a deadline that must survive a restart, so the deadline manager keeps it in PostgreSQL with
 * db-scheduler. Declaring the {@link Scheduler} here is what switches Axon's {@code AxonDbSchedulerAutoConfiguration}
 * on: it adds the deadline task and a {@code DbSchedulerDeadlineManager} in place of the in-memory default.
 * <p>
 * Not the db-scheduler Spring Boot starter: the devstack runs all four services on one classpath, where the
 * starter would give every service a scheduler polling a table only dinners has, and it orders itself after
 * Boot 3's data source configuration, a class Boot 4 no longer has.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineSchedulerConfiguration {

    /**
     * Through the transaction-aware proxy a deadline is written in the transaction of the command that set it, so
     * a hold and its expiry are stored together or not at all. A deadline picked by a process that then died is
     * revived once its heartbeats stop (six of {@code heartbeat-interval}, a minute by default, instead of
     * db-scheduler's half hour), so a hold whose expiry was running in a killed process still ends.
     */
    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, DeadlineSchedulerProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .pollingInterval(properties.pollingInterval())
                .threads(properties.threads())
                .shutdownMaxWait(properties.shutdownWait())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(6)
                .build();
    }

    /**
     * Axon's deadline task, except that a deadline that failed is tried again within moments rather than after
     * db-scheduler's default of five minutes. With two instances, a hold's expiry often runs against a cached
     * {@code Dinner} the other instance has moved on and its append collides ({@code ConcurrencyException}); the
     * rollback evicted the stale copy, so the next attempt decides from the store. The pause grows, so a deadline
     * that keeps failing does not spin. Found by {@code SeparateProcessesTest}: holds ended five minutes late.
     */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context,
                                                               DeadlineSchedulerProperties properties) {
        Task<DbSchedulerBinaryDeadlineDetails> axon =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return new Tasks.OneTimeTaskBuilder<>(axon.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.failureRetryDelay()))
                .execute(axon::execute);
    }

    /**
     * Axon's deadline manager leaves starting and stopping the scheduler to the application. It starts last, once
     * the aggregates it delivers deadlines to are ready, and stops first.
     */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE;
            }
        };
    }
}
