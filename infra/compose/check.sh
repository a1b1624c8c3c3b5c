#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: the file parses, every ${VAR} it uses resolves in an empty
# environment plus the demo's credentials (infra/compose/demo.env), no password has a default (each one alone missing
# stops the file from resolving), every Kafka listener is SASL with the KRaft authorizer, Keycloak imports the realm
# file (infra/keycloak) and has a readiness health check, and every Lanyard service runs outside the dev profile
# against Keycloak (issuer, JWK set, audience), gets its settings, its own Kafka principal (granted by kafka-init), its
# own database user (created by postgres-init), a readiness health check, healthy dependencies and named volumes.
# The demo override (docker-compose.demo.yml) must resolve too. Needs docker-compose (Debian's 1.29 is enough) and
# python3-yaml.
set -euo pipefail
cd "$(dirname "$0")/../.."

compose=(docker-compose --project-directory . -f docker-compose.yml)
demo_env=infra/compose/demo.env
# no password has a default: each one alone missing must stop the file from resolving
mapfile -t secrets < <(grep -o '^[A-Z_]*_PASSWORD' "$demo_env")
expected_secrets="DINNERS_DB_PASSWORD KAFKA_ADMIN_PASSWORD KAFKA_DINNERS_PASSWORD KAFKA_NOTIFICATIONS_PASSWORD \
KAFKA_REGISTRATION_PASSWORD KAFKA_SPRINTS_PASSWORD KAFKA_VOLUNTEERING_PASSWORD KEYCLOAK_ADMIN_PASSWORD \
KEYCLOAK_DB_PASSWORD NOTIFICATIONS_DB_PASSWORD POSTGRES_PASSWORD REGISTRATION_DB_PASSWORD SPRINTS_DB_PASSWORD \
VOLUNTEERING_DB_PASSWORD"
if [ "$(printf '%s\n' "${secrets[@]}" | sort | xargs)" != "$expected_secrets" ]; then
    echo "$demo_env: expected exactly these passwords: $expected_secrets" >&2
    exit 1
fi
if grep -nE '(PASSWORD|SECRET|DEV_KEY)[A-Z_]*:-' docker-compose.yml; then
    echo "docker-compose.yml: a secret with a default" >&2
    exit 1
fi
for secret in "${secrets[@]}"; do
    mapfile -t others < <(grep '^[A-Z_]*_PASSWORD=' "$demo_env" | grep -v "^$secret=")
    if env -i "PATH=$PATH" "HOME=${HOME:-/tmp}" "${others[@]}" "${compose[@]}" config -q > /dev/null 2>&1; then
        echo "docker-compose.yml resolves without $secret: it must have no default" >&2
        exit 1
    fi
done

# the shipped defaults plus the demo's credentials, whatever this shell has set
pristine=(env -i "PATH=$PATH" "HOME=${HOME:-/tmp}" "${compose[@]}" --env-file "$demo_env")

"${pristine[@]}" config -q
# the demo override: the dev profile and its /dev/tokens, on the same credentials
"${pristine[@]}" -f docker-compose.demo.yml config -q

unset_vars="$("${pristine[@]}" config 2>&1 >/dev/null | grep -i 'variable is not set' || true)"
if [ -n "$unset_vars" ]; then
    echo "docker-compose.yml uses variables without a default:" >&2
    echo "$unset_vars" >&2
    exit 1
fi

demo_profiles="$("${compose[@]}" -f docker-compose.demo.yml --env-file "$demo_env" config \
    | python3 -c 'import sys, yaml; s = yaml.safe_load(sys.stdin)["services"]
print(" ".join(sorted(n for n in s if s[n].get("environment", {}).get("SPRING_PROFILES_ACTIVE") == "dev")))')"
if [ "$demo_profiles" != "dinners notifications registration sprints volunteering" ]; then
    echo "docker-compose.demo.yml: the five services should run in the dev profile, not just: $demo_profiles" >&2
    exit 1
