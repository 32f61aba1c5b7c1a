# Shared pieces of the page benchmarks (sourced, not run): the jar, a fresh database with the portal
# started on it, and the measures every script takes the same way. Callers set DB, PORT, OUT and
# SLICE (seconds of one measure) and may set COOKIE (a "Cookie: ..." header) before measuring.
# Used by activities-bench.sh; the older scripts keep their own copies of the same lines.

PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

# The portal's jar, built (without tests) if there is none.
bench_jar() {
  local jar
  jar=$(ls target/citybridge-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [ -z "$jar" ]; then
    mvn -B -q -o package -DskipTests >&2
    jar=$(ls target/citybridge-*.jar | grep -v plain | head -1)
  fi
  echo "$jar"
}

# Drops and creates $DB, starts the jar on it (extra Spring arguments after the jar's), waits for it;
# the portal and the database go when the script exits.
bench_start_fresh() {
  local jar=$1; shift
  $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  java -jar "$jar" --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --server.port="$PORT" \
    --citybridge.public-url="http://localhost:$PORT" "$@" > "$OUT/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true' EXIT
  for _ in $(seq 1 300); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && return 0; sleep 1; done
  echo "portal did not start"; tail -40 "$OUT/app.log"; exit 2
}

# p95 (ms) of a path at one connection for $SLICE seconds (wrk with src/bench/p95.lua).
bench_p95() {
  wrk -t1 -c1 -d"${SLICE}s" ${COOKIE:+-H "$COOKIE"} -s src/bench/p95.lua "http://localhost:$PORT$1" \
    | grep p95_ms | sed 's/.*p95_ms=\([0-9.]*\).*/\1/'
}

# A few seconds at four connections, to warm the JIT and the pools before measuring.
# Warms each page for BENCH_WARM seconds (20): the JIT compiles a page's rendering over some thousands of
# requests, and 5 s left the first rounds measuring the compilation (the register's p95 7.5, 6.6, then 4.2 ms).
bench_warm() {
  local path
  for path in "$@"; do wrk -t1 -c4 -d"${BENCH_WARM:-20}s" ${COOKIE:+-H "$COOKIE"} "http://localhost:$PORT$path" >/dev/null; done
}

# p95 (ms) of an SQL file run bare for $SLICE seconds: pgbench, one client, prepared statements (as
# the JDBC driver runs them once warm).
bench_sql_p95() {
  rm -f "$OUT"/pgbench_log*
  (cd "$OUT" && pgbench -h 127.0.0.1 -U postgres -n -M prepared -c1 -T"$SLICE" -f "$1" -l "$DB" >/dev/null 2>&1)
  cat "$OUT"/pgbench_log* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f\n", a[int(NR*0.95)]/1000}'
}

bench_median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

bench_load() { cut -d' ' -f1-3 /proc/loadavg; }
