#!/usr/bin/env bash
# Slow-body benchmark: starts the platform as bench/intake.sh does, holds SLOW sign-in bodies open
# from 127.0.0.1 at one byte a second, and checks that a client of another address is still served.
# Last line: slow=N probe_calls=N probe_answered=N probe_failed=N max_ms=N
# Usage: bench/slow-bodies.sh [slow=70] [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
SLOW=${1:-70}
SECONDS_MEASURED=${2:-20}
PORT=${BENCH_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-54339}
WORK=$(mktemp -d /tmp/onegrid-bench.XXXXXX)

. bench/platform.sh
start_platform "$WORK/app.log" "$PORT" "$DB_PORT" "$WORK/postgres" ${BENCH_APP_ARGS:-}
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
wait_for_log "$WORK/app.log" "Demo district" 120

java bench/SlowBodiesBench.java "$PORT" "$SLOW" "$SECONDS_MEASURED"
