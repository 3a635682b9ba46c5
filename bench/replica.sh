#!/usr/bin/env bash
# The reports from a read replica against the primary, in the same run, at N cases (10,000,000
# unless told): uses the database bench/assessment.sh generated and folded (run that first; it
# is kept in $BENCH_DATA), runs bench/AssessmentBench.java against the platform on the primary
# alone, then makes a hot standby of the primary with the platform's own
# `java -jar onegrid.jar make-standby` (a low-level base backup and streaming replication from
# the same PostgreSQL binaries), restarts the platform with --onegrid.replica.url pointing at it,
# checks that the dashboard says it read the replica, and runs the same bench again.
# Two last lines, each AssessmentBench's: primary: ... and replica: ...
# Usage: bench/replica.sh [cases=10000000]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000000}
PORT=${BENCH_PORT:-18081}
DB_PORT=${BENCH_DB_PORT:-54340}
REPLICA_PORT=${BENCH_REPLICA_PORT:-54341}
DATA=${BENCH_DATA:-/tmp/onegrid-bench-$N}
JAR=${BENCH_JAR:-target/onegrid.jar}
WORK=$(mktemp -d /tmp/onegrid-replica.XXXXXX)
[ -f "$DATA/generated" ] || { echo "no generated database in $DATA: run bench/assessment.sh $N first"; exit 1; }

. bench/platform.sh
[ -f "$JAR" ] || mvn -q -B package -DskipTests
PGJAR=$(postgres_jar "$WORK/lib")
STANDBY="$WORK/standby"
stop_standby() {
  if [ -f "$STANDBY/postmaster.pid" ]; then
    unshare -U "$(dirname "$(readlink -f /proc/"$(head -1 "$STANDBY/postmaster.pid")"/exe)")/pg_ctl" -D "$STANDBY" -m fast -w stop || true
  fi
}
APP=""
# The slot goes with the standby, or the primary would keep its write-ahead log for it for ever.
finish() {
  stop_standby
  [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null && java -jar "$JAR" make-standby --drop-slot \
    --primary "jdbc:postgresql://localhost:$DB_PORT/postgres" --port "$REPLICA_PORT"
  kill $APP 2>/dev/null; wait $APP 2>/dev/null
  rm -rf "$WORK"
}
trap finish EXIT

start_platform "$WORK/app.log" "$PORT" "$DB_PORT" "$DATA/postgres" --onegrid.assessment.fold-every=PT1000H
wait_for_log "$WORK/app.log" "Started OneGridApplication" 300
sleep 3
echo "folding what is not folded yet..."
curl -sf -u admin:demo --max-time 36000 -X POST "http://localhost:$PORT/api/assessment/refresh"; echo
echo "primary alone:"
java -cp "$PGJAR" bench/AssessmentBench.java "http://localhost:$PORT" "jdbc:postgresql://localhost:$DB_PORT/postgres" \
  | tee "$WORK/primary.txt"

echo "making the standby..."
java -jar "$JAR" make-standby --primary "jdbc:postgresql://localhost:$DB_PORT/postgres" --data "$STANDBY" \
  --port "$REPLICA_PORT"
kill $APP; wait $APP 2>/dev/null || true
start_platform "$WORK/app2.log" "$PORT" "$DB_PORT" "$DATA/postgres" --onegrid.assessment.fold-every=PT1000H \
  --onegrid.replica.url="jdbc:postgresql://localhost:$REPLICA_PORT/postgres"
wait_for_log "$WORK/app2.log" "Started OneGridApplication" 300
sleep 3
FROM=$(curl -sf -u admin:demo "http://localhost:$PORT/api/assessment/dashboard" | grep -o '"readFrom":{[^}]*}')
echo "dashboard $FROM"
echo "$FROM" | grep -q '"database":"REPLICA"' || { echo "the dashboard did not read the replica"; tail -30 "$WORK/app2.log"; exit 1; }
echo "with the replica:"
java -cp "$PGJAR" bench/AssessmentBench.java "http://localhost:$PORT" "jdbc:postgresql://localhost:$DB_PORT/postgres" \
  | tee "$WORK/replica.txt"
echo "standby: $(du -sh "$STANDBY" | cut -f1)"
echo "primary: $(tail -1 "$WORK/primary.txt")"
echo "replica: $(tail -1 "$WORK/replica.txt")"
