package io.lanyard.platform.operations;

import java.time.Clock;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Endpoints for operators (role {@code OPERATOR}): rebuilding read models; dead letters live with messaging. */
@AutoConfiguration
public class OperationsConfiguration {

    @Bean
    ReadModelReplay readModelReplay(ApplicationContext context, EventProcessingConfiguration processing,
                                    EventStorageEngine events, JdbcClient jdbc, TransactionTemplate transactions,
                                    Clock clock) {
        return new ReadModelReplay(context, processing, events, jdbc, transactions, clock);
    }

    @Bean
    ReadModelController readModelController(ReadModelReplay replay) {
        return new ReadModelController(replay);
    }
}
