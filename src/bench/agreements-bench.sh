#!/usr/bin/env bash
# Register, map and open data benchmark (issue 7). Not part of `mvn verify`.
#
#   src/bench/agreements-bench.sh
#
# Works on a COPY of a prepared database (BENCH_TEMPLATE, default citybridge_geonames: the whole
# GeoNames directory plus demo data), never on the template itself: creates BENCH_DB (default
# citybridge_bench_views) from it, starts the portal on BENCH_PORT (18081) to apply the migrations,
# fills the register (src/bench/agreements-load.sql: the Wikipedia pairs matched simply, then
# synthetic agreements up to BENCH_TARGET, default 100,000), then measures side by side in one run:
#   - CSV export of all rows (curl /agreements.csv) vs PostgreSQL COPY (same SELECT) TO STDOUT, median of 3;
#   - register page p95 vs the same SQL bare (pgbench) + 2 x the lightest page (/privacy), if the
#     register page exists (BENCH_REGISTER_PATH, BENCH_REGISTER_SQL);
#   - the map page: time of the first drawing and from the cache, bytes over the wire (gzip), SVG elements;
#   - the CSV export again with the portal restarted at -Xmx128m.
set -euo pipefail
cd "$(dirname "$0")/../.."

TEMPLATE="${BENCH_TEMPLATE:-citybridge_geonames}"
DB="${BENCH_DB:-citybridge_bench_views}"
PORT="${BENCH_PORT:-18081}"
TARGET="${BENCH_TARGET:-100000}"
SLICE="${BENCH_SLICE:-10}"
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
JAR=$(ls target/citybridge-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -B -q package -DskipTests
  JAR=$(ls target/citybridge-*.jar | grep -v plain | head -1)
fi
OUT=$(mktemp -d)
echo "== $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), copy of $TEMPLATE as $DB"

if [ "${BENCH_REUSE:-0}" != 1 ]; then
  $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  createdb -h 127.0.0.1 -U postgres -T "$TEMPLATE" "$DB"
fi

start() {
  java "$@" -jar "$JAR" --spring.datasource.url="$URL" --server.port="$PORT" --citybridge.demo.enabled=false \
    --citybridge.public-url="http://localhost:$PORT" \
    > "$OUT/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 180); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && return 0; sleep 1; done
  echo "portal did not start"; tail -30 "$OUT/app.log"; exit 2
}
stop() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }
trap 'stop' EXIT

echo "== Portal on port $PORT (applies the migrations)"
start
if [ "${BENCH_REUSE:-0}" != 1 ]; then
  echo "== Filling the register up to $TARGET agreements"
  $PG -d "$DB" -v target="$TARGET" -f src/bench/agreements-load.sql | tee "$OUT/load.txt"
fi
ROWS=$($PG -d "$DB" -At -c "SELECT count(*) FROM agreements")
echo "agreements: $ROWS"

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc -l; }
# The portal's own CSV statement (OpenData.CSV_ROWS, kept equal by OpenDataSqlTest), its :base the portal's address.
EXPORT_SQL=$(tr '\n' ' ' < src/bench/agreements-export.sql | sed "s|:base|'http://localhost:$PORT'|")
copy_all() { $PG -d "$DB" -c "\\copy ($EXPORT_SQL) TO STDOUT WITH (FORMAT csv, HEADER true)"; }
csv_all() { curl -sf "http://localhost:$PORT/agreements.csv"; }

echo "== CSV export vs COPY, interleaved, 3 rounds"
curl -sf "http://localhost:$PORT/agreements.csv" -o "$OUT/warm.csv"
C=(); E=()
for round in 1 2 3; do
  C+=("$(seconds copy_all)"); E+=("$(seconds csv_all)")
  printf '   round %s: COPY %.2f s, /agreements.csv %.2f s\n' "$round" "${C[-1]}" "${E[-1]}"
done
COPY_S=$(median "${C[@]}"); CSV_S=$(median "${E[@]}")
CSV_LINES=$(curl -sf "http://localhost:$PORT/agreements.csv" | python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(sys.stdin))-1)')

