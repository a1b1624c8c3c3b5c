package io.lanyard.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import io.lanyard.kernel.events.EventCatalogue;

/**
 * Who may do what on the backbone: each service writes only its own topics, reads the topics it consumes and uses
 * consumer groups named after itself. The one table behind the embedded brokers' ACLs (tests and devstack) and
 * {@code docs/operations.md}; compose's {@code kafka-acls} commands are the same rows.
 */
public final class KafkaAccess {

    /**
     * A service's principal (its name), the topics it owns (writes; none for notifications, which only listens) and
     * the topics it consumes.
     */
    public record Grant(String principal, List<String> owns, List<String> consumes) {

        public Grant {
            owns = List.copyOf(owns);
            consumes = List.copyOf(consumes);
        }
    }

    public static final List<Grant> SERVICES = List.of(
            // the contacts topic is registration's too, but only notifications reads it: it holds e-mail addresses
            new Grant("registration", List.of(EventCatalogue.REGISTRATION_TOPIC, EventCatalogue.CONTACTS_TOPIC),
                    List.of(EventCatalogue.VOLUNTEERING_TOPIC, EventCatalogue.DINNERS_TOPIC,
                            EventCatalogue.SPRINTS_TOPIC)),
            new Grant("volunteering", List.of(EventCatalogue.VOLUNTEERING_TOPIC),
                    List.of(EventCatalogue.REGISTRATION_TOPIC)),
            new Grant("dinners", List.of(EventCatalogue.DINNERS_TOPIC), List.of(EventCatalogue.REGISTRATION_TOPIC)),
            new Grant("sprints", List.of(EventCatalogue.SPRINTS_TOPIC), List.of(EventCatalogue.REGISTRATION_TOPIC)),
            new Grant("notifications", List.of(), List.of(EventCatalogue.REGISTRATION_TOPIC,
                    EventCatalogue.CONTACTS_TOPIC, EventCatalogue.VOLUNTEERING_TOPIC, EventCatalogue.DINNERS_TOPIC,
                    EventCatalogue.SPRINTS_TOPIC)));

    /**
     * How long the brokers keep records: every integration topic deletes records older than {@code retention}; the
     * contacts topic instead keeps the latest record per key (the attendee) for as long as the topic lives, and a
     * tombstone for that key (published on erasure) removes the address, is itself removed
     * {@code tombstoneRetention} later, and is compacted within {@code maxCompactionLag} (the active segment is
     * rolled so that the address does not wait there for the default week).
     */
    public record TopicSettings(Duration retention, Duration tombstoneRetention, Duration maxCompactionLag) {

        public static final TopicSettings DEFAULT =
                new TopicSettings(Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(1));

