#!/usr/bin/env bash
# Two instances behind a load balancer against one, in the same run: starts the platform as
# bench/intake.sh does (embedded PostgreSQL, a small demo district) and runs the intake bench
# against it; then starts a second instance on the same database and HAProxy (round robin, health
# checks on readiness) in front of both, and runs the intake bench through the balancer.
# Needs haproxy (apt-get install -y haproxy). Two lines, each: intake_per_s=N p99_ms=N raw_insert_per_s=N ratio=R
# Usage: bench/two-instances.sh [clients=16] [seconds=30] [warmup=60]
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-16}
SECONDS_MEASURED=${2:-30}
WARMUP=${3:-60}
PORT=${BENCH_PORT:-18080}
PORT2=$((PORT + 1))
BALANCER=$((PORT + 2))
DB_PORT=${BENCH_DB_PORT:-54339}
WORK=$(mktemp -d /tmp/onegrid-bench.XXXXXX)
command -v haproxy >/dev/null || { echo "haproxy is needed: apt-get install -y haproxy"; exit 1; }

. bench/platform.sh
[ -f target/onegrid.jar ] || mvn -q -B package -DskipTests
PGJAR=$(postgres_jar "$WORK/lib")
KEY="--onegrid.register.key-file=$WORK/register.key"

start_platform "$WORK/app.log" "$PORT" "$DB_PORT" "$WORK/postgres" "$KEY" ${BENCH_APP_ARGS:-}
FIRST=$APP
SECOND=""
trap 'kill $FIRST $SECOND 2>/dev/null; [ -f "$WORK/haproxy.pid" ] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null; wait $FIRST $SECOND 2>/dev/null; rm -rf "$WORK"' EXIT
wait_for_log "$WORK/app.log" "Demo district" 120

echo "one instance:"
java -cp "$PGJAR" bench/IntakeBench.java "http://localhost:$PORT" \
  "jdbc:postgresql://localhost:$DB_PORT/postgres" "$CLIENTS" "$WARMUP" "$SECONDS_MEASURED" | tail -1

SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$DB_PORT/postgres" SPRING_DATASOURCE_USERNAME=postgres \
  java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar target/onegrid.jar --server.port="$PORT2" "$KEY" >> "$WORK/app2.log" 2>&1 &
SECOND=$!
wait_for_log "$WORK/app2.log" "Started OneGridApplication" 120

cat > "$WORK/haproxy.cfg" <<CFG
global
  maxconn 1024
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
frontend onegrid_in
  bind 127.0.0.1:$BALANCER
  default_backend onegrid
backend onegrid
  balance roundrobin
  option httpchk GET /actuator/health/readiness
  server first 127.0.0.1:$PORT check inter 2s
  server second 127.0.0.1:$PORT2 check inter 2s
CFG
haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid"
sleep 5

echo "two instances behind haproxy:"
java -cp "$PGJAR" bench/IntakeBench.java "http://localhost:$BALANCER" \
  "jdbc:postgresql://localhost:$DB_PORT/postgres" "$CLIENTS" "$WARMUP" "$SECONDS_MEASURED" | tail -1
