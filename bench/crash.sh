#!/usr/bin/env bash
# Crash test: drive intake with 16 clients, kill the JVM and its PostgreSQL server with SIGKILL
# in the middle, restart on the same data directory, and check that every case that got a 201
# is there with its timeline, and that every such case's reporter got exactly one receipt SMS
# through the outbox (a gateway stand-in on SMS_PORT). Last lines: acked=N found=N lost=0 and
# messages expected=N delivered=N lost=0 twice=0 repeats=N (exit 1 if anything was lost or doubled).
# Usage: bench/crash.sh [seconds of load=20] [kill after seconds=8]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_OF_LOAD=${1:-20}
KILL_AFTER=${2:-8}
PORT=${BENCH_PORT:-18085}
DB_PORT=${BENCH_DB_PORT:-54345}
SMS_PORT=${BENCH_SMS_PORT:-18086}
WORK=$(mktemp -d /tmp/onegrid-crash.XXXXXX)
DATA="$WORK/postgres"

. bench/platform.sh

# Waits on HTTP, not the log: after the restart the log already holds the first start's lines.
start() {
  start_platform "$WORK/app.log" "$PORT" "$DB_PORT" "$DATA" --onegrid.notify.sms.url="http://localhost:$SMS_PORT/sms" \
    --onegrid.notify.sms.quiet-from=00:00 --onegrid.notify.sms.quiet-until=00:00 --onegrid.notify.sms.daily-limit=100000 \
    --onegrid.notify.every=PT0.5S
  for _ in $(seq 1 120); do
    if curl -sf -u agent:demo "http://localhost:$PORT/api/grids/locate?lat=34.5555&lng=119.1355" > /dev/null; then
      return 0
    fi
    sleep 1
  done
  echo "platform did not start"; tail -40 "$WORK/app.log"; exit 1
}
cleanup() {
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  kill "$GATEWAY" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

java bench/CrashBench.java gateway "$SMS_PORT" "$WORK/sms.txt" &
GATEWAY=$!
start
# Wait for the demo district too, so that the restart is a plain restart.
wait_for_log "$WORK/app.log" "Demo district" 60

java bench/CrashBench.java drive "http://localhost:$PORT" 16 "$SECONDS_OF_LOAD" "$WORK/acked.txt" &
DRIVER=$!
sleep "$KILL_AFTER"
echo "killing the JVM ($APP) and its PostgreSQL server with SIGKILL after $KILL_AFTER s, $(wc -l < "$WORK/acked.txt") cases acknowledged so far"
kill -9 "$APP"
pkill -9 -f -- "-D $DATA" || true
wait "$APP" 2>/dev/null || true
wait "$DRIVER"

start
if grep -qE "not properly shut down|automatic recovery in progress|redo done" "$WORK/app.log"; then
  echo "PostgreSQL ran crash recovery from its write-ahead log on restart"
fi
java bench/CrashBench.java check "http://localhost:$PORT" "$WORK/acked.txt"
java bench/CrashBench.java messages "$WORK/acked.txt" "$WORK/sms.txt" 120
