package io.lanyard.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import io.lanyard.kernel.events.EventCatalogue;

class KafkaAccessTest {

    private static KafkaAccess.Grant grant(String principal) {
        return KafkaAccess.SERVICES.stream().filter(g -> g.principal().equals(principal)).findFirst().orElseThrow();
    }

    @Test
    void a_service_that_publishes_nothing_may_write_no_topic_and_reads_the_public_four() {
        List<AclBinding> bindings = KafkaAccess.bindings(grant("notifications"));

        assertThat(bindings).noneMatch(b -> b.entry().operation() == AclOperation.WRITE
                || b.entry().operation() == AclOperation.CREATE);
        assertThat(bindings).filteredOn(b -> b.pattern().resourceType() == ResourceType.TOPIC
                        && b.entry().operation() == AclOperation.READ)
                .extracting(b -> b.pattern().name())
                .contains(EventCatalogue.REGISTRATION_TOPIC, EventCatalogue.VOLUNTEERING_TOPIC,
                        EventCatalogue.DINNERS_TOPIC, EventCatalogue.SPRINTS_TOPIC);
        assertThat(bindings).anyMatch(b -> b.pattern().resourceType() == ResourceType.GROUP
                && b.pattern().name().equals("notifications") && b.pattern().patternType() == PatternType.PREFIXED);
    }

    @Test
    void every_owned_topic_has_one_owner_and_notifications_owns_none() {
        assertThat(KafkaAccess.ownedTopics()).doesNotHaveDuplicates().contains(EventCatalogue.REGISTRATION_TOPIC,
                EventCatalogue.VOLUNTEERING_TOPIC, EventCatalogue.DINNERS_TOPIC, EventCatalogue.SPRINTS_TOPIC);
        assertThat(KafkaAccess.ownerOf(EventCatalogue.DINNERS_TOPIC)).contains("dinners");
        assertThat(grant("notifications").owns()).isEmpty();
        assertThat(KafkaAccess.bindings(grant("sprints"))).anyMatch(b -> b.entry().operation() == AclOperation.WRITE
                && b.pattern().name().equals(EventCatalogue.SPRINTS_TOPIC));
    }

    @Test
    void topics_are_created_with_the_configured_retention_and_the_contacts_topic_compacted() {
        KafkaAccess.TopicSettings settings = new KafkaTopicProperties(Duration.ofDays(7), Duration.ofMinutes(10),
                Duration.ofHours(6)).settings();

        assertThat(KafkaAccess.newTopic(EventCatalogue.DINNERS_TOPIC, 6, (short) 1, settings).configs())
                .containsExactlyInAnyOrderEntriesOf(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "delete",
                        TopicConfig.RETENTION_MS_CONFIG, "604800000"));
        assertThat(KafkaAccess.newTopic(EventCatalogue.CONTACTS_TOPIC, 6, (short) 1, settings).configs())
                .containsExactlyInAnyOrderEntriesOf(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact",
                        TopicConfig.DELETE_RETENTION_MS_CONFIG, "600000",
                        TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "21600000"));
        assertThat(KafkaAccess.newTopic(EventCatalogue.SPRINTS_TOPIC, 6, (short) 1).configs())
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(30).toMillis()));
    }
}
