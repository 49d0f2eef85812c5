#!/usr/bin/env bash
# Fetches S3Proxy (Apache-2.0; an S3 API server over a local directory) from Maven Central into
# deploy/s3proxy/lib/, for the object-storage tests. Idempotent: does nothing when the jar is already there.
#
# Why not MinIO: its server is AGPL-3.0, a licence this project does not take on, even for tests.
set -euo pipefail

VERSION=2.6.0
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lib="$here/lib"
jar="s3proxy-$VERSION-jar-with-dependencies.jar"

if [ -f "$lib/$jar" ]; then
  echo "S3Proxy $VERSION already present in $lib"
  exit 0
fi
if ! command -v mvn >/dev/null 2>&1; then
  echo "fetch.sh: 'mvn' not found on PATH; Maven resolves S3Proxy from Maven Central (e.g. apt-get install maven)." >&2
  exit 1
fi

# Copy into a scratch folder and rename it at the end, so an interrupted download never leaves a lib/ that looks complete.
staging="$lib.partial.$$"
trap 'rm -rf "$staging"' EXIT
echo "Resolving S3Proxy $VERSION from Maven Central into $lib ..."
mvn -q -B dependency:copy -Dartifact="org.gaul:s3proxy:$VERSION:jar:jar-with-dependencies" -DoutputDirectory="$staging"
rm -rf "$lib"
mv "$staging" "$lib"
echo "S3Proxy ready: $lib/$jar"
