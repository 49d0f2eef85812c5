#!/usr/bin/env bash
# Starts a local PostgreSQL for development, in the foreground; Ctrl-C stops it.
# The cluster persists in .data/postgres (override with --data-dir), on port 5432 (override with --port).
# Prints SER_TEST_DATABASE_URL=postgres://… ; as root the server runs as the `postgres` system user.
# Same code path as the tests: test/infra/postgres.ts.
set -euo pipefail
cd "$(dirname "$0")/../.."

args=("$@")
[[ " $* " == *" --data-dir "* ]] || args+=(--data-dir .data/postgres)
[[ " $* " == *" --port "* ]] || args+=(--port "${PGPORT:-5432}")

exec npx tsx test/infra/postgres.ts "${args[@]}"
