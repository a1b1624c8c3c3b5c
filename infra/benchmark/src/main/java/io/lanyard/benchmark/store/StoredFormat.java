package io.lanyard.benchmark.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lanyard.platform.personaldata.PersonalDataKeys;
import io.lanyard.platform.personaldata.PersonalDataProperties;
import io.lanyard.platform.personaldata.PersonalDataSerializer;

/**
 * How the registration service really stores its events, read from rows it wrote in this run: the serializer (under
 * the crypto-shredding that seals personal fields with each person's key, see {@link #sealingWith}) and schema it
 * uses, the aggregate type names in the {@code type} column and the metadata keys. Bulk-loaded events
 * copy all of it, so a replay or a command on a bulk-loaded store reads exactly what the service would have
 * written.
 *
 * @param plain          the service's serializer without the sealing of personal fields
 * @param aggregateTypes payload type → the {@code type} column of its rows
 * @param verified       what was compared, for the report
 */
public record StoredFormat(Serializer plain, EventSchema schema, Map<String, String> aggregateTypes,
                           Set<String> metaDataKeys, String verified) {

    /** The service's serializer over the keys of one database: personal fields sealed and opened with them. */
    public Serializer sealingWith(PersonalDataKeys keys) {
        return new PersonalDataSerializer(plain, () -> keys);
    }

    /** The keys of a database as a service instance on it would keep them. */
    public static PersonalDataKeys keysOf(DataSource database) {
        return new PersonalDataKeys(JdbcClient.create(database), Clock.systemUTC(),
                new PersonalDataProperties(10_000, Duration.ofMinutes(60)));
    }

    public String aggregateType(Class<?> payload, String fallback) {
        return aggregateTypes.getOrDefault(payload.getName(), fallback);
    }
}
