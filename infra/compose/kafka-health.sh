#!/usr/bin/env bash
# The broker's health check: answers ApiVersions to the administrator over its own SASL listener.
set -euo pipefail
config=/tmp/lanyard-health.properties
cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${LANYARD_KAFKA_ADMIN_PASSWORD:?}";
PROPERTIES
/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 --command-config "$config" > /dev/null 2>&1
