#!/usr/bin/env bash
# Run by the one-shot postgres-init container on every start of the stack, as the superuser (PGHOST, PGUSER,
# PGPASSWORD): one database per service and one for Keycloak, each owned by a login role of the same name whose
# password is <NAME>_DB_PASSWORD, and no other role may connect to it. Idempotent: a role or database that exists is
# kept and the password set again, which is how a password is rotated (docs/operations.md "Database users").
# Each service's Flyway creates its own tables at start-up.
set -euo pipefail

until pg_isready --quiet; do sleep 1; done
for name in registration volunteering dinners sprints notifications keycloak; do
    variable="${name^^}_DB_PASSWORD"
    if [ -z "${!variable:-}" ]; then
        echo "postgres-init: $variable is not set" >&2
        exit 1
    fi
    # psql quotes the name and the password itself (:"…", :'…' and %I); \gexec runs what the query produced
    psql -v ON_ERROR_STOP=1 --quiet --dbname postgres --set=name="$name" --set=password="${!variable}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'name') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
ALTER ROLE :"name" LOGIN PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
    WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name') \gexec
-- PUBLIC may connect to and make temporary tables in every new database: here only the owner may
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
    echo "postgres-init: $name owns database $name"
done
