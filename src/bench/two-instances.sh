#!/usr/bin/env bash
# The two-instance proof (issue 21): two portal processes on one fresh PostgreSQL database, with
# Debian's nginx on loopback in front of them (round-robin), and curl checking what a visitor and
# the operators would notice:
#   session      signed in through one instance, every page of the other knows the visitor
#   counts       a place added on one instance counts at once on the other (directory, home page)
#   register     an agreement registered on one instance shows at once on the other's map and
#                is gone at once from the other's partner suggestions (the suggestions copy)
#   digest       the notice digest (its cron set to every 5 s) runs once per tick across both
#   reaper       the sweep of interrupted import runs (every 2 s) runs once per round across both
#   throttle     failed sign-ins through both instances add up to one account's pause
#   import       an import started on one instance is watched, to its end, on the other
# Prints PASS or FAIL per check, exits 1 if any failed; stops what it started and drops its database.
#
#   src/bench/two-instances.sh          (from the repository's root; builds the jar if missing)
#
# Needs: java 17, PostgreSQL on 127.0.0.1:5432 (role postgres, trust or PGPASSWORD), nginx
# (apt-get install nginx-light), curl, psql. Not part of `mvn verify`. Settings (environment):
# PORT_A, PORT_B (8131, 8132), PROXY_PORT (8140), DB (citybridge_scale_proof), KEEP=1 leaves
# everything running for a look (then stop it with the pids it prints).
set -uo pipefail

cd "$(dirname "$0")/../.."
PORT_A=${PORT_A:-8131}
PORT_B=${PORT_B:-8132}
PROXY_PORT=${PROXY_PORT:-8140}
DB=${DB:-citybridge_scale_proof}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
export PGHOST PGUSER
JAR=target/citybridge-0.1.0-SNAPSHOT.jar
PROXY=http://127.0.0.1:$PROXY_PORT
WORK=$(mktemp -d /tmp/citybridge-two-instances.XXXXXX)
chmod 755 "$WORK"
PIDS=()
FAILED=0

psql_db() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }

