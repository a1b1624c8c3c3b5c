package io.lanyard.devstack;

import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Configuration;

/**
 * Counts the commands of a service whose unit of work rolled back on a {@link ConcurrencyException}: an append that
 * collided with another instance's on the aggregate's sequence number. Services started with it as an extra source
 * report how often that happened, so a test can show that collisions occurred and that no request failed of them.
 */
@Configuration(proxyBeanMethods = false)
class Collisions {

    private final AtomicInteger count = new AtomicInteger();

    Collisions(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            unitOfWork.onRollback(rolledBack -> {
                for (Throwable t = rolledBack.getExecutionResult().getExceptionResult(); t != null; t = t.getCause()) {
                    if (t instanceof ConcurrencyException) {
                        count.incrementAndGet();
                        return;
                    }
                }
            });
            return chain.proceed();
        });
    }

    int count() {
        return count.get();
    }
}
