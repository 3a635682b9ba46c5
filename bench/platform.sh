# Sourced by the bench scripts: start the built platform as the README does and wait for it.

# start_platform LOG PORT DB_PORT DATA_DIR [application arguments...]
# Starts target/onegrid.jar (built if missing; $BENCH_JAR names another) in the background with -Xmx512m plus
# $BENCH_JAVA_OPTS, the embedded PostgreSQL in DATA_DIR on DB_PORT, a small demo district, and
# the log appended to LOG; sets APP to the JVM's process id.
start_platform() {
  local log=$1 port=$2 db_port=$3 data=$4
  shift 4
  [ -n "${BENCH_JAR:-}" ] || [ -f target/onegrid.jar ] || mvn -q -B package -DskipTests
  java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "${BENCH_JAR:-target/onegrid.jar}" --server.port="$port" \
    --onegrid.embedded-db.data-directory="$data" --onegrid.embedded-db.port="$db_port" \
    --onegrid.demo.cases=20 "$@" >> "$log" 2>&1 &
  APP=$!
}

# wait_for_log LOG PATTERN SECONDS: returns once LOG shows PATTERN; after SECONDS, prints the
# log's tail and fails.
wait_for_log() {
  local log=$1 pattern=$2 seconds=$3
  for _ in $(seq 1 "$seconds"); do
    if grep -q "$pattern" "$log"; then return 0; fi
    sleep 1
  done
  echo "platform did not start"; tail -50 "$log"; return 1
}

# postgres_jar DIR: unpacks the PostgreSQL JDBC driver from the built jar into DIR, prints its path.
postgres_jar() {
  unzip -q -o -j "${BENCH_JAR:-target/onegrid.jar}" 'BOOT-INF/lib/postgresql-*.jar' -d "$1"
  ls "$1"/postgresql-*.jar
}
