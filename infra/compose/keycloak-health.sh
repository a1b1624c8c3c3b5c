#!/usr/bin/env bash
# Keycloak's image has no curl: ask its management interface's readiness probe (port 9000, not published) through
# bash's /dev/tcp.
set -euo pipefail
exec 3<>/dev/tcp/127.0.0.1/9000
printf 'GET /health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
head -n 1 <&3 | grep -q ' 200 '
