#!/usr/bin/env bash
# Issue 10's scan-job scenario: scans per minute for a small-upload mix on one node and on two nodes (two app JVMs on
# one PostgreSQL database and one Redis), and the time from submit to the first progress event that shows the scan
# running. Figures: docs/jobs.md ("Measured").
#
#   mvn -B -q -o -pl app,bench -am -Dmaven.test.skip=true package
#   bench/scripts/scan-throughput.sh          # ~5-8 minutes on 2 cores
#
# Creates a fresh database dg_jobs_<id> and uses the Redis namespace dgjobs<id>: (sessions and cache keys), starts
# node 1 (and later node 2) from the server jar on PORT1/PORT2 with -Xmx512m, and whatever happens (error, time limit,
# Ctrl-C) stops every node it started, unlinks every dgjobs<id>:* key and drops the database. Every phase runs under
# `timeout`. Phases, each on a warmed-up cluster (WARMUP scans first, not counted):
#   1 node:  SCANS scans with CLIENTS in flight (throughput), then LATENCY_SCANS one at a time (submit -> running)
#   2 nodes: the same, uploads alternating between the nodes, events read from the other node
# Environment: JAR, BENCH_JAR, PGHOST (127.0.0.1), PGUSER (postgres), REDIS_HOST (127.0.0.1), REDIS_PORT (6379),
# PORT1 (19001), PORT2 (19002), SCANS (120), CLIENTS (8), LATENCY_SCANS (30), WARMUP (30), NODE_CONCURRENCY (2),
# MIN_HEADROOM (0: on a shared, loaded machine the default 0.2 would keep scans queued; see docs/jobs.md),
# POLLING (db-scheduler polling interval, 2s), HEAP (512m), OUT (bench/out/scan-throughput-<id>).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/app/target/dataguardian-app-exec.jar}
BENCH_JAR=${BENCH_JAR:-$ROOT/bench/target/benchmarks.jar}
PGHOST=${PGHOST:-127.0.0.1}; PGUSER=${PGUSER:-postgres}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}; REDIS_PORT=${REDIS_PORT:-6379}
PORT1=${PORT1:-19001}; PORT2=${PORT2:-19002}
SCANS=${SCANS:-120}; CLIENTS=${CLIENTS:-8}; LATENCY_SCANS=${LATENCY_SCANS:-30}; WARMUP=${WARMUP:-30}
NODE_CONCURRENCY=${NODE_CONCURRENCY:-2}; MIN_HEADROOM=${MIN_HEADROOM:-0}; POLLING=${POLLING:-2s}; HEAP=${HEAP:-512m}
ID=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DB=dg_jobs_$ID
NS=dgjobs$ID
OUT=${OUT:-$ROOT/bench/out/scan-throughput-$ID}
REDIS_URL=redis://$REDIS_HOST:$REDIS_PORT
ADMIN_PASSWORD=Jobs-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
PIDS=()
mkdir -p "$OUT"
for f in "$JAR" "$BENCH_JAR"; do [ -f "$f" ] || { echo "missing $f (build first, see the header)"; exit 2; }; done

log() { echo "[$(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)] $*" | tee -a "$OUT/summary.txt"; }
rcli() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" "$@"; }

cleanup() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"; for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null
    fi
  done
  rcli --scan --pattern "$NS:*" | xargs -r -n 1000 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" unlink >/dev/null
  dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "$DB" && echo "dropped database $DB"
  echo "left under $NS:*: $(rcli --scan --pattern "$NS:*" | wc -l) keys; output in $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_node NAME PORT: the server jar on PORT, exec'd in a subshell so the recorded pid is the JVM's
