#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: the file parses, every ${VAR} it uses resolves in an empty
# environment (each has a :-default or a :?message), and every Lanyard service gets its settings, a readiness health
# check, healthy dependencies and named volumes. Needs docker-compose (Debian's 1.29 is enough) and python3-yaml.
set -euo pipefail
cd "$(dirname "$0")/../.."

compose=(docker-compose --project-directory . -f docker-compose.yml)
# the shipped defaults alone, whatever this shell has set
pristine=(env -i "PATH=$PATH" "HOME=${HOME:-/tmp}" "${compose[@]}")

"${pristine[@]}" config -q

unset_vars="$("${pristine[@]}" config 2>&1 >/dev/null | grep -i 'variable is not set' || true)"
if [ -n "$unset_vars" ]; then
    echo "docker-compose.yml uses variables without a default:" >&2
    echo "$unset_vars" >&2
    exit 1
fi

# the settings as this shell resolves them (the defaults in CI)
"${compose[@]}" config | python3 -c '
import sys, yaml

config = yaml.safe_load(sys.stdin)
services = config["services"]
lanyard = {"registration": 8081, "volunteering": 8082, "dinners": 8083, "sprints": 8084}
required = ["SPRING_PROFILES_ACTIVE", "LANYARD_DB_URL", "LANYARD_DB_USER", "LANYARD_DB_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "PORT"]
problems = []

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
