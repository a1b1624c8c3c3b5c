#!/usr/bin/env bash
# Runs once, when the postgres volume is new (the image runs /docker-entrypoint-initdb.d as its superuser): one
# database per service and one for Keycloak, each owned by a login role of the same name whose password is
# <NAME>_DB_PASSWORD, and no other role may connect to it. The superuser (POSTGRES_USER) is for administrators only.
# Each service's Flyway creates its own tables at start-up. To change a password later: docs/operations.md.

lanyard_databases() {
    local -
    set -euo pipefail
    local name variable
    for name in registration volunteering dinners sprints keycloak; do
        variable="${name^^}_DB_PASSWORD"
        if [ -z "${!variable:-}" ]; then
            echo "postgres-init: $variable is not set" >&2
            return 1
        fi
        # psql quotes the name and the password itself (:"..." and :'...')
        psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
            --set=name="$name" --set=password="${!variable}" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
-- PUBLIC may connect to and make temporary tables in every new database: here only the owner may
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
    done
}

lanyard_databases
