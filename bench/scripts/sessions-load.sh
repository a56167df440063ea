#!/usr/bin/env bash
# Issue 7's load scenario: 1,000 users logged in and browsing against PostgreSQL + Redis, memory per session in
# Redis, and login/request latency with ~1k vs 100k stored sessions. Figures: docs/sessions.md ("Measured").
#
#   mvn -B -q -o -pl app,bench -am -Dmaven.test.skip=true package
#   bench/scripts/sessions-load.sh            # ~6-8 minutes on 2 cores
#   STOP_AFTER=browse WARMUP=0 bench/scripts/sessions-load.sh   # browse only, measured cold (right after the logins)
#
# Creates a fresh database dg_load_<id> and uses the Redis namespace dgload<id>: (sessions and cache keys), starts the
# server jar on a free port with -Xmx1g, and whatever happens (error, time limit, Ctrl-C) stops the server, unlinks
# every dgload<id>:* key and drops the database. Every phase runs under `timeout`.
# Environment: JAR, BENCH_JAR, PGHOST (127.0.0.1), PGUSER (postgres), REDIS_HOST (127.0.0.1), REDIS_PORT (6379),
# USERS (1000), ACCOUNTS (200), THREADS (50), DURATION (60 s), THINK_MIN/THINK_MAX (1000/3000 ms: docs/sessions.md,
# "Think time"), LOGIN_TIMEOUT (240 s), WARMUP (60 s of browsing before the measured window, reported apart: the JIT
# is still compiling the browse path right after the login burst; 0 measures cold),
# STORED (100000),
# PROBE_LOGINS (60), PROBE_REQUESTS (3000), OUT (bench/out/sessions-<id>), PORT (random 20000-39999),
# STOP_AFTER (browse: end after phase 2 and the memory report; default: all phases), APP_JAVA_OPTS (extra JVM options
# of the server, e.g. -XX:StartFlightRecording=...), OWN_REDIS (1: the Redis is ours alone, so phase 2 resets and
# prints its command statistics).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/app/target/dataguardian-app-exec.jar}
BENCH_JAR=${BENCH_JAR:-$ROOT/bench/target/benchmarks.jar}
PGHOST=${PGHOST:-127.0.0.1}; PGUSER=${PGUSER:-postgres}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}; REDIS_PORT=${REDIS_PORT:-6379}
USERS=${USERS:-1000}; ACCOUNTS=${ACCOUNTS:-200}; THREADS=${THREADS:-50}; DURATION=${DURATION:-60}
THINK_MIN=${THINK_MIN:-1000}; THINK_MAX=${THINK_MAX:-3000}; STORED=${STORED:-100000}; WARMUP=${WARMUP:-60}
LOGIN_TIMEOUT=${LOGIN_TIMEOUT:-240}; PROBE_LOGINS=${PROBE_LOGINS:-60}; PROBE_REQUESTS=${PROBE_REQUESTS:-3000}
ID=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DB=dg_load_$ID
NS=dgload$ID
OUT=${OUT:-$ROOT/bench/out/sessions-$ID}
PORT=${PORT:-$(( 20000 + RANDOM % 20000 ))}
BASE=http://127.0.0.1:$PORT
REDIS_URL=redis://$REDIS_HOST:$REDIS_PORT
ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
PASSWORD=Load-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')
APP_PID=
mkdir -p "$OUT"
for f in "$JAR" "$BENCH_JAR"; do [ -f "$f" ] || { echo "missing $f (build first, see the header)"; exit 2; }; done

log() { echo "[$(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)] $*" | tee -a "$OUT/summary.txt"; }
bench() { local limit=$1; shift; timeout --kill-after=10 "$limit" java -Xmx512m -cp "$BENCH_JAR" "$@"; }
rcli() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" "$@"; }
redis_mem() { log "redis $1: $(rcli info memory | grep -E '^used_memory:' | tr -d '\r'), keys under $NS: $(rcli --scan --pattern "$NS:*" | wc -l)"; }

