#!/usr/bin/env bash
# A change's whole-command effect, as docs/benchmarks.md reports it at the end of each session: an earlier CLI jar
# (BEFORE) against this checkout's jar run bare and through bin/dataguardian (with its class-data archive), at the
# default thread count and at --threads 1, next to ripgrep over the same input with the whole catalogue
# (catalogue-patterns.txt; -c and --count-matches) and with the 17 patterns of pii-patterns.txt. A directory input
# adds `rg -j1`. The jars run with the launcher's GC and JIT options; SARIF reports go to a scratch file.
# Means over RUNS runs, wall and CPU (user + system) per command; the JSON of each hyperfine run stays in $OUT.
# usage: bench/scripts/before-after.sh BEFORE_JAR INPUT...
#        (e.g. a copy of cli/target/dataguardian.jar built at the base commit; inputs from throughput.sh and
#        tree-throughput.sh)
# env:   RUNS (5), DATAGUARDIAN_JAVA_OPTS (empty here: the launcher's defaults, no -Xmx, unlike the other scripts)
set -euo pipefail
opts=${DATAGUARDIAN_JAVA_OPTS-}
source "$(dirname "$0")/lib.sh"
export DATAGUARDIAN_JAVA_OPTS=$opts
[ $# -ge 2 ] || { echo "usage: $0 BEFORE_JAR INPUT..." >&2; exit 2; }
BEFORE=$1; shift
RUNS=${RUNS:-5}
need_tools rg:ripgrep hyperfine:hyperfine
build_cli
J="java -XX:+UseSerialGC $LAUNCHER_JIT_OPTS $DATAGUARDIAN_JAVA_OPTS"
CAT=bench/scripts/catalogue-patterns.txt
P17=bench/scripts/pii-patterns.txt
SCRATCH=$OUT/before-after.sarif
for IN in "$@"; do
  A="scan $IN --format sarif --output $SCRATCH -q"
  cmds=("$J -jar $BEFORE $A" "$J -jar $CLI_JAR $A" "bin/dataguardian $A" "$J -jar $BEFORE $A --threads 1"
        "bin/dataguardian $A --threads 1" "rg -c -f $CAT $IN" "rg --count-matches -f $CAT $IN"
        "rg --count-matches -f $P17 $IN")
  [ -d "$IN" ] && cmds+=("rg -j1 --count-matches -f $CAT $IN")
  json=$OUT/before-after-$(basename "$IN").json
  log "$IN: load $(cut -d' ' -f1-3 /proc/loadavg)"
  hyperfine -N --warmup 1 --runs "$RUNS" -i --export-json "$json" "${cmds[@]}" >/dev/null 2>&1
  python3 - "$json" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['mean']:7.3f} s  cpu {r['user'] + r['system']:6.2f} s  (min {r['min']:.3f}, max {r['max']:.3f})  {r['command']}")
EOF
done
log "done: load $(cut -d' ' -f1-3 /proc/loadavg)"
