#!/usr/bin/env bash
# CPU time of one command split by thread name (JIT compiler threads, the scan worker, main, GC),
# read from /proc every 0.3 s while it runs (the last 0.3 s of a thread may be missed).
# usage: bench/scripts/thread-cpu.sh COMMAND ARGS...
#   e.g. bench/scripts/thread-cpu.sh java -Xmx256m -jar cli/target/dataguardian.jar scan FILE --format sarif --output /tmp/r.sarif --threads 1 -q
set -uo pipefail
"$@" &
pid=$!
declare -A ticks
while kill -0 "$pid" 2>/dev/null; do
  for t in /proc/"$pid"/task/*; do
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    name=$(cat "$t/comm" 2>/dev/null) || continue
    read -r -a f <<< "${stat##*) }"
    ticks["${t##*/} $name"]=$(( f[11] + f[12] )) # utime + stime, after the ") " of the name
  done
  sleep 0.3
done
wait "$pid"
rc=$?
hz=$(getconf CLK_TCK)
for k in "${!ticks[@]}"; do echo "${ticks[$k]} ${k#* }"; done | awk -v hz="$hz" '
  { n = $1; $1 = ""; g = substr($0, 2); gsub(/[0-9]+$/, "#", g); s[g] += n; total += n }
  END { for (g in s) if (s[g] > 0) printf "%8.2f s  %s\n", s[g] / hz, g; printf "%8.2f s  TOTAL (all threads)\n", total / hz }' | sort -rn
echo "exit status $rc" >&2
exit "$rc"
