#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: the file parses, every ${VAR} it uses resolves in an empty
# environment plus the demo's credentials (infra/compose/demo.env), each Kafka password has no default, every Kafka
# listener is SASL with the KRaft authorizer, and every Lanyard service gets its settings, its own Kafka principal
# (granted by kafka-init), a readiness health check, healthy dependencies and named volumes. Needs docker-compose (Debian's 1.29 is enough) and python3-yaml.
set -euo pipefail
cd "$(dirname "$0")/../.."

compose=(docker-compose --project-directory . -f docker-compose.yml)
demo_env=infra/compose/demo.env
# the Kafka passwords have no default: each one alone missing must stop the file from resolving
mapfile -t secrets < <(grep -o '^KAFKA_[A-Z]*_PASSWORD' "$demo_env")
[ "${#secrets[@]}" -eq 5 ] || { echo "$demo_env: expected the admin's and four services' Kafka passwords" >&2; exit 1; }
for secret in "${secrets[@]}"; do
    mapfile -t others < <(grep '^KAFKA_[A-Z]*_PASSWORD=' "$demo_env" | grep -v "^$secret=")
    if env -i "PATH=$PATH" "HOME=${HOME:-/tmp}" "${others[@]}" "${compose[@]}" config -q > /dev/null 2>&1; then
        echo "docker-compose.yml resolves without $secret: it must have no default" >&2
        exit 1
    fi
done

# the shipped defaults plus the demo's credentials, whatever this shell has set
pristine=(env -i "PATH=$PATH" "HOME=${HOME:-/tmp}" "${compose[@]}" --env-file "$demo_env")

"${pristine[@]}" config -q

unset_vars="$("${pristine[@]}" config 2>&1 >/dev/null | grep -i 'variable is not set' || true)"
if [ -n "$unset_vars" ]; then
    echo "docker-compose.yml uses variables without a default:" >&2
    echo "$unset_vars" >&2
    exit 1
fi

# the settings as this shell resolves them (the defaults and the demo credentials in CI)
"${compose[@]}" --env-file "$demo_env" config | python3 -c '
import re, sys, yaml

config = yaml.safe_load(sys.stdin)
services = config["services"]
lanyard = {"registration": 8081, "volunteering": 8082, "dinners": 8083, "sprints": 8084}
required = ["SPRING_PROFILES_ACTIVE", "LANYARD_DB_URL", "LANYARD_DB_USER", "LANYARD_DB_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "PORT"]
problems = []
init = services.get("kafka-init", {})
init_env = {k: ("" if v is None else str(v)) for k, v in init.get("environment", {}).items()}
init_script = open("infra/compose/kafka-init.sh").read()
if not any("kafka-init.sh" in str(v) for v in init.get("volumes", [])):
    problems.append("kafka-init: does not run infra/compose/kafka-init.sh")
kafka_env = {k: ("" if v is None else str(v)) for k, v in services.get("kafka", {}).get("environment", {}).items()}
protocols = dict(p.split(":") for p in kafka_env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(","))
problems += [f"kafka: listener {l} is {p}, not SASL" for l, p in protocols.items() if not p.startswith("SASL_")]
if kafka_env.get("KAFKA_AUTHORIZER_CLASS_NAME") != "org.apache.kafka.metadata.authorizer.StandardAuthorizer":
    problems.append("kafka: no StandardAuthorizer")
if kafka_env.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND") != "false":
    problems.append("kafka: allows everyone where no ACL is found")

for name, port in lanyard.items():
    service = services.get(name)
    if service is None:
        problems.append(f"{name}: missing")
        continue
    env = {k: ("" if v is None else str(v)) for k, v in service.get("environment", {}).items()}
    problems += [f"{name}: {key} is empty" for key in required if not env.get(key)]
    if env.get("PORT") != str(port):
        problems.append(f"{name}: PORT should be {port}")
    if not env.get("LANYARD_DB_URL", "").endswith("/" + name):
        problems.append(f"{name}: LANYARD_DB_URL does not name its own database")
    if "dev" not in env.get("SPRING_PROFILES_ACTIVE", "").split(",") \
            and not (env.get("LANYARD_JWT_ISSUER_URI") or env.get("LANYARD_JWT_JWK_SET_URI")):
        problems.append(f"{name}: outside the dev profile LANYARD_JWT_ISSUER_URI or LANYARD_JWT_JWK_SET_URI is required")
    if "/actuator/health/readiness" not in " ".join(service.get("healthcheck", {}).get("test", [])):
        problems.append(f"{name}: no readiness health check")
    if service.get("build", {}).get("args", {}).get("SERVICE") != name:
        problems.append(f"{name}: not built from its own jar")
    for dependency in ("postgres", "kafka"):
        if service.get("depends_on", {}).get(dependency, {}).get("condition") != "service_healthy":
            problems.append(f"{name}: does not wait for a healthy {dependency}")
    if service.get("depends_on", {}).get("kafka-init", {}).get("condition") != "service_completed_successfully":
        problems.append(f"{name}: does not wait for its Kafka credentials and ACLs (kafka-init)")
    if not env.get("KAFKA_SECURITY_PROTOCOL", "").startswith("SASL_"):
        problems.append(f"{name}: KAFKA_SECURITY_PROTOCOL is not SASL")
    if env.get("KAFKA_SASL_MECHANISM") != "SCRAM-SHA-512":
        problems.append(f"{name}: KAFKA_SASL_MECHANISM is not SCRAM-SHA-512")
    if env.get("KAFKA_USERNAME") != name:
        problems.append(f"{name}: KAFKA_USERNAME should be its own principal, {name}")
    if env.get("KAFKA_PASSWORD") != init_env.get(f"KAFKA_{name.upper()}_PASSWORD") or not env.get("KAFKA_PASSWORD"):
        problems.append(f"{name}: KAFKA_PASSWORD is not the one kafka-init gives its principal")
    if not re.search(rf"^{name}\s+KAFKA_{name.upper()}_PASSWORD\s+lanyard\.{name}\.v1\s", init_script, re.M):
        problems.append(f"{name}: infra/compose/kafka-init.sh grants it no row of its own topic")

for name in ("kafka", "postgres"):
    if "healthcheck" not in services.get(name, {}):
        problems.append(f"{name}: no health check")
    mounts = [m for m in services.get(name, {}).get("volumes", [])
              if (m.get("type") == "volume" if isinstance(m, dict) else not m.startswith(("/", ".")))]
    if not mounts:
        problems.append(f"{name}: keeps its data in no named volume")

if problems:
    sys.exit("docker-compose.yml:\n  " + "\n  ".join(problems))
print("docker-compose.yml: valid, every variable resolves, %d services configured" % len(services))
'
