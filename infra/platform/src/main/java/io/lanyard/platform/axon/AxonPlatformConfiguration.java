package io.lanyard.platform.axon;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;

import io.lanyard.platform.messaging.IntegrationPublishing;

/**
 * Axon on PostgreSQL the Lanyard way: the JDBC storage engine over Flyway-owned tables with snake_case names and
 * {@code bytea} payloads, read models updated in the command's own transaction, and one pooled streaming processor
 * that publishes integration events to Kafka.
 */
// Axon 4.13 orders its JDBC and transaction auto-configurations after Boot 3's class names; sitting between
// Boot 4's data source configurations and Axon's puts Axon after the DataSource it needs.
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = {JdbcAutoConfiguration.class, TransactionAutoConfiguration.class, AxonAutoConfiguration.class})
@EnableConfigurationProperties(AxonPlatformProperties.class)
public class AxonPlatformConfiguration {

    /** Name of the snapshot trigger aggregates refer to in {@code @Aggregate(snapshotTriggerDefinition = ...)}. */
    public static final String SNAPSHOT_TRIGGER = "lanyardSnapshotTrigger";
    /** Name of the aggregate cache aggregates refer to in {@code @Aggregate(cache = ...)}. */
    public static final String AGGREGATE_CACHE = "lanyardAggregateCache";

    @Bean
    static LazyTransactionsPostProcessor lazyTransactionsPostProcessor() {
        return new LazyTransactionsPostProcessor();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Axon names a token owner after the JVM (pid@host). Two contexts in one JVM, or two containers that share a
     * pid and hostname, would both believe they hold the same claims and both publish every event; a node id of
     * its own per application context keeps segment ownership exclusive.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          ProcessorNode node) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .nodeId(node.id())
                .build();
    }

    @Bean
    ProcessorNode processorNode() {
        return new ProcessorNode(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    @Bean
    SegmentBalancer publisherSegmentBalancer(EventProcessingConfiguration processing, JdbcClient jdbc,
                                             ProcessorNode node, AxonPlatformProperties properties) {
        return new SegmentBalancer(processing, jdbc, IntegrationPublishing.PROCESSING_GROUP, node.id(),
                properties.balanceInterval());
    }

    /** This application context's name as an owner of token claims. */
    record ProcessorNode(String id) {
    }

    /**
     * Axon's default snapshotter runs in the committing thread, before the aggregate's lock is released, and takes
     * a second database connection. In a rush on one aggregate the queued commands can hold the rest of the pool,
     * and the lock holder waits for a connection only its waiters could give back. Snapshots are therefore taken
     * on a thread of their own (found by the volunteering rush test).
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(
                        Thread.ofPlatform().name("lanyard-snapshotter").daemon(true).factory()))
                .build();
    }

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition lanyardSnapshotTrigger(Snapshotter snapshotter, AxonPlatformProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    @Bean(AGGREGATE_CACHE)
    Cache lanyardAggregateCache(AxonPlatformProperties properties) {
        return properties.cacheAggregates() ? new BoundedAggregateCache(properties.aggregateCacheSize()) : NoCache.INSTANCE;
    }

    /**
     * Axon's command bus as its auto-configuration would build it, with group commit for hot aggregates and
     * bounded, first-come-first-served admission to them ({@link GroupCommitCommandBus}).
     */
    @Bean(destroyMethod = "")
    @Qualifier("localSegment")
    GroupCommitCommandBus commandBus(TransactionManager transactionManager,
                                     org.axonframework.config.Configuration axonConfiguration,
                                     DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                                     AxonPlatformProperties properties, ObjectProvider<MeterRegistry> meters) {
        GroupCommitCommandBus bus = new GroupCommitCommandBus(SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus")),
                transactionManager, properties.groupMaxBatch(), properties.admissionQueueLimit(),
                properties.admissionRetryAfter(), meters.getIfAvailable());
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return bus;
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider traceparentCorrelation() {
        return new SimpleCorrelationDataProvider(TraceHeaders.TRACEPARENT);
    }

    @Bean
    ConfigurerModule lanyardEventProcessing(AxonPlatformProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> {
            // A failing projection must fail the command, never leave a read model silently behind.
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            processing.usingSubscribingEventProcessors();
            processing.registerPooledStreamingEventProcessor(
                    IntegrationPublishing.PROCESSING_GROUP,
                    config -> publisherSource(config, properties),
                    (config, builder) -> builder
                            .batchSize(properties.publisherBatchSize())
                            .initialSegmentCount(properties.publisherSegments()));
        });
    }

    private static CommitWakingEventSource publisherSource(org.axonframework.config.Configuration config,
                                                           AxonPlatformProperties properties) {
        CommitWakingEventSource source = new CommitWakingEventSource(config.eventStore(),
                config.getComponent(EventStorageEngine.class), properties.publisherPollInterval());
        config.onShutdown(source::close);
        return source;
    }
}
