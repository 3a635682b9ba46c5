#!/usr/bin/env bash
# Intake benchmark: POST /api/cases over HTTP with 16 clients against a freshly started
# platform (embedded, durable PostgreSQL), and in the same run a baseline of plain single-row
# INSERT transactions into the same PostgreSQL at the same concurrency.
# Last line: intake_per_s=N p99_ms=N raw_insert_per_s=N ratio=R
# Usage: bench/intake.sh [clients=16] [seconds=30] [warmup=10]
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-16}
SECONDS_MEASURED=${2:-30}
WARMUP=${3:-10}
PORT=${BENCH_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-54339}
WORK=$(mktemp -d /tmp/onegrid-bench.XXXXXX)

[ -f target/onegrid.jar ] || mvn -q -B package -DskipTests
unzip -q -o -j target/onegrid.jar 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/lib"

# BENCH_JAVA_OPTS and BENCH_APP_ARGS let an experiment change JVM or application settings.
java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar target/onegrid.jar ${BENCH_APP_ARGS:-} --server.port="$PORT" \
  --onegrid.embedded-db.data-directory="$WORK/postgres" --onegrid.embedded-db.port="$DB_PORT" \
  --onegrid.demo.cases=20 > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT

for _ in $(seq 1 120); do
  if grep -q "Demo district" "$WORK/app.log"; then break; fi
  sleep 1
done
grep -q "Demo district" "$WORK/app.log" || { echo "platform did not start"; tail -50 "$WORK/app.log"; exit 1; }

java -cp "$(ls "$WORK"/lib/postgresql-*.jar)" bench/IntakeBench.java "http://localhost:$PORT" \
  "jdbc:postgresql://localhost:$DB_PORT/postgres" "$CLIENTS" "$WARMUP" "$SECONDS_MEASURED"