fi

# the settings as this shell resolves them (the defaults and the demo credentials in CI)
"${compose[@]}" --env-file "$demo_env" config | python3 -c '
import json, re, sys, yaml

config = yaml.safe_load(sys.stdin)
services = config["services"]
lanyard = {"registration": 8081, "volunteering": 8082, "dinners": 8083, "sprints": 8084, "notifications": 8085}
required = ["SPRING_PROFILES_ACTIVE", "LANYARD_DB_URL", "LANYARD_DB_USER", "LANYARD_DB_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "PORT", "LANYARD_JWT_ISSUER_URI", "LANYARD_JWT_JWK_SET_URI",
            "LANYARD_JWT_AUDIENCE"]
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

def environment(name):
    return {k: ("" if v is None else str(v)) for k, v in services.get(name, {}).get("environment", {}).items()}

# Keycloak: the realm file imported at start, its readiness probe on the management port, no default admin password
keycloak = services.get("keycloak", {})
keycloak_env = environment("keycloak")
if not str(keycloak.get("image", "")).startswith("quay.io/keycloak/keycloak:26."):
    problems.append("keycloak: not the official quay.io/keycloak/keycloak 26 image")
if "--import-realm" not in keycloak.get("command", []):
    problems.append("keycloak: does not import the realm at start (--import-realm)")
if not any(str(v).endswith("/infra/keycloak:/opt/keycloak/data/import:ro") for v in keycloak.get("volumes", [])):
    problems.append("keycloak: infra/keycloak is not mounted on /opt/keycloak/data/import")
health = " ".join(keycloak.get("healthcheck", {}).get("test", []))
health_script = open("infra/compose/keycloak-health.sh").read()
if "keycloak-health.sh" not in health or "/dev/tcp/127.0.0.1/9000" not in health_script \
        or "/health/ready" not in health_script:
    problems.append("keycloak: no health check asking /health/ready on the management port 9000")
if keycloak_env.get("KC_HEALTH_ENABLED") != "true":
    problems.append("keycloak: health endpoints not enabled (KC_HEALTH_ENABLED)")
if not keycloak_env.get("KC_BOOTSTRAP_ADMIN_PASSWORD"):
    problems.append("keycloak: no admin password")
if not re.match(r"^https?://[^/]+", keycloak_env.get("KC_HOSTNAME", "")):
    problems.append("keycloak: KC_HOSTNAME is not a full URL, so the iss of a token depends on how Keycloak was reached")
if keycloak.get("depends_on", {}).get("postgres", {}).get("condition") != "service_healthy":
    problems.append("keycloak: does not wait for a healthy postgres")
realm = json.load(open("infra/keycloak/lanyard-realm.json"))
if realm.get("realm") != "lanyard":
    problems.append("lanyard-realm.json: the realm is not lanyard")
if {r["name"] for r in realm.get("roles", {}).get("realm", [])} != {"ORGANIZER", "OPERATOR"}:
    problems.append("lanyard-realm.json: the realm roles should be ORGANIZER and OPERATOR")
if realm.get("users"):
    problems.append("lanyard-realm.json: has users; tests and demos add their own")
mappers = [m for c in realm.get("clients", []) for m in c.get("protocolMappers", [])]
if not any(m["protocolMapper"] == "oidc-usermodel-realm-role-mapper" and m["config"].get("claim.name") == "roles"
           and m["config"].get("multivalued") == "true" and m["config"].get("access.token.claim") == "true"
           for m in mappers):
    problems.append("lanyard-realm.json: no multivalued roles claim in the access token")
audiences = {m["config"].get("included.client.audience") or m["config"].get("included.custom.audience")
             for m in mappers if m["protocolMapper"] == "oidc-audience-mapper"}

