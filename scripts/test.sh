#!/usr/bin/env bash
# The README's test command: prerequisites, static checks, then every vitest project against a real
# Kafka broker and a real PostgreSQL server (started here unless SER_TEST_KAFKA_BROKERS / SER_TEST_DATABASE_URL
# name running ones). Extra arguments go to vitest, e.g. `npm test -- libs/events`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-prereqs.sh
echo "== typecheck" && npx tsc -p tsconfig.json --noEmit && npx tsc -p services/console/tsconfig.json --noEmit
# The module-boundary lint rule reads nx's project graph; compute it first or the rule silently skips.
NX_DAEMON=false npx nx show projects >/dev/null
echo "== lint" && npx eslint . --max-warnings=0
echo "== format" && npm run --silent format:check
# Buf style guide + a comment on everything (proto/buf.yaml); the pinned npm binary needs no network.
echo "== buf lint" && (cd proto && npx buf lint)
# Wire compatibility against main (its previous commit when on main): scripts/buf-breaking.sh.
echo "== buf breaking" && bash scripts/buf-breaking.sh
echo "== web console" && npx tsx scripts/build-console.ts
echo "== tests"
exec npx tsx scripts/run-tests.ts "$@"
