#!/usr/bin/env bash
# Assessment at scale: fills a database with N generated cases (default 10,000,000) once, folds
# their timelines into the daily figures (timed), then measures over HTTP the leader dashboard's
# figures, one-month rankings of units and of grids, the drill-down to the cases behind a count
# (p50/p95 over 100 requests each), and an
# export of 100,000 cases to Excel (time, with the platform's heap capped at -Xmx512m).
# The generated database is kept in $BENCH_DATA (default /tmp/onegrid-bench-<N>) for later runs.
# Last line: dashboard_p95_ms=N ranking_unit_p95_ms=N ranking_grid_p95_ms=N drill_down_p95_ms=N drill_down_district_p95_ms=N export_100k_s=S heap_mb=512
# Usage: bench/assessment.sh [cases=10000000]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000000}
PORT=${BENCH_PORT:-18081}
DB_PORT=${BENCH_DB_PORT:-54340}
DATA=${BENCH_DATA:-/tmp/onegrid-bench-$N}
FROM=${BENCH_FROM:-2023-01-01}
TO=$(date -u +%F)
WORK=$(mktemp -d /tmp/onegrid-assessment.XXXXXX)
mkdir -p "$DATA"

. bench/platform.sh
[ -f target/onegrid.jar ] || mvn -q -B package -DskipTests
PGJAR=$(postgres_jar "$WORK/lib")

# The scheduled fold is switched off so that the bench times the fold itself.
start_platform "$WORK/app.log" "$PORT" "$DB_PORT" "$DATA/postgres" \
  --onegrid.assessment.fold-every=PT1000H --onegrid.assessment.fold-batch=50000
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
wait_for_log "$WORK/app.log" "Started OneGridApplication" 300
# On a fresh directory the demo district loads after the start; the generator drops indexes
# while it writes, so it waits for the demo to finish.
[ -f "$DATA/generated" ] || wait_for_log "$WORK/app.log" "Demo district" 300
sleep 3

if [ ! -f "$DATA/generated" ]; then
  echo "generating $N cases from $FROM to $TO..."
  java -cp "$PGJAR" bench/GenerateCases.java "jdbc:postgresql://localhost:$DB_PORT/postgres" "$N" "$FROM" "$TO" | tee "$DATA/generate.log"
  touch "$DATA/generated"
fi
[ "${BENCH_GENERATE_ONLY:-}" = 1 ] && exit 0
echo "folding the transition feed..."
START=$(date +%s.%N)
curl -sf -u admin:demo --max-time 36000 -X POST "http://localhost:$PORT/api/assessment/refresh"; echo
echo "fold_s=$(echo "$(date +%s.%N) - $START" | bc)"

java -cp "$PGJAR" bench/AssessmentBench.java "http://localhost:$PORT" "jdbc:postgresql://localhost:$DB_PORT/postgres"
