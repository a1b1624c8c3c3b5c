package io.lanyard.dinners.seating.write;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lanyard.platform.axon.MovedTypes;

/**
 * The event store keeps every event's and every snapshot's class name: history written before the packages took
 * the {@code <capability>/write} shape is read as the classes they are now. Every domain event and the aggregate
 * are listed. The hold expiry deadline's payload ({@code seating.HoldExpiry}) did not move: db-scheduler keeps
 * its class name with every pending deadline, and no upcaster reads those.
 */
@Configuration(proxyBeanMethods = false)
class MovedTypesConfiguration {

    @Bean
    MovedTypes movedTypes() {
        return MovedTypes.of("io.lanyard.dinners.seating", Dinner.class, DinnerScheduled.class, TicketHeld.class,
                TicketWaitlisted.class, TicketPromoted.class, TicketConfirmed.class, TicketExpired.class,
                TicketCancelled.class);
    }
}