echo "== Map page: first drawing (cold), weight, then again from the cache (warm)"
MAP_COLD=$(seconds curl -sf "http://localhost:$PORT/agreements/map")
MAP_GZ=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "http://localhost:$PORT/agreements/map")
MAP_RAW=$(curl -s -o "$OUT/map.html" -w '%{size_download}' "http://localhost:$PORT/agreements/map")
MAP_ELEMENTS=$(python3 -c "import re,sys; h=open('$OUT/map.html').read(); s=h[h.index('<svg'):h.index('</svg>')]; print(len(re.findall(r'<[a-zA-Z]', s)))")
W=(); for _ in 1 2 3 4 5; do W+=("$(seconds curl -sf "http://localhost:$PORT/agreements/map")"); done
MAP_WARM=$(median "${W[@]}")

REGISTER_PATH="${BENCH_REGISTER_PATH:-/agreements?country=MN}"
REGISTER_SQL="${BENCH_REGISTER_SQL:-src/bench/agreements-register.sql}"
if [ -n "$REGISTER_SQL" ] && command -v wrk >/dev/null; then
  echo "== Register page p95 vs bare SQL + 2 x lightest"
  p95() { wrk -t1 -c1 -d"${SLICE}s" -s src/bench/p95.lua "http://localhost:$PORT$1" | grep p95_ms | sed 's/.*p95_ms=\([0-9.]*\).*/\1/'; }
  bare() {
    rm -f "$OUT"/pgbench_log*
    (cd "$OUT" && pgbench -h 127.0.0.1 -U postgres -n -c1 -T"$SLICE" -f "$OLDPWD/$1" -l "$DB" >/dev/null 2>&1)
    cat "$OUT"/pgbench_log* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f\n", a[int(NR*0.95)]/1000}'
  }
  for p in /privacy "$REGISTER_PATH"; do wrk -t1 -c4 -d5s "http://localhost:$PORT$p" >/dev/null; done
  L=(); R=(); S=()
  for round in 1 2 3; do
    L+=("$(p95 /privacy)"); R+=("$(p95 "$REGISTER_PATH")"); S+=("$(bare "$REGISTER_SQL")")
    echo "   round $round: lightest ${L[-1]} ms, register ${R[-1]} ms, bare SQL ${S[-1]} ms"
  done
  printf 'register page p95 %s ms; bound = bare SQL %s + 2 x lightest %s = %.2f ms\n' "$(median "${R[@]}")" \
    "$(median "${S[@]}")" "$(median "${L[@]}")" "$(echo "$(median "${S[@]}") + 2 * $(median "${L[@]}")" | bc -l)"
fi

echo "== The export with the portal at -Xmx128m"
stop
start -Xmx128m
SMALL_S=$(seconds csv_all)
SMALL_LINES=$(curl -sf "http://localhost:$PORT/agreements.csv" | python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(sys.stdin))-1)')
GEO_OK=$(curl -sf "http://localhost:$PORT/agreements.geojson" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["features"]))')
OOM=$(grep -c OutOfMemoryError "$OUT/app.log" || true)

echo
echo "== Results ($ROWS agreements)"
printf 'CSV export of all rows: %.2f s (%s rows); COPY (same SELECT) TO STDOUT: %.2f s; ratio %.2f (limit 3)\n' \
  "$CSV_S" "$CSV_LINES" "$COPY_S" "$(echo "$CSV_S / $COPY_S" | bc -l)"
printf 'at -Xmx128m: CSV %.2f s, %s rows; GeoJSON %s features; OutOfMemoryError in the log: %s\n' "$SMALL_S" "$SMALL_LINES" "$GEO_OK" "$OOM"
printf 'map page, whole register: %s bytes gzip over the wire, %s bytes uncompressed, %s SVG elements; %.2f s drawn, %.2f s from the cache (median of 5)\n' \
  "$MAP_GZ" "$MAP_RAW" "$MAP_ELEMENTS" "$MAP_COLD" "$MAP_WARM"