# PostgreSQL: each database owned by its own role, created from the password the service logs in with
postgres_env = environment("postgres-init")
init_sql = open("infra/compose/postgres-init.sh").read()
databases = re.search(r"^\s*for name in ([a-z ]+); do", init_sql, re.M)
databases = databases.group(1).split() if databases else []
if "REVOKE ALL ON DATABASE" not in init_sql:
    problems.append("postgres-init.sh: other roles may still connect to each database")
if not any("postgres-init.sh" in str(v) for v in services.get("postgres-init", {}).get("entrypoint", [])) \
        or not any("infra/compose/postgres-init.sh:" in str(v) for v in services.get("postgres-init", {}).get("volumes", [])):
    problems.append("postgres-init: does not run infra/compose/postgres-init.sh")
if postgres_env.get("PGPASSWORD") != environment("postgres").get("POSTGRES_PASSWORD"):
    problems.append("postgres-init: does not log in as the superuser")
if "keycloak" not in databases or keycloak_env.get("KC_DB_USERNAME") != "keycloak" \
        or keycloak_env.get("KC_DB_PASSWORD") != postgres_env.get("KEYCLOAK_DB_PASSWORD"):
    problems.append("keycloak: does not log in to its own database as its own user")
if keycloak.get("depends_on", {}).get("postgres-init", {}).get("condition") != "service_completed_successfully":
    problems.append("keycloak: does not wait for its database user (postgres-init)")

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
    if "dev" in env.get("SPRING_PROFILES_ACTIVE", "").split(",") or "LANYARD_DEV_KEY" in env:
        problems.append(f"{name}: the dev profile and its key belong to the demo override only")
    if env.get("LANYARD_JWT_ISSUER_URI") != keycloak_env.get("KC_HOSTNAME", "").rstrip("/") + "/realms/lanyard":
        problems.append(f"{name}: LANYARD_JWT_ISSUER_URI is not the iss of the tokens of Keycloak (realm lanyard)")
    if not env.get("LANYARD_JWT_JWK_SET_URI", "").startswith("http://keycloak:8080/realms/lanyard/"):
        problems.append(f"{name}: LANYARD_JWT_JWK_SET_URI is not that of the lanyard realm on the keycloak container")
    if env.get("LANYARD_JWT_AUDIENCE") not in audiences:
        problems.append(f"{name}: LANYARD_JWT_AUDIENCE is not the audience the realm puts in its tokens")
    if service.get("depends_on", {}).get("keycloak", {}).get("condition") != "service_healthy":
        problems.append(f"{name}: does not wait for a healthy keycloak")
    if env.get("LANYARD_DB_USER") != name or name not in databases:
        problems.append(f"{name}: does not log in to PostgreSQL as its own user ({name}, made by postgres-init.sh)")
    if service.get("depends_on", {}).get("postgres-init", {}).get("condition") != "service_completed_successfully":
        problems.append(f"{name}: does not wait for its database user (postgres-init)")
    if env.get("LANYARD_DB_PASSWORD") != postgres_env.get(f"{name.upper()}_DB_PASSWORD"):
        problems.append(f"{name}: LANYARD_DB_PASSWORD is not the one postgres-init.sh gives its user")
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
    if not re.search(rf"^{name}\s+KAFKA_{name.upper()}_PASSWORD\s", init_script, re.M):
        problems.append(f"{name}: infra/compose/kafka-init.sh has no row for its principal")

if len({environment(n).get("LANYARD_DB_PASSWORD") for n in lanyard}) != len(lanyard):
    problems.append("the services share a database password")
notifications_env = environment("notifications")
if notifications_env.get("SPRING_MAIL_HOST") != "mailpit" or "mailpit" not in services:
    problems.append("notifications: does not send its mail through the mailpit container")
if notifications_env.get("LANYARD_WEBHOOKS_ALLOW_PRIVATE") != "false":
    problems.append("notifications: webhooks to private addresses are allowed outside the demo")
for name in ("kafka", "postgres", "mailpit"):
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
