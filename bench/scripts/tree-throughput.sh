#!/usr/bin/env bash
# Whole-command throughput of the CLI on a tree of many mixed files (CSV, JSON, YAML, .properties, .env, Java/JS/
# Python, Markdown, text, logs: the accuracy corpus's generator, labels kept outside the tree), against ripgrep over
# the same tree with the same two pattern sets as throughput.sh (catalogue-patterns.txt, pii-patterns.txt). Both
# tools at their defaults (all cores: ripgrep searches files in parallel, the CLI scans them in parallel) and on one
# thread (rg -j1, --threads 1).
# usage: bench/scripts/tree-throughput.sh [FILES] [SIZE_MB]   (default 4000 files, 40: ~49 MB of text)
# env:   SEED (42), RUNS (3, hyperfine runs per command), DATAGUARDIAN_JAVA_OPTS (-Xmx256m -XX:+UseSerialGC)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
FILES=${1:-4000}
SIZE_MB=${2:-40}
SEED=${SEED:-42}
RUNS=${RUNS:-3}
TREE=$OUT/tree-$FILES-$SIZE_MB-seed$SEED
need_tools rg:ripgrep hyperfine:hyperfine
build_bench
build_cli
if [ ! -d "$TREE" ]; then
  log "generating $TREE"
  corpus_tool CorpusGenerator --out "$TREE.tmp" --seed "$SEED" --files "$FILES" --size "$SIZE_MB" --clean >/dev/null
  mv "$TREE.tmp/labels.json" "$TREE.labels.json"
  mv "$TREE.tmp" "$TREE"
fi
MB=$(du -sb "$TREE" | awk '{ printf "%.1f", $1 / 1048576 }')
CLI=$(cli_cmd)
SCAN="$CLI scan $TREE --format sarif --output $OUT/tree.sarif -q"
CAT=bench/scripts/catalogue-patterns.txt
P17=bench/scripts/pii-patterns.txt
log "$TREE: $(find "$TREE" -type f | wc -l) files, $MB MB; hyperfine: $RUNS runs each"
hyperfine -N --style basic --warmup 1 --runs "$RUNS" -i --export-json "$OUT/tree-hyperfine.json" \
  -n dataguardian "$SCAN" -n dataguardian-threads-1 "$SCAN --threads 1" \
  -n rg-catalogue-c "rg -c -f $CAT $TREE" -n rg-catalogue-count-matches "rg --count-matches -f $CAT $TREE" \
  -n rg-17-c "rg -c -f $P17 $TREE" -n rg-17-count-matches "rg --count-matches -f $P17 $TREE" \
  -n rg-j1-catalogue-count-matches "rg -j1 --count-matches -f $CAT $TREE" >&2
python3 "$(dirname "$0")/ratios.py" "$OUT/tree-hyperfine.json" "$MB" | tee "$OUT/tree-throughput.txt"
echo "findings: $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' "$OUT/tree.sarif")"
