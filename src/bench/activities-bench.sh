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
# visit costs a lookup, which measures the cache, not the page. A second instance on the same database, with
# the cache on (BENCH_PORT + 1), measures in the same rounds the pages as anonymous visitors get them
# (BENCH_KEEP_RENDERED=1: only that, on the one instance).
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

# In the same run, a second instance on the same database as anonymous visitors get the pages: the page
# cache on (kept rendered per language until something changes). Not when this one already is.
KEPT_PORT=""
if [ "${BENCH_KEEP_RENDERED:-0}" != 1 ]; then
  KEPT_PORT=$((PORT + 1))
  java -jar "$JAR" --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --server.port="$KEPT_PORT" \
    --citybridge.public-url="http://localhost:$KEPT_PORT" --citybridge.demo.enabled=true --citybridge.world.enabled=false \
    > "$OUT/app-kept.log" 2>&1 &
  KEPT=$!
  trap 'kill $APP $KEPT 2>/dev/null || true; wait $APP $KEPT 2>/dev/null || true; $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true' EXIT
  for _ in $(seq 1 300); do curl -sf "http://localhost:$KEPT_PORT/actuator/health" >/dev/null && break; sleep 1; done
  PORT=$KEPT_PORT bench_warm "$LIGHT" "$REGISTER" "$TIMELINE"
fi

F=(); L=(); R=(); T=(); SR=(); ST=(); KL=(); KR=(); KT=()
for round in $(seq 1 "$ROUNDS"); do
  F+=("$(bench_p95 "$STATIC")"); L+=("$(bench_p95 "$LIGHT")"); R+=("$(bench_p95 "$REGISTER")"); T+=("$(bench_p95 "$TIMELINE")")
  SR+=("$(bench_sql_p95 "$OUT/register.sql")"); ST+=("$(bench_sql_p95 "$OUT/timeline.sql")")
  KEPT_LINE=""
  if [ -n "$KEPT_PORT" ]; then
    KL+=("$(PORT=$KEPT_PORT bench_p95 "$LIGHT")"); KR+=("$(PORT=$KEPT_PORT bench_p95 "$REGISTER")"); KT+=("$(PORT=$KEPT_PORT bench_p95 "$TIMELINE")")
    KEPT_LINE="; kept rendered: light ${KL[-1]}, register ${KR[-1]}, timeline ${KT[-1]}"
  fi
  echo "== round $round of $ROUNDS (${SLICE}s slices), p95 ms: static ${F[-1]}, light ${L[-1]}, register ${R[-1]}, timeline ${T[-1]}, bare SQL register ${SR[-1]}, timeline ${ST[-1]}$KEPT_LINE"
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
if [ -n "$KEPT_PORT" ]; then
  KL_P95=$(bench_median "${KL[@]}"); KR_P95=$(bench_median "${KR[@]}"); KT_P95=$(bench_median "${KT[@]}")
  KB_REGISTER=$(echo "$SQL_REGISTER + 2 * $KL_P95" | bc -l); KB_TIMELINE=$(echo "$SQL_TIMELINE + 2 * $KL_P95" | bc -l)
  printf 'as anonymous visitors get them (page cache on, same run): lightest %s ms; register %s ms, bound %.2f (ratio %.2f); timeline %s ms, bound %.2f (ratio %.2f)\n' \
    "$KL_P95" "$KR_P95" "$KB_REGISTER" "$(echo "$KR_P95 / $KB_REGISTER" | bc -l)" "$KT_P95" "$KB_TIMELINE" "$(echo "$KT_P95 / $KB_TIMELINE" | bc -l)"
  if (( $(echo "$KR_P95 <= $KB_REGISTER && $KT_P95 <= $KB_TIMELINE" | bc -l) )); then echo "verdict as visitors get them: met"; else echo "verdict as visitors get them: NOT met"; fi
fi
