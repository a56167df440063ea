#!/usr/bin/env bash
# usage: bench/scripts/profiling-overhead.sh   (build first: mvn -B -pl app -am -DskipTests package)
# A/B: profiling on vs off, wrk on an authenticated JSON endpoint that goes through a @Profiled repository.
set -u
JAR=${JAR:-$(cd "$(dirname "$0")/../.." && pwd)/app/target/dataguardian-app-exec.jar}
run() {
  local prof=$1 port=$2
  local dir; dir=$(mktemp -d)
  # exec: the background subshell becomes the JVM, so the pid below is the JVM's own
  (cd "$dir" && DATAGUARDIAN_ADMIN_PASSWORD=Bench-Passw0rd-1 DATAGUARDIAN_PORT=$port \
     exec java -Xmx512m -jar "$JAR" --dataguardian.monitor.profiling.enabled=$prof > "$dir/app.log" 2>&1) &
  echo $! > "$dir/pid"
  for i in $(seq 1 90); do curl -sf http://127.0.0.1:$port/actuator/health/readiness >/dev/null && break; sleep 1; done
  local jar="$dir/cj"
  csrf=$(curl -s -c "$jar" -b "$jar" http://127.0.0.1:$port/login | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=admin" --data-urlencode "password=Bench-Passw0rd-1" --data-urlencode "_csrf=$csrf" http://127.0.0.1:$port/login
  cookie=$(awk '$6 ~ /SESSION|JSESSIONID/ {print $6"="$7}' "$jar" | tail -1)
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" http://127.0.0.1:$port/api/scans)
  wrk -t2 -c20 -d20s -H "Cookie: $cookie" http://127.0.0.1:$port/api/scans > /dev/null 2>&1   # warm-up
  echo "profiling=$prof status=$code $(wrk -t2 -c20 -d30s -H "Cookie: $cookie" http://127.0.0.1:$port/api/scans | grep -E 'Requests/sec|Non-2xx' | tr '\n' ' ')"
  kill "$(cat "$dir/pid")"; wait "$(cat "$dir/pid")" 2>/dev/null; rm -rf "$dir"
}
run true 18081; run false 18082; run true 18083; run false 18084
