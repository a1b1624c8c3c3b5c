package io.lanyard.devstack;

import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;

/**
 * A consumer reaction that appends a row per delivery it acts on, with no uniqueness of its own: if the inbox let
 * a redelivered record through, the ledger would show the attendee twice.
 */
@Configuration(proxyBeanMethods = false)
class EffectLedger {

    @Bean
    IntegrationEventSubscriber effectLedgerSubscriber(JdbcClient jdbc) {
        jdbc.sql("create table if not exists test_effect_ledger (attendee_id uuid not null)").update();
        return subscriptions -> subscriptions.on(AttendeeRegistered.class, e ->
                jdbc.sql("insert into test_effect_ledger (attendee_id) values (?)").param(e.attendeeId()).update());
    }

    static long effects(RunningService service, UUID attendeeId) {
        return service.bean(JdbcClient.class)
                .sql("select count(*) from test_effect_ledger where attendee_id = ?")
                .param(attendeeId).query(Long.class).single();
    }
}
