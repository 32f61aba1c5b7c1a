#!/usr/bin/env bash
# Partner suggestions on real partnerships, and their cost over the whole directory (issue 8).
# Not part of `mvn verify`.
#
#   src/bench/matchmaking-eval.sh [SAMPLE] [SEED] [all|eval|time]
#
# Uses a copy of the database that holds the GeoNames import (BENCH_DB, default
# citybridge_bench_match; create it with
#   createdb -h 127.0.0.1 -U postgres -T citybridge_geonames citybridge_bench_match
# ). The first run migrates it, loads the Wikipedia pairs (benchmark-only matcher), seeded random
# themes and one likely language per country; later runs reuse them. See MatchmakingEvaluation.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB="${BENCH_DB:-citybridge_bench_match}"
PAIRS="${BENCH_PAIRS:-/work/shared/data/twin-cities-wikipedia.csv.gz}"
mvn -q -B -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "== $(date -u +%FT%TZ) $(nproc) cores, database $DB"
java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "$CP" org.citybridge.matchmaking.MatchmakingEvaluation \
  "jdbc:postgresql://127.0.0.1:5432/$DB" "$PAIRS" "${1:-300}" "${2:-citybridge}" "${3:-all}" 2>&1 | grep -v ' INFO \| WARN '
