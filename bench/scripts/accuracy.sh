#!/usr/bin/env bash
# Accuracy of the CLI's SARIF report on the generated labelled corpus (issue 3).
# usage: bench/scripts/accuracy.sh [FILES] [SIZE_MB]      (defaults 400 files, 4 MB, seed 42)
# env:   SEED, SHOW_ERRORS (default 8), OUT (default bench/out), THREADS (passed as --threads when set)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
FILES=${1:-400}
SIZE_MB=${2:-4}
SEED=${SEED:-42}
CORPUS=$OUT/corpus
build_bench
build_cli
log "generating corpus: seed $SEED, $FILES files, $SIZE_MB MB -> $CORPUS"
corpus_tool CorpusGenerator --out "$CORPUS" --seed "$SEED" --files "$FILES" --size "$SIZE_MB" --clean
log "scanning: $(cli_cmd) scan $CORPUS --format sarif --output $OUT/corpus.sarif"
start=$(date +%s.%N)
run_scan "$OUT/corpus.sarif" "$CORPUS" --format sarif -q ${THREADS:+--threads "$THREADS"}
end=$(date +%s.%N)
log "scan took $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s"
corpus_tool AccuracyEvaluator --labels "$CORPUS/labels.json" --sarif "$OUT/corpus.sarif" \
  --show-errors "${SHOW_ERRORS:-8}" --json-out "$OUT/accuracy.json" | tee "$OUT/accuracy.txt"
echo
echo "== lenient view: aggregated (per CSV column / JSON path) results credited with their occurrences =="
corpus_tool AccuracyEvaluator --labels "$CORPUS/labels.json" --sarif "$OUT/corpus.sarif" \
  --credit-aggregated --json-out "$OUT/accuracy-lenient.json" | tee "$OUT/accuracy-lenient.txt"
