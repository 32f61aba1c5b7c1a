#!/usr/bin/env bash
# Partnership import quality (issue 7). Not part of `mvn verify`.
#
#   src/bench/partnership-import-quality.sh [PAIRS_FILE]
#
# Copies a database that holds the full GeoNames directory plus the demo data (SOURCE_DB, default
# citybridge_geonames: made with src/bench/directory-bench.sh's import, or `import-municipalities`
# of geonames-cities1000.csv.gz with demo data on) to BENCH_DB (default
# citybridge_bench_import), imports the whole Wikipedia pairs file with the documented command,
# prints the counts by outcome, reason and country, the time, and a sample of 100 matched pairs
# drawn with a fixed seed (SEED, default 42); then imports the same file again to show that
# nothing is added twice.
set -euo pipefail
cd "$(dirname "$0")/../.."

FILE="${1:-/work/shared/data/twin-cities-wikipedia.csv.gz}"
SOURCE_DB="${SOURCE_DB:-citybridge_geonames}"
DB="${BENCH_DB:-citybridge_bench_import}"
SEED="${SEED:-42}"
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
JAR=$(ls target/citybridge-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -B -q package -DskipTests
  JAR=$(ls target/citybridge-*.jar | grep -v plain | head -1)
fi
echo "== $(date -u +%FT%TZ) $(nproc) cores, file $FILE, database $DB (copy of $SOURCE_DB)"
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
createdb -h 127.0.0.1 -U postgres -T "$SOURCE_DB" "$DB"
$PG -d "$DB" -Atc "SELECT 'municipalities: ' || count(*) FROM municipalities"

export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
echo "== First import"
START=$(date +%s.%N)
java -jar "$JAR" import-partnerships "$FILE" --sample=100 --seed="$SEED" | grep -v ' INFO \| WARN '
END=$(date +%s.%N)
echo "Wall clock including start-up: $(echo "$END - $START" | bc) s"
echo "== Same file again"
java -jar "$JAR" import-partnerships "$FILE" | grep -v ' INFO \| WARN ' | sed -n '/^Rows read/,/^Alternate/p;/^Time/p'
$PG -d "$DB" -Atc "SELECT 'agreements in the register: ' || count(*) FROM agreements"
