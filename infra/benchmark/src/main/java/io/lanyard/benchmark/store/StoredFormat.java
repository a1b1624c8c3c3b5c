package io.lanyard.benchmark.store;

import java.util.Map;
import java.util.Set;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;

/**
 * How the registration service really stores its events, read from rows it wrote in this run: the serializer and
 * schema it uses, the aggregate type names in the {@code type} column and the metadata keys. Bulk-loaded events
 * copy all of it, so a replay or a command on a bulk-loaded store reads exactly what the service would have
 * written.
 *
 * @param aggregateTypes payload type → the {@code type} column of its rows
 * @param verified       what was compared, for the report
 */
public record StoredFormat(Serializer serializer, EventSchema schema, Map<String, String> aggregateTypes,
                           Set<String> metaDataKeys, String verified) {

    public String aggregateType(Class<?> payload, String fallback) {
        return aggregateTypes.getOrDefault(payload.getName(), fallback);
    }
}