cleanup() {
	if [ "${KEEP:-0}" = 1 ]; then
		echo "KEEP=1: left running: portals ${PIDS[*]}, nginx $(cat "$WORK/nginx.pid" 2>/dev/null); work dir $WORK"
		return
	fi
	[ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
	for pid in "${PIDS[@]}"; do
		for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
		kill -9 "$pid" 2>/dev/null
	done
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
	rm -rf "$WORK"
}
trap cleanup EXIT

check() { # name, condition's exit status, detail
	if [ "$2" -eq 0 ]; then echo "PASS  $1: $3"; else echo "FAIL  $1: $3"; FAILED=1; fi
}

if [ ! -f "$JAR" ]; then
	echo "Building the jar (mvn -B -q -DskipTests package)…"
	mvn -B -q -DskipTests package || exit 2
fi
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null || exit 2

start_portal() { # port, log
	# The digest every 5 s (held at least 4 s), the import heartbeat limit 8 s (a reaping round
	# every 2 s), each round logged: what the checks count.
	CITYBRIDGE_DEMO_ENABLED=true CITYBRIDGE_WORLD_ENABLED=false CITYBRIDGE_PUBLIC_URL=$PROXY \
		SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:5432/$DB \
		java -Xmx768m -XX:TieredStopAtLevel=1 -jar "$JAR" --server.port="$1" \
		"--citybridge.notices.digest-cron=*/5 * * * * *" --citybridge.notices.digest-lock-at-least=PT4S \
		--citybridge.imports.heartbeat-limit=PT8S --logging.level.org.citybridge.system.RunHeartbeat=DEBUG \
		>"$2" 2>&1 &
	PIDS+=($!)
}

wait_up() { # port
	for _ in $(seq 1 180); do
		curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null && return 0
		sleep 1
	done
	echo "The portal on port $1 did not start; its log:"; tail -40 "$WORK"/portal-*.log
	exit 2
}

# One after the other: the first creates the database and loads the demo data, the second finds them.
start_portal "$PORT_A" "$WORK/portal-a.log"
wait_up "$PORT_A"
start_portal "$PORT_B" "$WORK/portal-b.log"
wait_up "$PORT_B"

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 256; }
http {
  access_log $WORK/nginx/access.log;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream portal {
    server 127.0.0.1:$PORT_A;
    server 127.0.0.1:$PORT_B;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    client_max_body_size 60m;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
EOF
# As root, nginx's workers run as nobody: its temp paths must be theirs to write.
[ "$(id -u)" = 0 ] && { mkdir -p "$WORK/nginx"/{body,proxy,fastcgi,uwsgi,scgi}; chown -R nobody "$WORK/nginx"; }
nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx/error.log" || { echo "nginx did not start"; exit 2; }
for _ in $(seq 1 20); do curl -fs "$PROXY/actuator/health" >/dev/null && break; sleep 0.5; done
echo "Two portals on $PORT_A and $PORT_B, nginx on $PROXY_PORT, database $DB"

# ---- helpers -----------------------------------------------------------------------------------

# sign_in JAR EMAIL PASSWORD BASE: the sign-in form's CSRF token from one GET, the POST after it.
sign_in() {
	local token
	token=$(curl -s -c "$1" -b "$1" "$4/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
	curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$1" -b "$1" \
		--data-urlencode "username=$2" --data-urlencode "password=$3" --data-urlencode "_csrf=$token" "$4/login"
}

# csrf JAR URL: the first CSRF token of the page at URL.
csrf() {
	curl -s -c "$1" -b "$1" "$2" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'
}

PASSWORD=bridge-demo-2025

A=http://127.0.0.1:$PORT_A
B=http://127.0.0.1:$PORT_B

# ---- 1. a session survives being served by the other instance ---------------------------------
S=$WORK/session.jar
signed=$(sign_in "$S" admin@citybridge.example "$PASSWORD" "$PROXY")
served=""; ok=0
for _ in 1 2 3 4 5 6; do
	# /account answers only a signed-in visitor (anyone else is sent to /login).
	curl -s -D "$WORK/h" -o "$WORK/page" -b "$S" "$PROXY/account" >/dev/null
	code=$(head -1 "$WORK/h" | cut -d' ' -f2)
	up=$(grep -i '^X-Upstream:' "$WORK/h" | tr -d '\r' | awk '{print $2}')
	served="$served $up"
	{ [ "$code" = 200 ] && grep -q 'admin@citybridge.example' "$WORK/page"; } || ok=1
done
both=$(echo "$served" | tr ' ' '\n' | sort -u | grep -c .)
[ "$both" -ge 2 ] || ok=1
check session $ok "signed in through nginx ($signed), /account answered 200 as admin by:$served"

# ---- 2. a place added on one instance counts at once on the other ------------------------------
home_counts() { curl -s "$1/" | grep -o '<strong>[0-9,. ]*</strong>' | head -2 | sed 's/<[^>]*>//g;s/[^0-9]//g' | paste -sd/; }
directory_total() { curl -s "$1/municipalities" | grep -o 'Showing [^<]*' | head -1 | grep -o 'of [0-9,. ]*' | tr -dc '0-9'; }
W=$WORK/staff.jar
sign_in "$W" admin@citybridge.example "$PASSWORD" "$A" >/dev/null
before_home=$(home_counts "$B"); before_dir=$(directory_total "$B")
home_counts "$A" >/dev/null; directory_total "$A" >/dev/null   # both instances have them cached now
token=$(csrf "$W" "$A/municipalities/new")
added=$(curl -s -o /dev/null -w '%{http_code}' -b "$W" -c "$W" --data-urlencode "_csrf=$token" \
	--data-urlencode name=Proofville --data-urlencode country=IS --data-urlencode kind=TOWN "$A/municipalities/new")
after_home=$(home_counts "$B"); after_dir=$(directory_total "$B")
ok=0
[ "$added" = 302 ] || ok=1
[ "$after_dir" = $((before_dir + 1)) ] || ok=1
[ "${after_home%/*}" = $((${before_home%/*} + 1)) ] && [ "${after_home#*/}" = $((${before_home#*/} + 1)) ] || ok=1
check counts $ok "Proofville (Iceland) added on A ($added); on B the directory went $before_dir -> $after_dir, the home page's places/countries $before_home -> $after_home"

# ---- 3. an agreement registered on one instance: the other's map and suggestions ---------------
map_total() { curl -s "$1/agreements/map" | grep -o '1–[0-9]* of [0-9]* partnerships' | head -1 | awk '{print $3}'; }
suggested() { curl -s "$1/municipalities/$2/partners" | grep -o 'href="/municipalities/[0-9]*"' | grep -v "/$2\"" | head -"${3:-10}" | tr -dc '0-9\n'; }
darkhan=$(psql_db "SELECT id FROM municipalities WHERE name = 'Darkhan' AND country_code = 'MN'")
before_map=$(map_total "$B"); map_total "$A" >/dev/null
top=$(suggested "$B" "$darkhan" 1); suggested "$A" "$darkhan" >/dev/null
token=$(csrf "$W" "$A/agreements/new")
registered=$(curl -s -o /dev/null -w '%{http_code}' -b "$W" -c "$W" -F "_csrf=$token" -F "partyIds=$darkhan" -F "partyIds=$top" \
	-F type=SISTER_CITY -F "title=Two-instance proof" -F status=ACTIVE -F signedOn=2024-05-01 -F version=0 -F action=save \
	"$A/agreements/new")
after_map=$(map_total "$B")
ok=0
[ "$registered" = 302 ] || ok=1
[ -n "$before_map" ] && [ "$after_map" = $((before_map + 1)) ] || ok=1
check register-map $ok "agreement Darkhan–#$top registered on A ($registered); B's map: $before_map -> $after_map partnerships"
ok=0
[ -n "$top" ] && ! suggested "$B" "$darkhan" 20 | grep -qx "$top" || ok=1
check suggestions $ok "#$top was B's first suggestion for Darkhan; now a partner, it is gone from B's suggestions"

# ---- 4. scheduled jobs run once across the instances ------------------------------------------
marks() { wc -l <"$WORK/portal-a.log"; wc -l <"$WORK/portal-b.log"; }
read -r la lb < <(marks | paste -sd' ')
left=$(psql_db "INSERT INTO import_runs (file_name, skip_invalid, heartbeat_at) VALUES ('left-behind.csv', false, now() - interval '1 minute') RETURNING id")
sleep 21
new_lines() { tail -n +$((la + 1)) "$WORK/portal-a.log" | sed 's/^/A /'; tail -n +$((lb + 1)) "$WORK/portal-b.log" | sed 's/^/B /'; }
new_lines >"$WORK/window.log"
# The digest: one line per tick (every 5 s) across both logs, never two for the same second.
grep 'Notice digest round' "$WORK/window.log" | awk '{print substr($2, 1, 19), $1}' | sort >"$WORK/digest"
rounds=$(wc -l <"$WORK/digest"); ticks=$(cut -d' ' -f1 "$WORK/digest" | sort -u | wc -l)
ok=0; [ "$rounds" -ge 3 ] && [ "$rounds" = "$ticks" ] || ok=1
check digest $ok "$rounds digest rounds in 21 s for $ticks ticks (A: $(grep -c ' A$' "$WORK/digest"), B: $(grep -c ' B$' "$WORK/digest"))"
# The reaper: a round every 2 s somewhere, the next one at least 1.8 s later, whoever runs it.
grep 'Reaping round of import_runs' "$WORK/window.log" | awk '{print $2, $1}' | sort >"$WORK/reaps"
gap=$(awk '{ cmd = "date -d " $1 " +%s.%N"; cmd | getline t; close(cmd); if (NR > 1 && (min == "" || t - p < min)) min = t - p; p = t } END { printf "%.2f", min }' "$WORK/reaps")
reaps=$(wc -l <"$WORK/reaps")
status=$(psql_db "SELECT status || ' ' || coalesce(report->>'interrupted', '') FROM import_runs WHERE id = $left")
warned=$(grep -c 'left RUNNING by an instance that stopped' "$WORK/window.log")
ok=0
[ "$reaps" -ge 5 ] && [ "$reaps" -le 12 ] && awk "BEGIN { exit !($gap >= 1.7) }" || ok=1
[ "$status" = "FAILED true" ] && [ "$warned" = 1 ] || ok=1
check reaper $ok "$reaps reaping rounds in 21 s (A: $(grep -c ' A$' "$WORK/reaps"), B: $(grep -c ' B$' "$WORK/reaps")), at least ${gap} s apart; the run left behind is $status (interrupted), reaped by one instance ($warned)"

# ---- 5. the sign-in throttle is shared --------------------------------------------------------
T=$WORK/throttle.jar
answers=""
for base in "$A" "$B" "$A" "$B" "$A"; do
	rm -f "$T"; answers="$answers $(sign_in "$T" officer.ghent@citybridge.example wrong-password "$base" | sed 's/.*login?//')"
done
rm -f "$T"; right=$(sign_in "$T" officer.ghent@citybridge.example "$PASSWORD" "$B" | sed 's/.*\/\/[^/]*//')
ok=0; [[ "$right" == *throttled* ]] || ok=1
check throttle $ok "5 wrong passwords, A B A B A:$answers; then the right one on B: $right"

# ---- 6. an import started on one instance is watched on the other --------------------------------
# 120,000 made-up places in the GeoNames-derived format (a few seconds' import).
awk 'BEGIN { print "geonameid,name,alternate_names,country_code,admin1_code,feature_code,population,latitude,longitude";
	split("BE DE FR MN RS AL BA HR SI HU BG MK", c, " ");
	for (i = 1; i <= 120000; i++) printf "%d,Proof Place %d,,%s,01,PPL,%d,%.4f,%.4f\n", 90000000 + i, i, c[i % 12 + 1], 1000 + i, 40 + (i % 1000) / 100, 10 + (i % 2000) / 100 }' \
	>"$WORK/places.csv"
token=$(csrf "$W" "$A/municipalities/import")
location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$W" -c "$W" -F "_csrf=$token" -F "file=@$WORK/places.csv;type=text/csv" \
	"$A/municipalities/import")
run=${location##*/}
seen_running=""; final=""
for _ in $(seq 1 120); do
	page=$(curl -s -b "$W" "$B/municipalities/imports/$run")
	state=$(echo "$page" | sed -n '/id="import-progress"/,/<\/section>/p' | sed 's/<[^>]*>//g' | grep -v '^\s*$' | head -2 | sed 's/^ *//' | paste -sd' ')
	if echo "$page" | grep -q 'Importing…'; then seen_running="$state"; else final="$state"; break; fi
	sleep 0.5
done
ok=0
[ -n "$run" ] && [ -n "$seen_running" ] && [[ "$final" == Imported* ]] || ok=1
check import $ok "run $run started on A; on B while it ran: \"$seen_running\"; at its end: \"$final\""

if [ "$FAILED" = 0 ]; then echo "All checks passed."; else echo "Some checks FAILED."; fi
exit "$FAILED"
