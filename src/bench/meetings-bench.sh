#!/usr/bin/env bash
# Meetings benchmark (issue 23). Not part of `mvn verify`.
#
#   src/bench/meetings-bench.sh
#
# Creates a fresh database (BENCH_DB, default cb_bench_meetings), starts the portal on BENCH_PORT
# (default 8131) with the demo data, adds a generated forum with 300 participants and 2,000 accepted
# meetings (src/bench/meetings-data.sql), signs in as Darkhan's demo officer (one of the 300), then
# measures in one run, in interleaved rounds: p95 at one connection of the participants' list with
# reasons (/events/bench-meetings/meetings: 299 others, each with the partner suggestions' reasons
# between their municipalities) and of the person's schedule (/events/bench-meetings/meetings/mine),
# p95 of the lightest page (/privacy) and p95 of each page's SQL run bare (pgbench, one client,
# prepared statements: src/bench/meetings-list.sql and meetings-schedule.sql with the forum's ids).
# Each figure is the median of its rounds. Target: page p95 <= its bare SQL p95 + 2 x lightest p95.
set -euo pipefail
cd "$(dirname "$0")/../.."

DB="${BENCH_DB:-cb_bench_meetings}"
PORT="${BENCH_PORT:-8131}"
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
DURATION="${BENCH_SECONDS:-30}"
ROUNDS="${BENCH_ROUNDS:-3}"
JAR=$(ls target/citybridge-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -B -q package -DskipTests
  JAR=$(ls target/citybridge-*.jar | grep -v plain | head -1)
fi
OUT=$(mktemp -d)
echo "== $(date -u +%FT%TZ) $(nproc) cores, database $DB, port $PORT, load average $(cut -d' ' -f1-3 /proc/loadavg)"
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

java -jar "$JAR" --spring.datasource.url="$URL" --server.port="$PORT" --citybridge.demo.enabled=true --citybridge.world.enabled=false > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "http://localhost:$PORT/actuator/health" >/dev/null || { echo "portal did not start"; tail -40 "$OUT/app.log"; exit 2; }

echo "== Generated forum"
$PG -d "$DB" -f src/bench/meetings-data.sql
EVENT=$($PG -d "$DB" -At -c "SELECT id FROM events WHERE slug = 'bench-meetings'")
ME=$($PG -d "$DB" -At -c "SELECT id FROM accounts WHERE email = 'officer.darkhan@citybridge.example'")
MUN=$($PG -d "$DB" -At -c "SELECT municipality_id FROM accounts WHERE id = $ME")
OTHERS=$($PG -d "$DB" -At -c "SELECT '''{' || string_agg(DISTINCT municipality_id::text, ',') || '}''::bigint[]' FROM meeting_profiles WHERE event_id = $EVENT AND account_id <> $ME")
$PG -d "$DB" -At -c "SELECT (SELECT count(*) FROM meeting_profiles WHERE event_id = $EVENT) || ' participants, '
  || (SELECT count(*) FROM meetings WHERE event_id = $EVENT AND status = 'ACCEPTED') || ' accepted meetings, '
  || (SELECT count(*) FROM meetings WHERE event_id = $EVENT AND (requester_id = $ME OR invitee_id = $ME)) || ' of them the viewer''s'"
for f in meetings-list meetings-schedule; do
  sed -e "s/:event/$EVENT/g" -e "s/:me\b/$ME/g" -e "s/:mun/$MUN/g" -e "s/:others/$OTHERS/g" "src/bench/$f.sql" > "$OUT/$f.sql"
done

JAR_COOKIES="$OUT/cookies"
token=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "http://localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=officer.darkhan@citybridge.example" \
  --data-urlencode "password=bridge-demo-2025" --data-urlencode "_csrf=$token" "http://localhost:$PORT/login"
COOKIE="Cookie: $(awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6 "=" $7}' "$JAR_COOKIES" | head -1)"

LIGHT="/privacy"
LIST="/events/bench-meetings/meetings"
MINE="/events/bench-meetings/meetings/mine"
curl -s -o /dev/null -H "$COOKIE" -w 'participants list: HTTP %{http_code}, %{size_download} bytes\n' "http://localhost:$PORT$LIST"
curl -s -o /dev/null -H "$COOKIE" -w 'schedule: HTTP %{http_code}, %{size_download} bytes\n' "http://localhost:$PORT$MINE"
for path in "$LIGHT" "$LIST" "$MINE"; do wrk -t1 -c4 -d5s -H "$COOKIE" "http://localhost:$PORT$path" >/dev/null; done

p95() { wrk -t1 -c1 -d"${SLICE}s" -H "$COOKIE" -s src/bench/p95.lua "http://localhost:$PORT$1" | grep p95_ms | sed 's/.*p95_ms=\([0-9.]*\).*/\1/'; }
bare() {
  rm -f "$OUT"/pgbench_log*
  (cd "$OUT" && pgbench -h 127.0.0.1 -U postgres -n -M prepared -c1 -T"$SLICE" -f "$1" -l "$DB" >/dev/null 2>&1)
  cat "$OUT"/pgbench_log* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f\n", a[int(NR*0.95)]/1000}'
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

SLICE=$(( DURATION / ROUNDS > 3 ? DURATION / ROUNDS : 3 ))
L=(); P=(); M=(); SP=(); SM=()
for round in $(seq 1 "$ROUNDS"); do
  L+=("$(p95 "$LIGHT")"); P+=("$(p95 "$LIST")"); M+=("$(p95 "$MINE")")
  SP+=("$(bare "$OUT/meetings-list.sql")"); SM+=("$(bare "$OUT/meetings-schedule.sql")")
  echo "== round $round of $ROUNDS (${SLICE}s slices), p95 ms: light ${L[-1]}, list ${P[-1]}, schedule ${M[-1]}, bare SQL list ${SP[-1]}, schedule ${SM[-1]}"
done
LIGHT_P95=$(median "${L[@]}"); LIST_P95=$(median "${P[@]}"); MINE_P95=$(median "${M[@]}")
SQL_LIST=$(median "${SP[@]}"); SQL_MINE=$(median "${SM[@]}")
BOUND_LIST=$(echo "$SQL_LIST + 2 * $LIGHT_P95" | bc -l)
BOUND_MINE=$(echo "$SQL_MINE + 2 * $LIGHT_P95" | bc -l)
echo
echo "== Results (load average at the end $(cut -d' ' -f1-3 /proc/loadavg))"
printf 'participants list p95 %s ms; bound = bare SQL %s + 2 x lightest %s = %.2f ms\n' "$LIST_P95" "$SQL_LIST" "$LIGHT_P95" "$BOUND_LIST"
printf 'schedule p95 %s ms; bound = bare SQL %s + 2 x lightest %s = %.2f ms\n' "$MINE_P95" "$SQL_MINE" "$LIGHT_P95" "$BOUND_MINE"
if (( $(echo "$LIST_P95 <= $BOUND_LIST && $MINE_P95 <= $BOUND_MINE" | bc -l) )); then echo "verdict: met"; else echo "verdict: NOT met"; fi
