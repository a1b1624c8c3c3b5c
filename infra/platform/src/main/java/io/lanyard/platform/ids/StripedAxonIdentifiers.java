package io.lanyard.platform.ids;

import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifiers for messages (every event, command and unit of work gets one) from {@link StripedRandomIds}:
 * Axon's default is {@code UUID.randomUUID()}, and its monitor was the largest wait in the profile of independent
 * registrations (docs/benchmarks.md). Axon finds this class through {@code ServiceLoader}
 * ({@code META-INF/services/org.axonframework.common.IdentifierFactory}), before any Spring bean exists.
 */
public final class StripedAxonIdentifiers extends IdentifierFactory {

    private final StripedRandomIds ids = new StripedRandomIds();

    @Override
    public String generateIdentifier() {
        return ids.generateId().toString();
    }
}
