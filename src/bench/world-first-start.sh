#!/usr/bin/env bash
# The whole world by default (issue 22; docs/benchmarks.md, "World by default"): the jar started as a
# new user starts it, demo data on, each time on a fresh database, alternately with the world load
# off (citybridge.world.enabled=false) and on, so that a shared, noisy machine slows both alike.
# For each start: the time from launching java to the first home page served (200), and Spring's own
# "Started … in N s"; with the world on, also the time until world_loads says finished, with the
# directory's and the register's counts then, and the home page's progress line as seen on the way.
# Then: the last database started again (a restart must add nothing), and a start stopped with
# SIGKILL during the place import, started again (it must finish without duplicates).
#
#   bash src/bench/world-first-start.sh            # builds the jar if missing
#
# Environment: ROUNDS (3), PORT (8131), DB (world_fresh), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS="${ROUNDS:-3}"
PORT="${PORT:-8131}"
DB="${DB:-world_fresh}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${PGPORT}/${DB}"
JAR=target/citybridge-0.1.0-SNAPSHOT.jar
LOGS=target/bench-logs
mkdir -p "$LOGS"
[ -f "$JAR" ] || mvn -B -q -o package -DskipTests

pid=""
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -"${1:-TERM}" "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  if [ -n "$pid" ]; then wait "$pid" 2>/dev/null || true; fi
  pid=""
}
trap 'stop; psql -q -d postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

fresh() { psql -q -d postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" -c "CREATE DATABASE ${DB}" >/dev/null; }
q() { psql -d "$DB" -tAc "$1"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l | xargs printf '%.1f'; }

launch() { # $1 log name, rest: extra arguments
  local log="$LOGS/$1.log"; shift
  java -jar "$JAR" --citybridge.demo.enabled=true --server.port="$PORT" "$@" >"$log" 2>&1 &
  pid=$!
}

first_page() { # waits for the first 200 on /, prints seconds since $1
  local t0="$1"
  for _ in $(seq 1 3000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT}/?lang=en")" = 200 ]; then since "$t0"; return; fi
    kill -0 "$pid" 2>/dev/null || { echo "the portal stopped" >&2; return 1; }
    sleep 0.05
  done
  return 1
}

started() { grep -o 'Started CityBridgeApplication in [0-9.]* seconds' "$1" | grep -o '[0-9.]*' | head -1; }

counts() { q "SELECT (SELECT count(*) FROM municipalities) || ' municipalities, ' || (SELECT count(*) FROM agreements) || ' agreements, '
  || (SELECT count(*) FROM import_runs) || ' place runs, ' || (SELECT count(*) FROM partnership_import_runs) || ' partnership runs, '
  || coalesce((SELECT attempts FROM world_loads)::text, '-') || ' tries'"; }

progress_line() { curl -s "http://127.0.0.1:${PORT}/?lang=en" | tr '\n' ' ' | grep -o '<p id="world-load-step">[^<]*' | sed 's/<p id="world-load-step">//; s/^ *//; s/ *$//' || true; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC"
for round in $(seq 1 "$ROUNDS"); do
  for mode in off on; do
    fresh
    t0=$(now)
    if [ "$mode" = off ]; then launch "world-$mode-$round" --citybridge.world.enabled=false; else launch "world-$mode-$round"; fi
    page=$(first_page "$t0")
    line="round $round, world $mode: first page ${page} s, Started in $(started "$LOGS/world-$mode-$round.log") s"
    if [ "$mode" = on ]; then
      seen=""; last=""
      for _ in $(seq 1 6000); do
        [ "$(q 'SELECT count(*) FROM world_loads WHERE finished_at IS NOT NULL')" = 1 ] && break
        p=$(progress_line)
        if [ -n "$p" ] && [ "$p" != "$last" ]; then seen="$seen"$'\n'"    $(since "$t0") s: $p"; last="$p"; fi
        sleep 0.5
      done
      line="$line, world loaded $(since "$t0") s after launch ($(q "SELECT round(extract(epoch FROM finished_at - started_at)::numeric, 1) FROM world_loads") s of loading): $(counts)"
      line="$line; home page on the way:$seen"
    fi
    echo "$line (load $(cut -d' ' -f1 /proc/loadavg))"
    stop
  done
done

echo "restart of the last database:"
before=$(counts)
t0=$(now); launch world-restart; page=$(first_page "$t0"); sleep 15
echo "  first page ${page} s; before: $before; after 15 s: $(counts)"
stop

echo "stopped with SIGKILL during the place import, then started again:"
fresh
t0=$(now); launch world-killed
first_page "$t0" >/dev/null
for _ in $(seq 1 1200); do [ "$(q "SELECT count(*) FROM world_loads w JOIN import_runs r ON r.id = w.place_run_id WHERE r.rows_done > 0")" = 1 ] && break; sleep 0.1; done
echo "  killed at $(since "$t0") s: $(progress_line); $(counts)"
stop KILL
t0=$(now); launch world-resumed
first_page "$t0" >/dev/null
for _ in $(seq 1 6000); do [ "$(q 'SELECT count(*) FROM world_loads WHERE finished_at IS NOT NULL')" = 1 ] && break; sleep 0.5; done
echo "  started again: loaded $(since "$t0") s after launch: $(counts)"
echo "  duplicates: $(q "SELECT count(*) FROM (SELECT geonames_id FROM municipalities WHERE geonames_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d") places, $(q "SELECT count(*) FROM (SELECT type, party_key FROM agreements WHERE status <> 'ENDED' GROUP BY 1, 2 HAVING count(*) > 1) d") agreements"
sleep 5
echo "  runs: $(q "SELECT string_agg(id || ' ' || status || coalesce(' interrupted=' || (report->>'interrupted'), ''), '; ' ORDER BY id) FROM import_runs"); $(q "SELECT string_agg(id || ' ' || status, '; ' ORDER BY id) FROM partnership_import_runs")"
stop
