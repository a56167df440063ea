#!/usr/bin/env bash
# Whole-command throughput of the CLI on one mixed-text file, against ripgrep over the same file (issue 3: within
# 2x of ripgrep), counting matching lines (-c, ripgrep's cheapest mode) and counting every match (--count-matches,
# what a scan must find), with two pattern sets: bench/scripts/catalogue-patterns.txt (one regex per built-in
# detector, all 37; RipgrepPatternsTest keeps it so) and bench/scripts/pii-patterns.txt (the 17 patterns of the
# earlier figures, 16 detectors' worth, kept for comparison).
# Installs ripgrep and hyperfine from Debian's packages when missing.
# usage: bench/scripts/throughput.sh [SIZE]     (default 1GB; e.g. 200MB)
# env:   CLEAN_SHARE (0.9: share of chunks without planted positives), SEED (42), RUNS (3, hyperfine runs per command), DATAGUARDIAN_JAVA_OPTS (-Xmx256m -XX:+UseSerialGC)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZE=${1:-1GB}
SEED=${SEED:-42}
RUNS=${RUNS:-3}
CLEAN_SHARE=${CLEAN_SHARE:-0.9}
FILE=$OUT/throughput-$SIZE-seed$SEED-clean$CLEAN_SHARE.txt
need_tools rg:ripgrep hyperfine:hyperfine
build_bench
build_cli
if [ ! -f "$FILE" ]; then
  log "generating $FILE"
  corpus_tool CorpusGenerator --throughput "$FILE" --seed "$SEED" --size "$SIZE" --clean-share "$CLEAN_SHARE"
fi
MB=$(file_mb "$FILE")
CLI=$(cli_cmd)
SCAN="$CLI scan $FILE --format sarif --output $OUT/throughput.sarif --threads 1 -q"
# at its default (all cores) the CLI scans one large file in blocks on every core; ripgrep searches one file on one
SCAN_ALL="$CLI scan $FILE --format sarif --output $OUT/throughput-all.sarif -q"
RG="rg -c -f bench/scripts/catalogue-patterns.txt $FILE"
RG_ALL="rg --count-matches -f bench/scripts/catalogue-patterns.txt $FILE"
RG17="rg -c -f bench/scripts/pii-patterns.txt $FILE"
RG17_ALL="rg --count-matches -f bench/scripts/pii-patterns.txt $FILE"

log "one timed run for peak RSS: /usr/bin/time -v $SCAN"
/usr/bin/time -v -o "$OUT/throughput.time" $SCAN || [ $? -le 1 ]
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$OUT/throughput.time")
rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$OUT/throughput.time")
echo "dataguardian single run: ${MB} MB in ${wall} s = $(awk -v m="$MB" -v s="$wall" 'BEGIN { printf "%.1f", m / s }') MB/s, peak RSS ${rss} MiB"
echo "ripgrep, whole catalogue: $($RG) matching lines, $($RG_ALL) matches; 17 patterns: $($RG17) lines, $($RG17_ALL) matches"

log "hyperfine: $RUNS runs each"
# the scan exits 1 when findings reach --fail-on: hyperfine must not treat that as failure
hyperfine -N --style basic --warmup 1 --runs "$RUNS" -i --export-json "$OUT/throughput-hyperfine.json" \
  -n dataguardian "$SCAN" -n dataguardian-all-cores "$SCAN_ALL" -n rg-catalogue-c "$RG" -n rg-catalogue-count-matches "$RG_ALL" \
  -n rg-17-c "$RG17" -n rg-17-count-matches "$RG17_ALL" >&2
# On a shared 2-core machine wall time swings with the neighbours' load; CPU time (user + system)
# swings less, so both ratios are printed.
python3 "$(dirname "$0")/ratios.py" "$OUT/throughput-hyperfine.json" "$MB" | tee "$OUT/throughput.txt"
