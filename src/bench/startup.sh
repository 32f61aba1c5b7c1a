#!/usr/bin/env bash
# Start-up benchmark (docs/benchmarks.md, "Start-up"): the portal against a bare Spring Boot
# application with the same classpath (bench.BareApplication), measured in the same run and
# interleaved (portal, bare, portal, bare, ...) so that a noisy, shared machine slows both alike.
# The figure is Spring's own "Started ... in N seconds"; the verdict is the difference of the medians.
#
#   bash src/bench/startup.sh
#
# Environment: RUNS (default 5), LIMIT in seconds (default 2.0), TIMEOUT per start in seconds
# (default 180), PGHOST/PGPORT/PGUSER for psql (default 127.0.0.1/5432/postgres).
# Exit status: 0 if median(portal) - median(bare) <= LIMIT, 1 if above, 2 if a start failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS="${RUNS:-5}"
LIMIT="${LIMIT:-2.0}"
TIMEOUT="${TIMEOUT:-180}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
DB=citybridge_bench
export SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:${PGPORT}/${DB}"
LOGS=target/bench-logs

pid=""
result=""
db_created=""

stop() { # stop the running application, if any, and wait until it is gone
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  if [ -n "$pid" ]; then wait "$pid" 2>/dev/null || true; fi
  pid=""
}

cleanup() {
  stop
  if [ -n "$db_created" ]; then
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Building (test-compile, class path)..."
mvn -q -B -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

# Both applications get one and the same class path. The bare application is copied out of
# target/test-classes on purpose: with target/test-classes itself on the class path, the portal's
# component scan of org.citybridge would pick up the tests' @TestConfiguration classes (outside a
# test nothing filters them), and TestDatabase would probe for Docker and create a database.
rm -rf target/bench-classes "$LOGS"
mkdir -p target/bench-classes "$LOGS"
cp -R target/test-classes/bench target/bench-classes/
CP="target/classes:target/bench-classes:$(cat target/bench-classpath.txt)"

# A fresh database: whatever a killed earlier run left behind must not change the figures.
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE ${DB}" >/dev/null
db_created=1

# start NAME MAIN-CLASS ARGS...: sets $result to Spring's start-up seconds, then stops the
# application. (No command substitution: the EXIT trap must see $pid to kill a pending start.)
start() {
  local name="$1" main="$2" log="$LOGS/$1.log" deadline seconds
  shift 2
  : >"$log"
  java -cp "$CP" "$main" --server.port=0 "$@" >"$log" 2>&1 &
  pid=$!
  deadline=$((SECONDS + TIMEOUT))
  seconds=""
  while [ -z "$seconds" ]; do
    seconds="$(sed -nE '/Started [A-Za-z0-9_$]+ in [0-9.]+ seconds/{s/.*Started [A-Za-z0-9_$]+ in ([0-9.]+) seconds.*/\1/p;q}' "$log")"
    [ -n "$seconds" ] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name: exited before it started; see $log" >&2
      tail -n 20 "$log" >&2
      return 2
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "$name: not started after ${TIMEOUT}s; see $log" >&2
      return 2
    fi
    sleep 0.2
  done
  stop
  result="$seconds"
}

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

portal() { start "portal-$1" org.citybridge.CityBridgeApplication --citybridge.demo.enabled=false --citybridge.public-url=http://localhost; }
bare() { start "bare-$1" bench.BareApplication; }

# One start of each that is not counted: it applies the portal's migrations to the empty database
# (and the bare application's empty Flyway history), so that every counted start is an ordinary
# restart, and it warms the file cache for the jars.
echo "Warm-up (not counted)..."
portal warmup || exit 2
bare warmup || exit 2

portal_times=""
bare_times=""
for i in $(seq 1 "$RUNS"); do
  portal "$i" || exit 2
  p="$result"
  bare "$i" || exit 2
  b="$result"
  printf 'run %d: portal %6.3f s   bare %6.3f s\n' "$i" "$p" "$b"
  portal_times="$portal_times $p"
  bare_times="$bare_times $b"
done

portal_median="$(echo "$portal_times" | median)"
bare_median="$(echo "$bare_times" | median)"
awk -v p="$portal_median" -v b="$bare_median" -v limit="$LIMIT" \
  -v pt="${portal_times# }" -v bt="${bare_times# }" 'BEGIN {
    printf "portal: %s\n", pt
    printf "bare:   %s\n", bt
    printf "median portal %.3f s, median bare %.3f s, difference %+.3f s (ratio %.2f), limit %.1f s\n",
      p, b, p - b, p / b, limit
    if (p - b > limit) { print "FAIL: the portal starts more than the limit slower than the bare application"; exit 1 }
    print "OK"
  }'
