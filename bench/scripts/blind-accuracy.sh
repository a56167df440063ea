#!/usr/bin/env bash
# Scores the command line against the four blind labelled corpora (HoldoutCorpus, Holdout2Corpus --clean,
# Holdout3Corpus, Holdout4Corpus), seeds 1-3 each: one line per corpus and seed with the evaluator's micro row
# (labels, found, false positives, missed, precision, recall, F1) and the report's finding count and digest.
# usage: bench/scripts/blind-accuracy.sh [LAUNCHER]    (default bin/dataguardian; env OUT, default /tmp/blind-accuracy)
# The corpora are generated once into $OUT and reused; the jar is bench/target/benchmarks.jar (build it first).
set -euo pipefail
cd "$(dirname "$0")/../.."
L=${1:-bin/dataguardian}
OUT=${OUT:-/tmp/blind-accuracy}
B=bench/target/benchmarks.jar
P=io.dataguardian.bench.corpus
mkdir -p "$OUT"
gen() { # corpus class, short name, seed, extra arguments
  local d=$OUT/$2s$3
  [ -d "$d" ] || java -cp $B $P.$1 --out "$d" --seed "$3" --labels "$d.labels.json" "${@:4}" >/dev/null
}
for s in 1 2 3; do
  gen HoldoutCorpus h1 $s --files 300
  gen Holdout2Corpus h2 $s --files 200 --clean
  gen Holdout3Corpus h3 $s --files 312
  gen Holdout4Corpus h4 $s --files 320
done
for c in h1 h2 h3 h4; do
  for s in 1 2 3; do
    d=$OUT/${c}s$s
    $L scan "$d" --format sarif --output "$d.sarif" -q >/dev/null 2>&1 || true
    micro=$(java -Xmx3g -cp $B $P.AccuracyEvaluator --labels "$d.labels.json" --sarif "$d.sarif" --corpus "$d" \
      | awk '$1 == "MICRO" { print $2, $3, $4, $5, $6, $7, $8; exit }')
    echo "$c seed $s  labels/found/fp/missed/P/R/F1: $micro  findings/digest: $(python3 bench/scripts/sarif-digest.py "$d.sarif" | awk '{ print $2, $3 }')"
  done
done
