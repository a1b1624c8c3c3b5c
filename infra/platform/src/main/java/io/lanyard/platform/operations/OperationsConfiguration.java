package io.lanyard.platform.operations;

import java.time.Clock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Endpoints for operators (role {@code OPERATOR}): rebuilding read models; dead letters live with messaging. */
@AutoConfiguration
@EnableConfigurationProperties(ReplayProperties.class)
public class OperationsConfiguration {

    @Bean
    ReadModelReplay readModelReplay(ApplicationContext context, EventProcessingConfiguration processing,
                                    EventStorageEngine events, ObjectProvider<org.axonframework.config.Configuration> axon,
                                    @Qualifier("eventSerializer") ObjectProvider<Serializer> eventSerializer,
                                    @Qualifier("serializer") ObjectProvider<Serializer> serializer,
                                    ObjectProvider<PersistenceExceptionResolver> exceptions,
                                    ObjectProvider<ConnectionProvider> connections,
                                    ObjectProvider<TransactionManager> axonTransactions,
                                    ObjectProvider<EventSchema> schema, DataSource dataSource, JdbcClient jdbc,
                                    TransactionTemplate transactions, Clock clock, ReplayProperties properties) {
        // The service's engine fetches 100 events per query, which suits its other readers; a replay reads the
        // whole store, so it reads through a copy of that engine which fetches more per query.
        Supplier<EventStorageEngine> replayEvents = () -> events instanceof JdbcEventStorageEngine
                ? JdbcEventStorageEngine.builder()
                        .snapshotSerializer(serializer.getObject())
                        .upcasterChain(axon.getObject().upcasterChain())
                        .persistenceExceptionResolver(exceptions.getObject())
                        .eventSerializer(eventSerializer.getObject())
                        .snapshotFilter(axon.getObject().snapshotFilter())
                        .connectionProvider(connections.getObject())
                        .transactionManager(axonTransactions.getObject())
                        .schema(schema.getObject())
                        .batchSize(properties.fetchSize())
                        .build()
                : events;
        return new ReadModelReplay(context, processing, replayEvents, dataSource, jdbc, transactions, clock,
                properties.batchSize());
    }

    @Bean
    ReadModelController readModelController(ReadModelReplay replay) {
        return new ReadModelController(replay);
    }
}