cleanup() {
  trap - EXIT INT TERM
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; for _ in $(seq 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null
  fi
  timeout 120 java -cp "$BENCH_JAR" io.dataguardian.bench.sessions.RedisSessions clean --redis "$REDIS_URL" --prefix "$NS" 2>&1 | tail -1
  # belt and braces: anything left (also if the Java cleaner failed)
  rcli --scan --pattern "$NS:*" | xargs -r -n 1000 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" unlink >/dev/null
  dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "$DB" && echo "dropped database $DB"
  echo "left under $NS:*: $(rcli --scan --pattern "$NS:*" | wc -l) keys; output in $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

createdb -h "$PGHOST" -U "$PGUSER" "$DB" || exit 1
log "database $DB, redis namespace $NS, port $PORT, jar $JAR"
redis_mem "before start"

# min-headroom=0: on a shared, loaded machine the seed scans would otherwise stay queued (NodeCapacity)
DATAGUARDIAN_DB_URL=jdbc:postgresql://$PGHOST:5432/$DB DATAGUARDIAN_DB_USER=$PGUSER \
DATAGUARDIAN_REDIS_URL=$REDIS_URL DATAGUARDIAN_CACHE_KEY_PREFIX=$NS \
DATAGUARDIAN_ADMIN_PASSWORD=$ADMIN_PASSWORD DATAGUARDIAN_PORT=$PORT DATAGUARDIAN_DATA_DIR=$OUT/data \
  java -Xmx1g ${APP_JAVA_OPTS:-} -Djava.io.tmpdir="$OUT" -jar "$JAR" --spring.session.data.redis.namespace="$NS:session" \
  --dataguardian.scan.min-headroom=0 \
  >"$OUT/app.log" 2>&1 &
APP_PID=$!
START_LIMIT=${START_LIMIT:-360}   # seconds; a loaded 2-core machine took 3+ minutes
while [ "$SECONDS" -lt "$START_LIMIT" ]; do
  curl -sf -m 5 "$BASE/actuator/health/readiness" >/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { log "server died at start-up:"; tail -20 "$OUT/app.log"; exit 1; }
  sleep 1
done
curl -sf -m 5 "$BASE/actuator/health/readiness" >/dev/null || { log "server not ready after $START_LIMIT s"; exit 1; }
# the server's CPU time (utime+stime, clock ticks) once a second, to relate it to the browse window afterwards
( while kill -0 "$APP_PID" 2>/dev/null; do
    echo "$(date +%s%3N) $(awk '{print $14+$15}' /proc/$APP_PID/stat 2>/dev/null)"; sleep 1
  done ) > "$OUT/cpu.tsv" 2>/dev/null &
# ... and per thread group every 5 s (thread names without digits: C2 compiler, GC, Tomcat workers, Lettuce, ...), to
# tell JIT compilation and GC from request work
( while kill -0 "$APP_PID" 2>/dev/null; do
    awk -v now="$(date +%s%3N)" '{ match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2); gsub(/[0-9]/, "", name)
        gsub(/ /, "_", name); split(substr($0, RSTART + RLENGTH + 1), f, " "); s[name] += f[12] + f[13] }
      END { for (k in s) print now, k, s[k] }' /proc/$APP_PID/task/*/stat 2>/dev/null
    sleep 5
  done ) > "$OUT/threads.tsv" 2>/dev/null &
log "server up after ${SECONDS} s: $(grep -m1 'DataGuardian mode' "$OUT/app.log" | sed 's/.*DataGuardian mode/mode/')"

log "phase 1: seed $ACCOUNTS accounts + 3 scans"
bench 300 io.dataguardian.bench.sessions.SessionsLoad seed --base "$BASE" --admin-password "$ADMIN_PASSWORD" \
  --accounts "$ACCOUNTS" --prefix lu --password "$PASSWORD" --scans 3 | tee -a "$OUT/summary.txt" || { log "seed failed"; exit 1; }
redis_mem "after seed"

log "phase 2: $USERS users log in and browse for $DURATION s"
# Redis command counts of this phase, only on a Redis of our own (RESETSTAT would disturb a shared one's figures)
[ "${OWN_REDIS:-}" = 1 ] && rcli config resetstat >/dev/null
bench $(( WARMUP + DURATION + LOGIN_TIMEOUT + 90 )) io.dataguardian.bench.sessions.SessionsLoad browse --base "$BASE" --users "$USERS" \
  --accounts "$ACCOUNTS" --prefix lu --password "$PASSWORD" --threads "$THREADS" --duration "$DURATION" \
  --think-min "$THINK_MIN" --think-max "$THINK_MAX" --login-timeout "$LOGIN_TIMEOUT" --warmup "$WARMUP" | tee -a "$OUT/summary.txt"
redis_mem "after browse"
read -r B0 B1 < <(grep -h '^BROWSE_WINDOW_MILLIS' "$OUT/summary.txt" | tail -1 | cut -d' ' -f2-)
if [ -n "${B0:-}" ]; then
  sleep 6   # one more per-thread sample after the window
  awk -v b0="$B0" -v b1="$B1" -v hz="$(getconf CLK_TCK)" -v sum="$OUT/summary.txt" '
    $1 >= b0 && first == "" { first = $2; t0 = $1 } $1 <= b1 { last = $2; t1 = $1 }
    END { n = 0; while ((getline l < sum) > 0) if (l ~ /^all /) { split(l, f, " "); n = f[2] }
          s = (last - first) / hz; printf "server CPU in the browse window: %.1f s over %.1f s wall (%.0f%% of one core); %d requests: %.2f ms CPU per request\n", s, (t1 - t0) / 1000, 100 * s / ((t1 - t0) / 1000), n, 1000 * s / n }' "$OUT/cpu.tsv" | tee -a "$OUT/summary.txt"
  # the server's CPU per 5 s from 60 s before the window to its end (JIT warm-up after the login burst shows here)
  awk -v b0="$B0" -v b1="$B1" -v hz="$(getconf CLK_TCK)" 'NR > 1 && $1 >= b0 - 60000 && $1 <= b1 {
      k = int(($1 - b0 + 60000) / 5000); s[k] += $2 - p; n[k]++ } { p = $2 }
    END { printf "server CPU (cores) per 5 s from 60 s before the measured window:"
          for (k = 0; k <= 25; k++) if (n[k]) printf " %d:%.2f", k * 5 - 60, s[k] / n[k] / hz; print "" }' "$OUT/cpu.tsv" | tee -a "$OUT/summary.txt"
  threads() {  # $1 label, $2 $3 window in ms
    awk -v b0="$2" -v b1="$3" -v hz="$(getconf CLK_TCK)" -v label="$1" '
      $1 <= b0 { if ($1 > t0) t0 = $1; a[$1 " " $2] = $3 }
      $1 >= b1 && t1 == "" { t1 = $1 } $1 == t1 { b[$2] = $3 }
      END { for (k in b) { d = b[k] - a[t0 " " k]; if (d > 0) { tot += d; c[k] = d } }
            printf "server CPU by thread group, %s (%.0f s between samples at %+.0f / %+.0f s of it): %.1f s;", label,
              (t1 - t0) / 1000, (t0 - b0) / 1000, (t1 - b1) / 1000, tot / hz
            for (k in c) if (c[k] / tot >= 0.01) printf " %s %.0f%%", k, 100 * c[k] / tot; print "" }' "$OUT/threads.tsv" | tee -a "$OUT/summary.txt"
  }
  [ "$WARMUP" -gt 0 ] && threads "warm-up window" $(( B0 - WARMUP * 1000 )) "$B0"
  threads "measured window" "$B0" "$B1"