        /** The broker settings of {@code topic}. */
        public Map<String, String> configsOf(String topic) {
            if (topic.equals(EventCatalogue.CONTACTS_TOPIC)) {
                return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(tombstoneRetention.toMillis()),
                        TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, Long.toString(maxCompactionLag.toMillis()));
            }
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        }
    }

    /** The topics some service owns: the ones a broker is provisioned with before any service starts. */
    public static List<String> ownedTopics() {
        return SERVICES.stream().flatMap(grant -> grant.owns().stream()).toList();
    }

    /** The principal that alone may write {@code topic}. */
    public static Optional<String> ownerOf(String topic) {
        return SERVICES.stream().filter(grant -> grant.owns().contains(topic)).map(Grant::principal).findFirst();
    }

    /** The topics the principal owns; empty for one that publishes nothing. */
    public static List<String> topicsOwnedBy(String principal) {
        return SERVICES.stream().filter(grant -> grant.principal().equals(principal))
                .flatMap(grant -> grant.owns().stream()).toList();
    }

    /** The topic as it must be created, with the default {@link TopicSettings} (embedded brokers, devstack). */
    public static NewTopic newTopic(String topic, int partitions, short replicationFactor) {
        return newTopic(topic, partitions, replicationFactor, TopicSettings.DEFAULT);
    }

    /** The topic as it must be created: the given partitions and replication, and its retention. */
    public static NewTopic newTopic(String topic, int partitions, short replicationFactor, TopicSettings settings) {
        return new NewTopic(topic, partitions, replicationFactor).configs(settings.configsOf(topic));
    }

    private KafkaAccess() {
    }

    /**
     * The ACLs of one grant. Idempotent producing needs no cluster right: WRITE on a topic implies IDEMPOTENT_WRITE
     * (KIP-679). Consumer groups are a prefix so that a second deployment or a test can use {@code <service>-…}.
     */
    public static List<AclBinding> bindings(Grant grant) {
        String user = "User:" + grant.principal();
        List<AclBinding> bindings = new ArrayList<>();
        for (String topic : grant.owns()) {
            ResourcePattern own = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
            for (AclOperation operation : List.of(AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE)) {
                bindings.add(allow(own, user, operation));
            }
        }
        for (String topic : grant.consumes()) {
            ResourcePattern consumed = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
            bindings.add(allow(consumed, user, AclOperation.READ));
            bindings.add(allow(consumed, user, AclOperation.DESCRIBE));
        }
        if (!grant.consumes().isEmpty()) {
            bindings.add(allow(new ResourcePattern(ResourceType.GROUP, grant.principal(), PatternType.PREFIXED), user,
                    AclOperation.READ));
        }
        return bindings;
    }

    public static AclBinding allow(ResourcePattern resource, String principal, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** The broker administrator: a super user, logging in with PLAIN against the broker's own configuration. */
    public static final String ADMIN = "admin";

    /**
     * Broker settings for an embedded KRaft node ({@code EXTERNAL} client listener, {@code CONTROLLER} listener):
     * SASL on both, SCRAM-SHA-512 for clients, PLAIN for the administrator alone (SCRAM credentials live in the
     * metadata log, so the node itself and whoever creates the first credentials need a login that does not), and
     * the KRaft authorizer with nothing allowed that an ACL does not allow.
     */
    public static Map<String, String> embeddedBrokerProperties(String adminPassword) {
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + adminPassword + "\" user_" + ADMIN + "=\"" + adminPassword + "\";";
        return Map.ofEntries(
                Map.entry("listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"),
                Map.entry("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN"),
                Map.entry("listener.name.external.sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN"),
                Map.entry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN"),
                Map.entry("sasl.mechanism.inter.broker.protocol", "PLAIN"),
                Map.entry("sasl.mechanism.controller.protocol", "PLAIN"),
                Map.entry("listener.name.external.plain.sasl.jaas.config", plain),
                Map.entry("listener.name.external.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                Map.entry("listener.name.controller.plain.sasl.jaas.config", plain),
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                Map.entry("super.users", "User:" + ADMIN),
                Map.entry("allow.everyone.if.no.acl.found", "false"));
    }

    /** Client settings for the administrator of a broker configured by {@link #embeddedBrokerProperties}. */
    public static Map<String, Object> adminConnection(String bootstrapServers, String adminPassword) {
        Map<String, Object> config = new HashMap<>(KafkaBackboneProperties.saslConfig(
                new KafkaBackboneProperties.Security("SASL_PLAINTEXT", "PLAIN", ADMIN, adminPassword)));
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /**
     * Creates (or replaces) each principal's SCRAM-SHA-512 credential and the ACLs, as a super user, and waits until
     * the broker knows them (credentials and ACLs reach it through the metadata log).
     */
    public static void provisionAndAwait(Admin admin, Map<String, String> passwords, List<AclBinding> bindings) {
        provision(admin, passwords, bindings);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (admin.describeUserScramCredentials().all().get(10, TimeUnit.SECONDS).size() < passwords.size()
                    || admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(10, TimeUnit.SECONDS).size() < bindings.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not learn the credentials and ACLs in 30s");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read back Kafka credentials and ACLs", e);
        }
    }

    /** Creates (or replaces) each principal's SCRAM-SHA-512 credential and the ACLs, as a super user. */
    public static void provision(Admin admin, Map<String, String> passwords, List<AclBinding> bindings) {
        try {
            admin.alterUserScramCredentials(passwords.entrySet().stream()
                    .<UserScramCredentialAlteration>map(e ->
                            new UserScramCredentialUpsertion(e.getKey(),
                                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), e.getValue()))
                    .toList()).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not provision Kafka credentials and ACLs", e);
        }
    }
}
