package io.lanyard.volunteering;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.annotation.Bean;

/**
 * Axon's default snapshotter runs in the committing thread, after the commit but before the aggregate's lock is
 * released, and takes a second database connection. In a rush on one shift every other sign-up holds a connection
 * while it waits for that lock, so the pool can run dry and the lock holder waits for a connection that only its
 * own waiters could give back. Snapshots are therefore taken on a thread of their own.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class SnapshotterConfiguration {

    @Bean
    ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("volunteering-snapshotter").daemon(true)
                .factory());
    }

    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory,
                                                    ExecutorService snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }
}
