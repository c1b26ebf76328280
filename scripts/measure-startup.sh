#!/usr/bin/env bash
# Measures start-up to a healthy /actuator/health twice: on an empty data directory, then again.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
jar=$(ls target/stratlas-*.jar | head -1)
java_bin=$(ls -d /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java 2>/dev/null | head -1)
dir=$(mktemp -d)
for run in empty again; do
  start=$(date +%s.%N)
  STRATLAS_DATA_DIR="$dir/postgres" "$java_bin" -jar "$jar" --server.port=18080 > "$dir/$run.log" 2>&1 &
  pid=$!
  until curl -sf localhost:18080/actuator/health | grep -q UP; do sleep 0.1; done
  end=$(date +%s.%N)
  echo "$run data directory: $(echo "$end - $start" | bc) s to healthy"
  kill "$pid"; wait "$pid" || true
done
rm -rf "$dir"
