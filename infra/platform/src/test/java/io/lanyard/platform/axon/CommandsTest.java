package io.lanyard.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/** A command whose append collided with another instance's is decided again, from the store. */
class CommandsTest {

    record Sell(String item) {
    }

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final Commands commands = new Commands(DefaultCommandGateway.builder().commandBus(bus).build());
    private final AtomicInteger attempts = new AtomicInteger();

    private void collideFirst(int collisions) {
        bus.subscribe(Sell.class.getName(), message -> {
            if (attempts.incrementAndGet() <= collisions) {
                throw new ConcurrencyException("another instance appended first");
            }
            return "sold";
        });
    }

    @Test
    void retries_a_command_that_lost_a_race_with_another_instance() {
        collideFirst(2);
        String answer = commands.send(new Sell("seat"));
        assertThat(answer).isEqualTo("sold");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void gives_up_after_a_bounded_number_of_attempts() {
        collideFirst(Integer.MAX_VALUE);
        assertThatThrownBy(() -> commands.send(new Sell("seat"))).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(Commands.ATTEMPTS);
    }

    @Test
    void leaves_the_retry_to_the_caller_inside_its_unit_of_work() {
        collideFirst(1);
        DefaultUnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThatThrownBy(() -> commands.send(new Sell("seat"))).isInstanceOf(ConcurrencyException.class);
            assertThat(attempts).hasValue(1);
        } finally {
            outer.rollback();
        }
    }
}
