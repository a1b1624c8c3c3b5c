#!/usr/bin/env bash
# Runs once at `compose up`, after the broker is healthy: creates (or replaces) each service's SCRAM-SHA-512
# credential from the environment, gives each principal exactly its rights, the table in docs/operations.md
# (io.lanyard.platform.messaging.KafkaAccess in code), and creates the topics with their retention. Idempotent:
# running it again with new passwords rotates them.
set -euo pipefail

bin=/opt/kafka/bin
admin_config=/tmp/lanyard-admin.properties
cat > "$admin_config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD:?}";
PROPERTIES
kafka=(--bootstrap-server "${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}" --command-config "$admin_config")

# principal    password variable             owned topics (- for none)                         consumed topics (- for none)
services="
registration  KAFKA_REGISTRATION_PASSWORD  lanyard.registration.v1,lanyard.registration.contacts.v1  lanyard.volunteering.v1,lanyard.dinners.v1,lanyard.sprints.v1
volunteering  KAFKA_VOLUNTEERING_PASSWORD  lanyard.volunteering.v1  lanyard.registration.v1
dinners       KAFKA_DINNERS_PASSWORD       lanyard.dinners.v1       lanyard.registration.v1
sprints       KAFKA_SPRINTS_PASSWORD       lanyard.sprints.v1       lanyard.registration.v1
notifications KAFKA_NOTIFICATIONS_PASSWORD -  lanyard.registration.v1,lanyard.registration.contacts.v1,lanyard.volunteering.v1,lanyard.dinners.v1,lanyard.sprints.v1
"

owned_topics=""
while read -r principal variable owns consumes; do
    [ -n "$principal" ] || continue
    [ "$owns" = - ] || owned_topics="$owned_topics ${owns//,/ }"
    password="${!variable:?$variable is not set}"
    "$bin/kafka-configs.sh" "${kafka[@]}" --alter --entity-type users --entity-name "$principal" \
        --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]"
    for topic in ${owns//,/ }; do
        [ "$topic" = - ] && continue
        "$bin/kafka-acls.sh" "${kafka[@]}" --add --allow-principal "User:$principal" \
            --operation Write --operation Describe --operation Create --topic "$topic"
    done
    for topic in ${consumes//,/ }; do
        [ "$topic" = - ] && continue
        "$bin/kafka-acls.sh" "${kafka[@]}" --add --allow-principal "User:$principal" \
            --operation Read --operation Describe --topic "$topic"
    done
    if [ "$consumes" != - ]; then
        "$bin/kafka-acls.sh" "${kafka[@]}" --add --allow-principal "User:$principal" \
            --operation Read --group "$principal" --resource-pattern-type prefixed
    fi
done <<< "$services"

# The owned topics, created here with their retention before any service starts (a service that reaches a broker
# first creates them the same way: KafkaAccess.TopicSettings, lanyard.kafka.topic-retention and the settings beside
# it; ComposeKafkaGrantsTest keeps these defaults equal to those). Running this again applies changed settings to
# the topics as they are. Records older than the retention are deleted: a registration's name and subject stay on
# lanyard.registration.v1 that long after an erasure. The contacts topic keeps each attendee's latest address until
# the tombstone of their erasure; compaction removes both within the compaction lag and tombstone retention.
partitions="${LANYARD_KAFKA_PARTITIONS:-6}"
replication_factor="${LANYARD_KAFKA_REPLICATION_FACTOR:-1}"
retention_ms="${LANYARD_KAFKA_TOPIC_RETENTION_MS:-2592000000}"
tombstone_retention_ms="${LANYARD_KAFKA_TOMBSTONE_RETENTION_MS:-3600000}"
max_compaction_lag_ms="${LANYARD_KAFKA_MAX_COMPACTION_LAG_MS:-86400000}"
contacts_topic=lanyard.registration.contacts.v1
for topic in $owned_topics; do
    if [ "$topic" = "$contacts_topic" ]; then
        configs="cleanup.policy=compact,delete.retention.ms=$tombstone_retention_ms,max.compaction.lag.ms=$max_compaction_lag_ms"
    else
        configs="cleanup.policy=delete,retention.ms=$retention_ms"
    fi
    "$bin/kafka-topics.sh" "${kafka[@]}" --create --if-not-exists --topic "$topic" \
        --partitions "$partitions" --replication-factor "$replication_factor"
    "$bin/kafka-configs.sh" "${kafka[@]}" --alter --entity-type topics --entity-name "$topic" --add-config "$configs"
done
echo "Kafka principals, ACLs and topics in place"
