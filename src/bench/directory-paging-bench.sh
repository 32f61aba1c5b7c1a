#!/usr/bin/env bash
# Deep directory pages against the first page (issue 17, finding 7). Not part of `mvn verify`.
#
#   src/bench/directory-paging-bench.sh
#
# Needs a database with the full GeoNames directory (BENCH_TEMPLATE, default citybridge_geonames:
# demo data, then `java -jar … import-municipalities geonames-cities1000.csv.gz`); copies it to
# BENCH_DB, starts the built jar on BENCH_PORT and measures in one run, in interleaved rounds (the
# machine is shared: each figure is the median of its rounds):
# - p95 at one connection (wrk + p95.lua) of the first page and of the deepest page there is
#   (page=999999, which is the last page that can be paged through), in the default order, by
#   name, and within a large country;
# - requests/s of a profile page at one connection, alone, while 8 connections ask for the first
#   page (the floor: any 8 busy connections share the 2 cores) and while 8 ask for deep pages.
set -euo pipefail
cd "$(dirname "$0")/../.."

TEMPLATE="${BENCH_TEMPLATE:-citybridge_geonames}"
DB="${BENCH_DB:-citybridge_bench_paging}"
PORT="${BENCH_PORT:-8099}"
SLICE="${BENCH_SLICE:-10}"
ROUNDS="${BENCH_ROUNDS:-3}"
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
JAR=$(ls target/citybridge-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -B -q package -DskipTests
  JAR=$(ls target/citybridge-*.jar | grep -v plain | head -1)
fi
echo "== $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), database $DB from $TEMPLATE"
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB TEMPLATE $TEMPLATE"
$PG -d "$DB" -c "ANALYZE"
echo "municipalities: $($PG -d "$DB" -Atc "SELECT count(*) FROM municipalities")"

OUT=$(mktemp -d)
java -jar "$JAR" --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --server.port="$PORT" \
  --citybridge.public-url="http://localhost:$PORT" > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done

FIRST="/municipalities"
DEEP="/municipalities?page=999999"
FIRST_NAME="/municipalities?sort=name"
DEEP_NAME="/municipalities?sort=name&page=999999"
FIRST_COUNTRY="/municipalities?country=US"
DEEP_COUNTRY="/municipalities?country=US&page=999999"
PROFILE="/municipalities/$($PG -d "$DB" -Atc "SELECT id FROM municipalities WHERE geonames_id = 2031964")"
echo "deepest page says: $(curl -s "http://localhost:$PORT$DEEP" | grep -o 'Showing[^<]*')"
for path in "$FIRST" "$DEEP" "$FIRST_NAME" "$DEEP_NAME" "$FIRST_COUNTRY" "$DEEP_COUNTRY" "$PROFILE"; do
  wrk -t1 -c4 -d3s "http://localhost:$PORT$path" >/dev/null
done

p95() { wrk -t1 -c1 -d"${SLICE}s" -s src/bench/p95.lua "http://localhost:$PORT$1" | sed -n 's/.*p95_ms=\([0-9.]*\).*/\1/p'; }
rps1() { wrk -t1 -c1 -d"${SLICE}s" -s src/bench/p95.lua "http://localhost:$PORT$1" | sed -n 's/.*rps=\([0-9.]*\).*/\1/p'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

A=(); B=(); C=(); D=(); E=(); F=(); P=(); Q=(); R=()
for round in $(seq 1 "$ROUNDS"); do
  A+=("$(p95 "$FIRST")"); B+=("$(p95 "$DEEP")")
  C+=("$(p95 "$FIRST_NAME")"); D+=("$(p95 "$DEEP_NAME")")
  E+=("$(p95 "$FIRST_COUNTRY")"); F+=("$(p95 "$DEEP_COUNTRY")")
  P+=("$(rps1 "$PROFILE")")
  wrk -t2 -c8 -d"$((SLICE + 2))s" "http://localhost:$PORT$FIRST" >/dev/null &
  LOAD=$!
  sleep 1
  R+=("$(rps1 "$PROFILE")")
  wait $LOAD
  wrk -t2 -c8 -d"$((SLICE + 2))s" "http://localhost:$PORT$DEEP" >/dev/null &
  LOAD=$!
  sleep 1
  Q+=("$(rps1 "$PROFILE")")
  wait $LOAD
  echo "   round $round: p95 ms first/deepest ${A[-1]}/${B[-1]}, by name ${C[-1]}/${D[-1]}, US ${E[-1]}/${F[-1]};" \
    "profile req/s alone ${P[-1]}, beside 8 connections on the first page ${R[-1]}, on deep pages ${Q[-1]}"
done
ratio() { echo "$2 / $1" | bc -l; }
echo
echo "== Results (median of $ROUNDS rounds of ${SLICE}s)"
printf 'default order: first page p95 %s ms, deepest %s ms: %.2f× (limit 2×)\n' "$(median "${A[@]}")" "$(median "${B[@]}")" \
  "$(ratio "$(median "${A[@]}")" "$(median "${B[@]}")")"
printf 'by name:       first page p95 %s ms, deepest %s ms: %.2f×\n' "$(median "${C[@]}")" "$(median "${D[@]}")" \
  "$(ratio "$(median "${C[@]}")" "$(median "${D[@]}")")"
printf 'country US:    first page p95 %s ms, deepest %s ms: %.2f×\n' "$(median "${E[@]}")" "$(median "${F[@]}")" \
  "$(ratio "$(median "${E[@]}")" "$(median "${F[@]}")")"
printf 'profile page at one connection: %s req/s alone; beside 8 connections on the first page %s, on deep pages %s: %.2f×\n' \
  "$(median "${P[@]}")" "$(median "${R[@]}")" "$(median "${Q[@]}")" "$(ratio "$(median "${R[@]}")" "$(median "${Q[@]}")")"
