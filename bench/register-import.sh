#!/usr/bin/env bash
# Register import benchmark: starts the platform as bench/intake.sh does (-Xmx512m), then imports a
# street's residents from one .xlsx workbook (bench/RegisterImportBench.java): the preview, then
# the import in one transaction. Last line: members=N bytes=N preview_ms=N import_ms=N written=N
# Usage: bench/register-import.sh [members=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${1:-100000}
PORT=${BENCH_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-54339}
WORK=$(mktemp -d /tmp/onegrid-bench.XXXXXX)

. bench/platform.sh
start_platform "$WORK/app.log" "$PORT" "$DB_PORT" "$WORK/postgres" --onegrid.register.key-file="$WORK/register.key" \
  ${BENCH_APP_ARGS:-}
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
wait_for_log "$WORK/app.log" "Demo district" 120

java bench/RegisterImportBench.java "$PORT" "$MEMBERS"
