#!/usr/bin/env bash
# Runs once at `compose up`, after the broker is healthy: creates (or replaces) each service's SCRAM-SHA-512
# credential from the environment and gives each principal exactly its rights, the table in docs/operations.md
# (io.lanyard.platform.messaging.KafkaAccess in code). Idempotent: running it again with new passwords rotates them.
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

while read -r principal variable owns consumes; do
    [ -n "$principal" ] || continue
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
echo "Kafka principals and ACLs in place"
