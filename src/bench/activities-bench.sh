#!/usr/bin/env bash
# Activities benchmark (issue 25). Not part of `mvn verify`.
#
#   src/bench/activities-bench.sh
#
# Creates a fresh database (BENCH_DB, default cb_bench_activities), starts the portal on BENCH_PORT
# (default 8141) with the demo data, fills it with 21,000 agreements and 50,000 activities
# (src/bench/activities-data.sql: generate_series, then ANALYZE), then measures in one run, in
# interleaved rounds, p95 at one connection of:
#   - the register filtered to "active in the last 2 years" (/agreements?active=2), and its floor:
#     the page's statement run bare (pgbench, prepared: src/bench/activities-register.sql);
#   - the page of the agreement with the most activities, whose timeline it shows, and its floor:
#     the statements of the agreement and its activities section run bare (activities-timeline.sql);
#   - the lightest page (/privacy) and a static file (/css/citybridge.css), the HTTP stack's floor.
# Each figure is the median of its rounds; each page is given as a ratio to its bound (bare SQL p95 +
# 2 x lightest p95, the issue's target: at most 1) and to its bare SQL. Pages are rendered for every
# request (citybridge.public-pages.rendered-bytes=0): with the anonymous page cache on, a repeated
# visit costs a lookup, which measures the cache, not the page; BENCH_KEEP_RENDERED=1 measures that.
# Each page is warmed first for BENCH_WARM seconds (20), so that the rounds measure compiled code.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/bench-lib.sh

DB="${BENCH_DB:-cb_bench_activities}"
PORT="${BENCH_PORT:-8141}"
DURATION="${BENCH_SECONDS:-30}"
ROUNDS="${BENCH_ROUNDS:-3}"
SLICE=$(( DURATION / ROUNDS > 3 ? DURATION / ROUNDS : 3 ))
OUT=$(mktemp -d)
JAR=$(bench_jar)
KEEP=()
[ "${BENCH_KEEP_RENDERED:-0}" = 1 ] || KEEP=(--citybridge.public-pages.rendered-bytes=0)
echo "== $(date -u +%FT%TZ) $(nproc) cores, database $DB, port $PORT, load average $(bench_load)"
bench_start_fresh "$JAR" --citybridge.demo.enabled=true --citybridge.world.enabled=false "${KEEP[@]}"

echo "== 21,000 agreements, 50,000 activities"
$PG -d "$DB" -f src/bench/activities-data.sql
SINCE=$($PG -d "$DB" -At -c "SELECT ((now() AT TIME ZONE 'UTC')::date - interval '2 years')::date")
BUSIEST=$($PG -d "$DB" -At -c "SELECT agreement_id FROM agreement_activities GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
$PG -d "$DB" -At -c "SELECT (SELECT count(*) FROM agreements) || ' agreements, ' || (SELECT count(*) FROM agreement_activities)
  || ' activities; active in the last 2 years: ' || (SELECT count(*) FROM agreements a WHERE a.signed_on >= DATE '$SINCE'
  OR EXISTS (SELECT 1 FROM agreement_activities x WHERE x.agreement_id = a.id AND coalesce(x.ends_on, x.starts_on) >= DATE '$SINCE'))
  || '; busiest agreement $BUSIEST: ' || (SELECT count(*) FROM agreement_activities WHERE agreement_id = $BUSIEST) || ' activities'"
sed "s/:since/$SINCE/g" src/bench/activities-register.sql > "$OUT/register.sql"
sed "s/:id\b/$BUSIEST/g" src/bench/activities-timeline.sql > "$OUT/timeline.sql"

LIGHT="/privacy"
STATIC="/css/citybridge.css"
REGISTER="/agreements?active=2"
TIMELINE="/agreements/$BUSIEST"
for path in "$STATIC" "$LIGHT" "$REGISTER" "$TIMELINE"; do
  curl -s -o /dev/null -w "$path: HTTP %{http_code}, %{size_download} bytes\n" "http://localhost:$PORT$path"
done
bench_warm "$STATIC" "$LIGHT" "$REGISTER" "$TIMELINE"

F=(); L=(); R=(); T=(); SR=(); ST=()
for round in $(seq 1 "$ROUNDS"); do
  F+=("$(bench_p95 "$STATIC")"); L+=("$(bench_p95 "$LIGHT")"); R+=("$(bench_p95 "$REGISTER")"); T+=("$(bench_p95 "$TIMELINE")")
  SR+=("$(bench_sql_p95 "$OUT/register.sql")"); ST+=("$(bench_sql_p95 "$OUT/timeline.sql")")
  echo "== round $round of $ROUNDS (${SLICE}s slices), p95 ms: static ${F[-1]}, light ${L[-1]}, register ${R[-1]}, timeline ${T[-1]}, bare SQL register ${SR[-1]}, timeline ${ST[-1]}"
done
STATIC_P95=$(bench_median "${F[@]}"); LIGHT_P95=$(bench_median "${L[@]}")
REGISTER_P95=$(bench_median "${R[@]}"); TIMELINE_P95=$(bench_median "${T[@]}")
SQL_REGISTER=$(bench_median "${SR[@]}"); SQL_TIMELINE=$(bench_median "${ST[@]}")
BOUND_REGISTER=$(echo "$SQL_REGISTER + 2 * $LIGHT_P95" | bc -l)
BOUND_TIMELINE=$(echo "$SQL_TIMELINE + 2 * $LIGHT_P95" | bc -l)
echo
echo "== Results (load average at the end $(bench_load))"
printf 'static file p95 %s ms; lightest page p95 %s ms\n' "$STATIC_P95" "$LIGHT_P95"
printf 'register, active in the last 2 years: p95 %s ms; bare SQL %s ms (ratio %.1f); bound %s + 2 x %s = %.2f ms (ratio %.2f)\n' \
  "$REGISTER_P95" "$SQL_REGISTER" "$(echo "$REGISTER_P95 / $SQL_REGISTER" | bc -l)" "$SQL_REGISTER" "$LIGHT_P95" \
  "$BOUND_REGISTER" "$(echo "$REGISTER_P95 / $BOUND_REGISTER" | bc -l)"
printf 'agreement page with its timeline: p95 %s ms; bare SQL %s ms (ratio %.1f); bound %s + 2 x %s = %.2f ms (ratio %.2f)\n' \
  "$TIMELINE_P95" "$SQL_TIMELINE" "$(echo "$TIMELINE_P95 / $SQL_TIMELINE" | bc -l)" "$SQL_TIMELINE" "$LIGHT_P95" \
  "$BOUND_TIMELINE" "$(echo "$TIMELINE_P95 / $BOUND_TIMELINE" | bc -l)"
if (( $(echo "$REGISTER_P95 <= $BOUND_REGISTER && $TIMELINE_P95 <= $BOUND_TIMELINE" | bc -l) )); then echo "verdict: met"; else echo "verdict: NOT met"; fi
