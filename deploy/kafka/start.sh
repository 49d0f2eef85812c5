#!/usr/bin/env bash
# Runs a local Kafka 3.9 broker in the foreground and prints its bootstrap address.
# Fetches the jars first (once). Env: KAFKA_PORT (default 9092), KAFKA_DATA_DIR (default .data/kafka).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$root/deploy/kafka/fetch.sh"
cd "$root"
exec npx tsx deploy/kafka/start.ts
