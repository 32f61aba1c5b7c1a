#!/usr/bin/env bash
# Pages beside spring-petclinic (issue 21). Not part of `mvn verify`.
#
#   src/bench/pages-vs-petclinic.sh
#
# Everything runs as a user runs it (`java -jar`), in one run, on loopback:
# 1. builds the portal's jar if missing (`mvn -B -q -DskipTests package`) and spring-petclinic
#    (a clone of PETCLINIC_REPO in CACHE_DIR, its own Boot 4 parent, or 4.0.7 when that one does
#    not resolve) if its jar is missing;
# 2. once: the database TEMPLATE with the demo data, the full GeoNames directory and the Wikipedia
#    partnerships, imported with the portal's own commands (`import-municipalities`,
#    `import-partnerships`), then `ANALYZE`. Kept for the next run (marked ready by a comment on
#    the database; a half-made one is made again). Drop it with
#      psql -h 127.0.0.1 -U postgres -c "DROP DATABASE citybridge_bench21_world"
#    (and petclinic_bench, citybridge_bench21_startup, the copies are dropped at the end);
# 3. copies TEMPLATE to DB, `ANALYZE`, starts the portal on it (demo on) and petclinic on its
#    `postgres` profile (database petclinic_bench, its own schema.sql and data.sql);
# 4. wrk -t2 -c32 on every page, ROUNDS interleaved rounds of SLICE seconds; the figure is the
#    median of the rounds: the portal's own CSS file (the floor), /privacy, /municipalities,
#    /municipalities?q=darkhan, /agreements, the Brussels forum's agenda, /, and petclinic's
#    /owners?lastName=;
# 5. a conditional GET of an anonymous public page (CHECK_PATH) with the first answer's ETag;
# 6. start-up: STARTS alternating starts of each (portal without demo data on an already
#    migrated database, petclinic), from the process's start to the first HTTP 200 of
#    /actuator/health (Spring's "Started … in N seconds" beside it);
# 7. prints the table with the issue's targets, PASS or FAIL each. Exit 0 all pass, 1 some fail,
#    2 the run itself failed.
#
# Environment: BENCH_TEMPLATE (citybridge_bench21_world), BENCH_DB (citybridge_bench21),
# BENCH_PORT (8120, petclinic the next), SLICE (15), WARMUP (10 s a page), ROUNDS (3), THREADS (2),
# CONNECTIONS (32), STARTS (5; 0 leaves the start-up out), PAGES (1; 0 leaves the pages out),
# CHECK_PATH (/municipalities), TIMEOUT (600 s for a start), DATA_DIR (/work/shared/data),
# PETCLINIC_REPO (/work/.mirror/spring-projects+spring-petclinic/repo, or any git URL),
# CACHE_DIR (~/.cache/citybridge-bench). Logs: target/bench-logs/pages-vs-petclinic/.
# Needs java, mvn, git, psql, curl, wrk, and PostgreSQL on 127.0.0.1:5432 (role postgres, trust).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

TEMPLATE="${BENCH_TEMPLATE:-citybridge_bench21_world}"
DB="${BENCH_DB:-citybridge_bench21}"
STARTUP_DB="${DB}_startup"
PC_DB="${PETCLINIC_DB:-petclinic_bench}"
PORT="${BENCH_PORT:-8120}"
PC_PORT="$((PORT + 1))"
SLICE="${SLICE:-15}"
WARMUP="${WARMUP:-10}"
ROUNDS="${ROUNDS:-3}"
STARTS="${STARTS:-5}"
PAGES="${PAGES:-1}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
TIMEOUT="${TIMEOUT:-600}"
CHECK_PATH="${CHECK_PATH:-/municipalities}"
DATA_DIR="${DATA_DIR:-/work/shared/data}"
PETCLINIC_REPO="${PETCLINIC_REPO:-/work/.mirror/spring-projects+spring-petclinic/repo}"
CACHE_DIR="${CACHE_DIR:-$HOME/.cache/citybridge-bench}"
LOGS="$ROOT/target/bench-logs/pages-vs-petclinic"
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X"

die() { echo "pages-vs-petclinic: $*" >&2; exit 2; }
for tool in java mvn git psql curl wrk awk; do
  command -v "$tool" >/dev/null || die "needs $tool on the PATH (wrk: apt-get install wrk; psql: postgresql-client)"
done
$PG -d postgres -Atc "SELECT 1" >/dev/null 2>&1 || die "needs PostgreSQL on 127.0.0.1:5432, role postgres without a password"
for f in geonames-cities1000.csv.gz twin-cities-wikipedia.csv.gz; do
  [ -r "$DATA_DIR/$f" ] || die "needs $DATA_DIR/$f (set DATA_DIR)"
