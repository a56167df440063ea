#!/usr/bin/env bash
# Issue 3: "a 2 GB single file scans with -Xmx256m". Asserts a completed scan (exit 0 or 1)
# and reports wall time and peak RSS.
# usage: bench/scripts/big-file.sh [SIZE]     (default 2GB; env CLEAN_SHARE 0.9, SEED 42)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZE=${1:-2GB}
SEED=${SEED:-42}
CLEAN_SHARE=${CLEAN_SHARE:-0.9}
FILE=$OUT/throughput-$SIZE-seed$SEED-clean$CLEAN_SHARE.txt
export DATAGUARDIAN_JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"
build_bench
build_cli
[ -f "$FILE" ] || corpus_tool CorpusGenerator --throughput "$FILE" --seed "$SEED" --size "$SIZE" --clean-share "$CLEAN_SHARE"
SCAN="$(cli_cmd) scan $FILE --format json --output $OUT/big-file.json -q"
log "$SCAN"
rc=0
rm -f "$OUT/big-file.json"
/usr/bin/time -v -o "$OUT/big-file.time" $SCAN || rc=$?
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$OUT/big-file.time")
rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$OUT/big-file.time")
echo "file $(file_mb "$FILE") MB, exit status $rc, wall $wall, peak RSS $rss MiB, JVM options $DATAGUARDIAN_JAVA_OPTS" | tee "$OUT/big-file.txt"
if [ "$rc" -gt 1 ] || [ ! -s "$OUT/big-file.json" ]; then
  echo "FAIL: the scan did not complete (exit status $rc)"; exit 1
fi
echo "PASS: scan completed"
