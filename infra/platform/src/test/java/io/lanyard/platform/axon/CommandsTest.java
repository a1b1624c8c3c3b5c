package io.lanyard.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/** A command whose append collided with another instance's is decided again, from the store. */
class CommandsTest {

    /** What docs/reliability.md promises: up to 8 attempts, the first pause 5 ms, doubling, jittered below it. */
    private static final int DOCUMENTED_ATTEMPTS = 8;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(5);

    record Sell(String item) {
    }

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final Commands commands = new Commands(DefaultCommandGateway.builder().commandBus(bus).build());
    /** When each attempt reached the handler, in {@link System#nanoTime()}. */
    private final List<Long> attempts = new CopyOnWriteArrayList<>();

    private void collideFirst(int collisions) {
        bus.subscribe(Sell.class.getName(), message -> {
            attempts.add(System.nanoTime());
            if (attempts.size() <= collisions) {
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
        assertThat(attempts).hasSize(3);
    }

    @Test
    void gives_up_after_eight_attempts() {
        collideFirst(Integer.MAX_VALUE);
        assertThatThrownBy(() -> commands.send(new Sell("seat"))).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasSize(DOCUMENTED_ATTEMPTS);
    }

    @Test
    void pauses_between_attempts_for_a_growing_jittered_time() {
        collideFirst(Integer.MAX_VALUE);
        assertThatThrownBy(() -> commands.send(new Sell("seat"))).isInstanceOf(ConcurrencyException.class);

        List<Duration> pauses = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            pauses.add(Duration.ofNanos(attempts.get(i) - attempts.get(i - 1)));
        }
        assertThat(pauses).hasSize(DOCUMENTED_ATTEMPTS - 1);
        boolean someBelowNominal = false;
        for (int i = 0; i < pauses.size(); i++) {
            // the pause before attempt i + 2 is drawn from [nominal / 2, nominal), nominal = 5 ms doubled i times
            Duration nominal = FIRST_PAUSE.multipliedBy(1L << i);
            assertThat(pauses.get(i)).as("pause %d of %s", i + 1, pauses).isGreaterThanOrEqualTo(nominal.dividedBy(2));
            someBelowNominal |= pauses.get(i).compareTo(nominal) < 0;
        }
        // a pause at exactly its nominal length each time would be no jitter at all; a late wake-up is only ever longer
        assertThat(someBelowNominal).as("some pause shorter than its nominal length (jitter), in %s", pauses).isTrue();
    }

    @Test
    void does_not_retry_what_is_not_a_collision() {
        bus.subscribe(Sell.class.getName(), message -> {
            attempts.add(System.nanoTime());
            throw new IllegalArgumentException("not for sale");
        });
        assertThatThrownBy(() -> commands.send(new Sell("seat"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasSize(1);
    }

    @Test
    void leaves_the_retry_to_the_caller_inside_its_unit_of_work() {
        collideFirst(1);
        DefaultUnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThatThrownBy(() -> commands.send(new Sell("seat"))).isInstanceOf(ConcurrencyException.class);
            assertThat(attempts).hasSize(1);
        } finally {
            outer.rollback();
        }
    }
}
