package io.lanyard.dinners.seating.automation.whenholdexpires;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollingInterval   how often the scheduler looks for due deadlines: a hold ends at most this late
 * @param threads           deadlines handled in parallel
 * @param shutdownWait      how long a stopping service lets running deadlines finish
 * @param failureRetryDelay the first pause before a failed deadline is tried again; each further one is longer
 * @param heartbeatInterval how often a running deadline says it is alive; one whose process died is taken over
 *                          after six missed heartbeats
 */
@ConfigurationProperties("lanyard.dinners.deadlines")
record DeadlineSchedulerProperties(@DefaultValue("2s") Duration pollingInterval,
                                          @DefaultValue("4") int threads,
                                          @DefaultValue("10s") Duration shutdownWait,
                                          @DefaultValue("500ms") Duration failureRetryDelay,
                                          @DefaultValue("10s") Duration heartbeatInterval) {
}
