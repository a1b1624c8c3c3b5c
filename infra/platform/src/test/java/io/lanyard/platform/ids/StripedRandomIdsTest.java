package io.lanyard.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.IdGenerator;

import io.lanyard.platform.PlatformConfiguration;
import io.lanyard.platform.tracing.TraceContexts;

class StripedRandomIdsTest {

    @Test
    void idsAreRandomVersionFourUuidsOfTheStandardVariant() {
        IdGenerator ids = new StripedRandomIds(new StripedSecureRandom(3));

        for (int i = 0; i < 1_000; i++) {
            UUID id = ids.generateId();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(UUID.fromString(id.toString())).isEqualTo(id);
        }
    }

    @Test
    void manyThreadsOverFewStripesNeverDrawTheSameId() throws Exception {
        IdGenerator ids = new StripedRandomIds(new StripedSecureRandom(2));
        Set<UUID> drawn = ConcurrentHashMap.newKeySet();

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            IntStream.range(0, 64).forEach(t -> threads.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    drawn.add(ids.generateId());
                }
            }));
        }

        assertThat(drawn).hasSize(64 * 500);
    }

    @Test
    void theRandomBitsAreSpreadOverTheWholeId() {
        IdGenerator ids = new StripedRandomIds(new StripedSecureRandom(4));
        long mostOr = 0;
        long mostAnd = -1;
        long leastOr = 0;
        long leastAnd = -1;
        for (int i = 0; i < 200; i++) {
            UUID id = ids.generateId();
            mostOr |= id.getMostSignificantBits();
            mostAnd &= id.getMostSignificantBits();
            leastOr |= id.getLeastSignificantBits();
            leastAnd &= id.getLeastSignificantBits();
        }
        // only the four version bits and two variant bits are the same in every id
        assertThat(Long.bitCount(mostOr & ~mostAnd)).isEqualTo(60);
        assertThat(Long.bitCount(leastOr & ~leastAnd)).isEqualTo(62);
    }

    @Test
    void theServicesDrawTheirIdsFromTheStripes() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PlatformConfiguration.class))
                .withPropertyValues("spring.profiles.active=dev")
                .withBean(CommandGateway.class, () -> Mockito.mock(CommandGateway.class))
                .withBean(TraceContexts.class, TraceContexts::disabled)
                .run(context -> assertThat(context.getBean(IdGenerator.class)).isInstanceOf(StripedRandomIds.class));
    }

    @Test
    void axonDrawsItsMessageIdentifiersFromTheStripes() {
        IdentifierFactory axon = IdentifierFactory.getInstance();

        assertThat(axon).isInstanceOf(StripedAxonIdentifiers.class);
        assertThat(UUID.fromString(axon.generateIdentifier()).version()).isEqualTo(4);
    }
}
