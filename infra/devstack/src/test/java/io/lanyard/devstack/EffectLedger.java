package io.lanyard.devstack;

import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;

/**
 * A consumer reaction that appends a row per delivery it acts on, with no uniqueness of its own: if the inbox let
 * a redelivered record through, the ledger would show the attendee twice. Child JVMs pick it up through
 * {@code spring.main.sources}.
 */
@Configuration(proxyBeanMethods = false)
class EffectLedger {

    static final String REGISTERED = "AttendeeRegistered";
    static final String CANCELLED = "AttendeeCancelled";

    @Bean
    IntegrationEventSubscriber effectLedgerSubscriber(JdbcClient jdbc) {
        // two instances of a service start together on one database; the lock keeps their DDL from colliding
        jdbc.sql("""
                do $$ begin
                    perform pg_advisory_xact_lock(8008);
                    create table if not exists test_effect_ledger (attendee_id uuid not null, event text not null);
                end $$""").update();
        return subscriptions -> subscriptions
                .project(AttendeeRegistered.class, e -> record(jdbc, e.attendeeId(), REGISTERED))
                .project(AttendeeCancelled.class, e -> record(jdbc, e.attendeeId(), CANCELLED));
    }

    private static void record(JdbcClient jdbc, UUID attendeeId, String event) {
        jdbc.sql("insert into test_effect_ledger (attendee_id, event) values (?, ?)").param(attendeeId).param(event)
                .update();
    }

    static long effects(RunningService service, UUID attendeeId) {
        return effects(service.bean(JdbcClient.class), attendeeId, REGISTERED);
    }

    static long effects(JdbcClient database, UUID attendeeId, String event) {
        return database.sql("select count(*) from test_effect_ledger where attendee_id = ? and event = ?")
                .param(attendeeId).param(event).query(Long.class).single();
    }
}
