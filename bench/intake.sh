#!/usr/bin/env bash
# Intake benchmark: POST /api/cases over HTTP with 16 clients against a freshly started
# platform (embedded, durable PostgreSQL), and in the same run a baseline of plain single-row
# INSERT transactions into the same PostgreSQL at the same concurrency. Also prints the rate of
# GET /api/me (authenticated, no work): the ceiling any API call meets on this machine.
# Last line: intake_per_s=N p99_ms=N raw_insert_per_s=N ratio=R
# Usage: bench/intake.sh [clients=16] [seconds=30] [warmup=60]
# The warm-up is long because on two cores the JIT compilers need about a minute of load to
# finish (docs/benchmarks.md: the rate after 10 s of warm-up is about half the steady rate).
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-16}
SECONDS_MEASURED=${2:-30}
WARMUP=${3:-60}
PORT=${BENCH_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-54339}
WORK=$(mktemp -d /tmp/onegrid-bench.XXXXXX)

. bench/platform.sh
[ -f target/onegrid.jar ] || mvn -q -B package -DskipTests
PGJAR=$(postgres_jar "$WORK/lib")

# BENCH_JAVA_OPTS and BENCH_APP_ARGS let an experiment change JVM or application settings.
start_platform "$WORK/app.log" "$PORT" "$DB_PORT" "$WORK/postgres" ${BENCH_APP_ARGS:-}
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
wait_for_log "$WORK/app.log" "Demo district" 120

java -cp "$PGJAR" bench/IntakeBench.java "http://localhost:$PORT" \
  "jdbc:postgresql://localhost:$DB_PORT/postgres" "$CLIENTS" "$WARMUP" "$SECONDS_MEASURED"