start_node() {
  local name=$1 port=$2
  ( DATAGUARDIAN_DB_URL=jdbc:postgresql://$PGHOST:5432/$DB DATAGUARDIAN_DB_USER=$PGUSER \
    DATAGUARDIAN_REDIS_URL=$REDIS_URL DATAGUARDIAN_CACHE_KEY_PREFIX=$NS DATAGUARDIAN_SCAN_SECRET=$SECRET \
    DATAGUARDIAN_ADMIN_PASSWORD=$ADMIN_PASSWORD DATAGUARDIAN_PORT=$port DATAGUARDIAN_DATA_DIR=$OUT/data-$name \
    exec java -Xmx"$HEAP" -Djava.io.tmpdir="$OUT" -jar "$JAR" --spring.session.data.redis.namespace="$NS:session" \
      --db-scheduler.scheduler-name="$name" --db-scheduler.polling-interval="$POLLING" \
      --dataguardian.scan.node-concurrency="$NODE_CONCURRENCY" --dataguardian.scan.min-headroom="$MIN_HEADROOM" \
      --dataguardian.scan.max-queued-per-user=$(( CLIENTS + 4 )) ) >"$OUT/$name.log" 2>&1 &
  PIDS+=($!)
  local pid=$! limit=$(( SECONDS + ${START_LIMIT:-300} ))
  while [ "$SECONDS" -lt "$limit" ]; do
    curl -sf -m 5 "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && { log "$name up on port $port (pid $pid)"; return 0; }
    kill -0 "$pid" 2>/dev/null || { log "$name died at start-up:"; tail -20 "$OUT/$name.log"; exit 1; }
    sleep 1
  done
  log "$name not ready after ${START_LIMIT:-300} s"; exit 1
}

# drive LABEL SCANS CLIENTS BASE...: the load driver (io.dataguardian.bench.jobs.ScanThroughput)
drive() {
  local label=$1 scans=$2 clients=$3; shift 3
  log "$label: $scans scans, $clients in flight, nodes $*"
  timeout --kill-after=10 900 java -Xmx256m -cp "$BENCH_JAR" io.dataguardian.bench.jobs.ScanThroughput \
    admin "$ADMIN_PASSWORD" "$scans" "$clients" "$@" | tee -a "$OUT/summary.txt" || { log "$label failed"; exit 1; }
}

# where the scans ran, and how long they took on the node (started -> finished), from the database
node_stats() {
  psql -h "$PGHOST" -U "$PGUSER" -d "$DB" -Atc "select 'node ' || node || ': ' || n || ' scans' from (select
      details::json->>'node' as node, count(*) as n from audit_log where action = 'scan.started' group by 1) t order by 1" \
    | tee -a "$OUT/summary.txt"
  psql -h "$PGHOST" -U "$PGUSER" -d "$DB" -Atc "select 'run time on the node ms: p50=' ||
      round(percentile_cont(0.5) within group (order by extract(epoch from finished_at - started_at) * 1000)::numeric)
      || ' p95=' || round(percentile_cont(0.95) within group (order by extract(epoch from finished_at - started_at) * 1000)::numeric)
      || ' (n=' || count(*) || ')' from scans where status = 'COMPLETED'" | tee -a "$OUT/summary.txt"
  psql -h "$PGHOST" -U "$PGUSER" -d "$DB" -qAtc "delete from audit_log where action = 'scan.started'; delete from scans" >/dev/null
}

createdb -h "$PGHOST" -U "$PGUSER" "$DB" || exit 1
log "database $DB, redis namespace $NS, jar $JAR, node-concurrency $NODE_CONCURRENCY, polling $POLLING, min-headroom $MIN_HEADROOM"
start_node node-1 "$PORT1"
N1=http://127.0.0.1:$PORT1; N2=http://127.0.0.1:$PORT2

drive "1 node warm-up" "$WARMUP" "$CLIENTS" "$N1" >/dev/null; node_stats >/dev/null
drive "1 node throughput" "$SCANS" "$CLIENTS" "$N1"; node_stats
drive "1 node latency" "$LATENCY_SCANS" 1 "$N1"; node_stats

start_node node-2 "$PORT2"
drive "2 nodes warm-up" "$WARMUP" "$CLIENTS" "$N2" "$N1" >/dev/null; node_stats >/dev/null
drive "2 nodes throughput" "$SCANS" "$CLIENTS" "$N1" "$N2"; node_stats
drive "2 nodes latency" "$LATENCY_SCANS" 1 "$N1" "$N2"; node_stats

for n in node-1 node-2; do
  log "$n log: $(grep -cE ' (ERROR|WARN) ' "$OUT/$n.log") WARN/ERROR lines"
  grep -E ' (ERROR|WARN) ' "$OUT/$n.log" | cut -c1-300 | sort | uniq -c | sort -rn | head -10 | tee -a "$OUT/summary.txt"
done
log "RSS: $(for p in "${PIDS[@]}"; do ps -o rss= -p "$p" | awk '{printf "%.0f MiB ", $1/1024}'; done)"