fi
[ "${OWN_REDIS:-}" = 1 ] && { log "redis commands in phase 2:"; rcli info commandstats | grep '^cmdstat' | tr -d '\r' | sed 's/,usec_per_call.*//' | tee -a "$OUT/summary.txt"; }
bench 120 io.dataguardian.bench.sessions.RedisSessions memory --redis "$REDIS_URL" --ns "$NS:session" | tee -a "$OUT/summary.txt"
if [ "${STOP_AFTER:-}" = browse ]; then
  log "server log: $(grep -cE ' (ERROR|WARN) ' "$OUT/app.log") WARN/ERROR lines"
  grep -E ' (ERROR|WARN) ' "$OUT/app.log" | cut -c1-300 | sort | uniq -c | sort -rn | head -20 | tee -a "$OUT/summary.txt"
  exit 0
fi

log "phase 3: probe with ~$USERS stored sessions"
bench 300 io.dataguardian.bench.sessions.SessionsLoad probe --base "$BASE" --accounts 10 --prefix lu --password "$PASSWORD" \
  --logins "$PROBE_LOGINS" --requests "$PROBE_REQUESTS" --threads 4 --label "~1k stored" | tee -a "$OUT/summary.txt"

log "phase 4: seed $STORED sessions directly in Redis"
bench 300 io.dataguardian.bench.sessions.RedisSessions seed --redis "$REDIS_URL" --ns "$NS:session" --user lu0001 \
  --count "$STORED" --per-user 5 | tee -a "$OUT/summary.txt" || { log "redis seed failed"; exit 1; }
redis_mem "after seeding $STORED"
bench 300 io.dataguardian.bench.sessions.RedisSessions memory --redis "$REDIS_URL" --ns "$NS:session" | tee -a "$OUT/summary.txt"

log "phase 5: probe with ~$STORED stored sessions"
bench 300 io.dataguardian.bench.sessions.SessionsLoad probe --base "$BASE" --accounts 10 --prefix lu --password "$PASSWORD" \
  --logins "$PROBE_LOGINS" --requests "$PROBE_REQUESTS" --threads 4 --label "~${STORED} stored" | tee -a "$OUT/summary.txt"

log "server log: $(grep -cE ' (ERROR|WARN) ' "$OUT/app.log") WARN/ERROR lines"
grep -E ' (ERROR|WARN) ' "$OUT/app.log" | cut -c1-300 | sort | uniq -c | sort -rn | head -20 | tee -a "$OUT/summary.txt"
log "server RSS $(ps -o rss= -p "$APP_PID" | awk '{printf "%.0f MiB", $1/1024}')"