done
for port in "$PORT" "$PC_PORT"; do
  ! curl -s -o /dev/null "http://localhost:$port/" || die "port $port is in use already (set BENCH_PORT)"
done
mkdir -p "$LOGS" "$CACHE_DIR"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do stop "$pid"; done
  $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop() { # pid: stops a process started here and waits until it has gone (killed after 60 s)
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 600); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  local kept=()
  for pid in "${PIDS[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
  PIDS=("${kept[@]+"${kept[@]}"}")
}
wait_ok() { # url pid seconds: waits for an HTTP 200, fails when the process ends or time is up
  local deadline=$(( $(date +%s) + $3 ))
  until curl -sf -o /dev/null "$1"; do
    kill -0 "$2" 2>/dev/null || return 1
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
db_exists() { [ "$($PG -d postgres -Atc "SELECT count(*) FROM pg_database WHERE datname = '$1'")" = 1 ]; }

# 1. The jars.
JAR=$(ls target/citybridge-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
  echo "== building the portal's jar"
  mvn -B -q -DskipTests package
  JAR=$(ls target/citybridge-*.jar | grep -v plain | head -1)
fi
PC_DIR="$CACHE_DIR/petclinic"
PC_JAR=$(ls "$PC_DIR"/target/spring-petclinic-*.jar 2>/dev/null | head -1 || true)
if [ -z "$PC_JAR" ]; then
  echo "== building spring-petclinic in $PC_DIR"
  [ -d "$PC_DIR/.git" ] || git clone -q "$PETCLINIC_REPO" "$PC_DIR"
  PC_MVN=(mvn -B -q -Dmaven.test.skip=true -Dcheckstyle.skip=true -Dspring-javaformat.skip=true
    -Djacoco.skip=true -Dcyclonedx.skip=true -Dmaven.gitcommitid.skip=true package)
  if ! (cd "$PC_DIR" && "${PC_MVN[@]}" > "$LOGS/petclinic-build.log" 2>&1); then
    echo "   its Boot parent did not build here; trying 4.0.7"
    sed -i '0,/<artifactId>spring-boot-starter-parent<\/artifactId>/{n;s|<version>[^<]*</version>|<version>4.0.7</version>|}' "$PC_DIR/pom.xml"
    (cd "$PC_DIR" && "${PC_MVN[@]}" > "$LOGS/petclinic-build.log" 2>&1) || die "petclinic did not build, see $LOGS/petclinic-build.log"
  fi
  PC_JAR=$(ls "$PC_DIR"/target/spring-petclinic-*.jar | head -1)
fi
PC_BOOT=$(unzip -p "$PC_JAR" META-INF/MANIFEST.MF 2>/dev/null | sed -n 's/^Spring-Boot-Version: *//p' | tr -d '\r')
PC_COMMIT=$(git -C "$PC_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')

# 2. The world, once (only the pages need it; the start-up runs on an empty, migrated database).
COUNTS="start-up only"
if [ "$PAGES" = 0 ]; then
  :
elif db_exists "$TEMPLATE" && [ "$($PG -d postgres -Atc "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$TEMPLATE'")" = ready ]; then
  echo "== reusing $TEMPLATE"
else
  echo "== preparing $TEMPLATE: demo data, GeoNames, Wikipedia partnerships (once, several minutes)"
  $PG -d postgres -c "DROP DATABASE IF EXISTS $TEMPLATE WITH (FORCE)" -c "CREATE DATABASE $TEMPLATE"
  T0=$(date +%s)
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$TEMPLATE" CITYBRIDGE_DEMO_ENABLED=true \
    java -jar "$JAR" import-municipalities "$DATA_DIR/geonames-cities1000.csv.gz" > "$LOGS/import-municipalities.log" 2>&1 \
    || die "import-municipalities failed, see $LOGS/import-municipalities.log"
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$TEMPLATE" CITYBRIDGE_DEMO_ENABLED=true \
    java -jar "$JAR" import-partnerships "$DATA_DIR/twin-cities-wikipedia.csv.gz" > "$LOGS/import-partnerships.log" 2>&1 \
    || die "import-partnerships failed, see $LOGS/import-partnerships.log"
  $PG -d "$TEMPLATE" -c "VACUUM ANALYZE"
  $PG -d postgres -c "COMMENT ON DATABASE $TEMPLATE IS 'ready'"
  echo "   done in $(( $(date +%s) - T0 )) s"
fi
[ "$PAGES" = 0 ] || COUNTS=$($PG -d "$TEMPLATE" -Atc "SELECT (SELECT count(*) FROM municipalities) || ' municipalities, ' || (SELECT count(*) FROM agreements) || ' agreements'")

# 3. The two applications.
echo "== $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $DB from $TEMPLATE: $COUNTS"
if [ "$PAGES" != 0 ]; then
  $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB TEMPLATE $TEMPLATE"
  $PG -d "$DB" -c "ANALYZE"
fi
db_exists "$PC_DB" || $PG -d postgres -c "CREATE DATABASE $PC_DB"

start_portal() { # db port demo log
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$1" CITYBRIDGE_DEMO_ENABLED="$3" CITYBRIDGE_WORLD_ENABLED=false \
    java -jar "$JAR" --server.port="$2" --citybridge.public-url="http://localhost:$2" > "$4" 2>&1 &
  PIDS+=("$!"); LAST=$!
}
start_petclinic() { # port log
  POSTGRES_URL="jdbc:postgresql://127.0.0.1:5432/$PC_DB" POSTGRES_USER=postgres POSTGRES_PASS=postgres \
    java -jar "$PC_JAR" --spring.profiles.active=postgres --server.port="$1" > "$2" 2>&1 &
  PIDS+=("$!"); LAST=$!
}
declare -A BYTES RPS MED
if [ "$PAGES" != 0 ]; then
start_portal "$DB" "$PORT" true "$LOGS/portal.log"; APP=$LAST
start_petclinic "$PC_PORT" "$LOGS/petclinic.log"; PC=$LAST
wait_ok "http://localhost:$PORT/actuator/health" "$APP" "$TIMEOUT" || die "the portal did not start, see $LOGS/portal.log"
wait_ok "http://localhost:$PC_PORT/actuator/health" "$PC" "$TIMEOUT" || die "petclinic did not start, see $LOGS/petclinic.log"

P="http://localhost:$PORT"
CSS=$(curl -s "$P/privacy" | grep -o 'href="/css/citybridge[^"]*\.css"' | head -1 | sed 's/^href="//; s/"$//')
[ -n "$CSS" ] || die "no link to /css/citybridge….css in /privacy"
NAMES=(css privacy directory search register agenda home petclinic)
LABELS=("portal CSS ($CSS)" "/privacy (lightest page)" "/municipalities (directory)" "/municipalities?q=darkhan (search)"
  "/agreements (register)" "/events/brussels-forum-2025/agenda" "/ (home)" "petclinic /owners?lastName=")
URLS=("$P$CSS" "$P/privacy" "$P/municipalities" "$P/municipalities?q=darkhan" "$P/agreements"
  "$P/events/brussels-forum-2025/agenda" "$P/" "http://localhost:$PC_PORT/owners?lastName=")
for i in "${!NAMES[@]}"; do
  code=$(curl -s -o "$LOGS/${NAMES[$i]}.body" -w '%{http_code}' "${URLS[$i]}")
  [ "$code" = 200 ] || die "${URLS[$i]} answered $code"
  BYTES[${NAMES[$i]}]=$(stat -c %s "$LOGS/${NAMES[$i]}.body")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${URLS[$i]}" >/dev/null # warm-up: JIT, caches
done

# 4. Throughput, interleaved rounds.
for round in $(seq 1 "$ROUNDS"); do
  line="   round $round:"
  for i in "${!NAMES[@]}"; do
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SLICE}s" "${URLS[$i]}")
    echo "$out" > "$LOGS/wrk-${NAMES[$i]}-$round.txt"
    rps=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
    bad=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    [ -z "$bad" ] || echo "   warning: ${NAMES[$i]} had $bad answers that were not 2xx/3xx in round $round"
    RPS[${NAMES[$i]}]="${RPS[${NAMES[$i]}]:-} $rps"
    line="$line ${NAMES[$i]} $rps"
  done
  echo "$line (load $(cut -d' ' -f1 /proc/loadavg))"
done
for n in "${NAMES[@]}"; do
  # shellcheck disable=SC2086
  MED[$n]=$(median ${RPS[$n]})
done

# 5. Conditional GET.
HEAD1=$(curl -s -D - -o /dev/null "$P$CHECK_PATH")
ETAG=$(echo "$HEAD1" | tr -d '\r' | awk 'tolower($1) == "etag:" {sub(/^[^:]*: */, ""); print; exit}')
if [ -n "$ETAG" ]; then
  COND=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$P$CHECK_PATH")
  COND_NOTE="ETag $ETAG; again with If-None-Match: $COND"
else
  COND=none
  COND_NOTE="no ETag (Cache-Control: $(echo "$HEAD1" | tr -d '\r' | awk 'tolower($1) == "cache-control:" {sub(/^[^:]*: */, ""); print; exit}'))"
fi
stop "$APP"; stop "$PC"
fi

# 6. Start-up.
db_exists "$STARTUP_DB" || $PG -d postgres -c "CREATE DATABASE $STARTUP_DB"
started() { sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$1" | head -1; }
time_start() { # kind log: sets TOOK (seconds to the first 200) and LINE (the "Started" line's seconds)
  local t0 t1
  t0=$(date +%s.%N)
  if [ "$1" = portal ]; then start_portal "$STARTUP_DB" "$PORT" false "$2"; else start_petclinic "$PC_PORT" "$2"; fi
  local pid=$LAST port=$PORT
  [ "$1" = portal ] || port=$PC_PORT
  wait_ok "http://localhost:$port/actuator/health" "$pid" "$TIMEOUT" || die "$1 did not start, see $2"
  t1=$(date +%s.%N)
  stop "$pid"
  TOOK=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
  LINE=$(started "$2")
}
S_APP=(); S_PC=(); L_APP=(); L_PC=()
if [ "$STARTS" -gt 0 ]; then
  time_start portal "$LOGS/start-portal-warmup.log"    # migrates the database; jar in the file cache
  time_start petclinic "$LOGS/start-petclinic-warmup.log"
fi
for run in $(seq 1 "$STARTS"); do
  time_start portal "$LOGS/start-portal-$run.log"; a=$TOOK; la=$LINE
  time_start petclinic "$LOGS/start-petclinic-$run.log"; b=$TOOK; lb=$LINE
  S_APP+=("$a"); L_APP+=("$la"); S_PC+=("$b"); L_PC+=("$lb")
  echo "   start $run: portal $a s (Started line $la s), petclinic $b s ($lb s)"
done

# 7. The table.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() { # value op limit
  awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {ok = (op == ">=") ? v >= l : v <= l; print ok ? "PASS" : "FAIL"}'
}
FAILS=0
check() { # label value op limit
  local v; v=$(verdict "$2" "$3" "$4")
  [ "$v" = PASS ] || FAILS=$((FAILS + 1))
  printf '| %s | %s× | %s %s× | **%s** |\n' "$1" "$2" "$3" "$4" "$v"
}
echo
echo "== Results: $(date -u +%FT%TZ), portal $(git rev-parse --short HEAD), petclinic $PC_COMMIT (Boot $PC_BOOT);" \
  "wrk -t$THREADS -c$CONNECTIONS, median of $ROUNDS interleaved ${SLICE}-second slices; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| page | bytes | req/s (median) | rounds |"
echo "| --- | ---: | ---: | --- |"
[ "$PAGES" = 0 ] || for i in "${!NAMES[@]}"; do
  n=${NAMES[$i]}
  printf '| %s | %s | %s | %s |\n' "${LABELS[$i]}" "${BYTES[$n]}" "${MED[$n]}" "$(echo ${RPS[$n]} | sed 's/ / · /g')"
done
if [ "$STARTS" -gt 0 ]; then
MA=$(median "${S_APP[@]}"); MP=$(median "${S_PC[@]}")
printf '| start-up to the first 200, median of %s alternating | | portal %s s, petclinic %s s | portal %s; petclinic %s |\n' \
  "$STARTS" "$MA" "$MP" "$(echo "${S_APP[*]}" | sed 's/ / · /g')" "$(echo "${S_PC[*]}" | sed 's/ / · /g')"
printf '| "Started … in", median | | portal %s s, petclinic %s s | |\n' "$(median "${L_APP[@]}")" "$(median "${L_PC[@]}")"
fi
echo
echo "| target (issue 21) | measured | needed | |"
echo "| --- | ---: | ---: | --- |"
if [ "$PAGES" != 0 ]; then
check "lightest page (/privacy) against the CSS file" "$(ratio "${MED[privacy]}" "${MED[css]}")" ">=" 0.3
check "directory against petclinic" "$(ratio "${MED[directory]}" "${MED[petclinic]}")" ">=" 2
check "search against petclinic" "$(ratio "${MED[search]}" "${MED[petclinic]}")" ">=" 1.5
check "home against the lightest page" "$(ratio "${MED[home]}" "${MED[privacy]}")" ">=" 0.5
check "register against the lightest page" "$(ratio "${MED[register]}" "${MED[privacy]}")" ">=" 0.5
check "agenda against the lightest page" "$(ratio "${MED[agenda]}" "${MED[privacy]}")" ">=" 0.5
if [ "$COND" = 304 ]; then C=PASS; else C=FAIL; FAILS=$((FAILS + 1)); fi
printf '| repeated anonymous GET of %s answered 304 | %s | 304 | **%s** |\n' "$CHECK_PATH" "$COND_NOTE" "$C"
fi
[ "$STARTS" = 0 ] || check "start-up against petclinic's (first 200)" "$(ratio "$MA" "$MP")" "<=" 1.2
echo
echo "Logs: $LOGS. The prepared database $TEMPLATE is kept for the next run."
[ "$FAILS" = 0 ] || exit 1
