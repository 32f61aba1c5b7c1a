#!/usr/bin/env bash
# Agenda benchmark (issue 10). Not part of `mvn verify`.
#
#   src/bench/agenda-bench.sh
#
# Creates a fresh database (BENCH_DB, default citybridge_bench_event), starts the portal on BENCH_PORT
# (default 8098) with the demo data, adds a generated forum of 300 sessions in 20 rooms with 150
# speakers (src/bench/agenda-data.sql), then measures side by side, in interleaved rounds: p95 of the
# agenda page as a list and as a timetable (as a delegate opens them: a programme this long opens on its
# first day, 60 sessions, with a tab for each day), p95 of the same SQL run bare (pgbench with prepared
# statements, as the JDBC driver runs them once warm: src/bench/agenda.sql, the five statements every
# agenda page runs) and p95 of the lightest page (/privacy: same layout, no query). Each figure is the
# median of its rounds. Target: agenda p95 <= bare SQL p95 + 2 x lightest page p95. At the end, for
# information only, one slice of the whole programme on one page (?day=all, 300 sessions) and one of the
# event's overview page (its 150 speakers listed).
set -euo pipefail
cd "$(dirname "$0")/../.."

DB="${BENCH_DB:-citybridge_bench_event}"
PORT="${BENCH_PORT:-8098}"
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
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "http://localhost:$PORT/actuator/health" >/dev/null || { echo "portal did not start"; tail -40 "$OUT/app.log"; exit 2; }

echo "== Generated forum"
$PG -d "$DB" -f src/bench/agenda-data.sql
$PG -d "$DB" -At -c "SELECT count(*) || ' sessions, ' || (SELECT count(*) FROM rooms r WHERE r.event_id = e.id) || ' rooms, '
  || (SELECT count(DISTINCT ss.speaker_id) FROM session_speakers ss JOIN sessions x ON x.id = ss.session_id WHERE x.event_id = e.id)
  || ' speakers' FROM events e JOIN sessions s ON s.event_id = e.id WHERE e.slug = 'bench-forum' GROUP BY e.id"

LIGHT="/privacy"
AGENDA="/events/bench-forum/agenda"
GRID="/events/bench-forum/agenda?view=grid"
OVERVIEW="/events/bench-forum"
curl -s -o /dev/null -w 'agenda (first day): HTTP %{http_code}, %{size_download} bytes\n' "http://localhost:$PORT$AGENDA"
curl -s -o /dev/null -w 'timetable (first day): HTTP %{http_code}, %{size_download} bytes\n' "http://localhost:$PORT$GRID"
for path in "$LIGHT" "$AGENDA" "$GRID" "$AGENDA?day=all" "$OVERVIEW"; do wrk -t1 -c4 -d5s "http://localhost:$PORT$path" >/dev/null; done

p95() { wrk -t1 -c1 -d"${SLICE}s" -s src/bench/p95.lua "http://localhost:$PORT$1" | grep p95_ms | sed 's/.*p95_ms=\([0-9.]*\).*/\1/'; }
bare() {
  rm -f "$OUT"/pgbench_log*
  (cd "$OUT" && pgbench -h 127.0.0.1 -U postgres -n -M prepared -c1 -T"$SLICE" -f "$OLDPWD/$1" -l "$DB" >/dev/null 2>&1)
  cat "$OUT"/pgbench_log* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f\n", a[int(NR*0.95)]/1000}'
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

SLICE=$(( DURATION / ROUNDS > 3 ? DURATION / ROUNDS : 3 ))
L=(); A=(); G=(); S=()
for round in $(seq 1 "$ROUNDS"); do
  L+=("$(p95 "$LIGHT")"); A+=("$(p95 "$AGENDA")"); G+=("$(p95 "$GRID")"); S+=("$(bare src/bench/agenda.sql)")
  echo "== round $round of $ROUNDS (${SLICE}s slices), p95 ms: light ${L[-1]}, agenda ${A[-1]}, timetable ${G[-1]}, bare SQL ${S[-1]}"
done
LIGHT_P95=$(median "${L[@]}"); AGENDA_P95=$(median "${A[@]}"); GRID_P95=$(median "${G[@]}"); SQL_P95=$(median "${S[@]}")
BOUND=$(echo "$SQL_P95 + 2 * $LIGHT_P95" | bc -l)
WHOLE_P95=$(p95 "$AGENDA?day=all")
OVERVIEW_P95=$(p95 "$OVERVIEW")
echo
echo "== Results (load average at the end $(cut -d' ' -f1-3 /proc/loadavg))"
printf 'agenda (list) p95 %s ms; timetable p95 %s ms; bound = bare SQL %s + 2 x lightest %s = %.2f ms\n' \
  "$AGENDA_P95" "$GRID_P95" "$SQL_P95" "$LIGHT_P95" "$BOUND"
echo "whole programme on one page (?day=all, information only, one ${SLICE}s slice): p95 $WHOLE_P95 ms"
echo "event overview with its 150 speakers (information only, one ${SLICE}s slice): p95 $OVERVIEW_P95 ms"
if (( $(echo "$AGENDA_P95 <= $BOUND && $GRID_P95 <= $BOUND" | bc -l) )); then echo "verdict: met"; else echo "verdict: NOT met"; fi
