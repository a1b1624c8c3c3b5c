package io.lanyard.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the topics a service creates keep their records ({@link KafkaAccess.TopicSettings}). Set when a topic is
 * created: a topic that exists keeps its settings (compose's {@code kafka-init.sh} creates them as the operator sets
 * them; {@code kafka-configs.sh --alter} changes a live one).
 *
 * @param topicRetention     how long an integration topic keeps a record: a record written before an erasure keeps
 *                           the person's name and subject that long. Long enough for a consumer that was down (or a
 *                           dead letter replayed) to catch up; a consumer deployed later than this misses what came
 *                           before, which the services' own stores keep.
 * @param tombstoneRetention how long the contacts topic keeps a tombstone after compaction removed the address
 *                           before it; a consumer that lags by more misses the tombstone, and learns of the erasure
 *                           from {@code registration.attendee-erased}
 * @param maxCompactionLag   how long a superseded contacts record (an erased address) may wait before compaction
 */
@ConfigurationProperties("lanyard.kafka")
public record KafkaTopicProperties(
        @DefaultValue("30d") Duration topicRetention,
        @DefaultValue("1h") Duration tombstoneRetention,
        @DefaultValue("1d") Duration maxCompactionLag) {

    public KafkaAccess.TopicSettings settings() {
        return new KafkaAccess.TopicSettings(topicRetention, tombstoneRetention, maxCompactionLag);
    }
}
