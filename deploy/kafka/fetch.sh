#!/usr/bin/env bash
# Fetches the Apache Kafka 3.9 broker jars (and their runtime dependencies) from Maven Central into
# deploy/kafka/lib/. Idempotent: does nothing when the jars are already there.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lib="$here/lib"

if ! command -v java >/dev/null 2>&1; then
  echo "fetch.sh: 'java' not found on PATH; the Kafka broker needs a Java 17+ runtime (e.g. apt-get install openjdk-17-jre-headless)." >&2
  exit 1
fi

if compgen -G "$lib/kafka_2.13-3.9.*.jar" >/dev/null; then
  echo "Kafka jars already present in $lib"
  exit 0
fi

if ! command -v mvn >/dev/null 2>&1; then
  echo "fetch.sh: 'mvn' not found on PATH; Maven resolves the Kafka jars from Maven Central (e.g. apt-get install maven)." >&2
  exit 1
fi

# Copy into a scratch folder and rename it at the end, so an interrupted download never leaves a
# lib/ that looks complete.
staging="$lib.partial.$$"
trap 'rm -rf "$staging"' EXIT
echo "Resolving Kafka jars from Maven Central into $lib ..."
mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$staging" -DincludeScope=runtime
rm -rf "$lib"
mv "$staging" "$lib"
echo "Kafka jars ready: $(ls "$lib" | wc -l) jars in $lib"
