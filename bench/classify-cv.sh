#!/usr/bin/env bash
# K-fold cross-validation (five folds unless told) of the category classifier on
# ../shared/data/appeals-cn/train.tsv (read by path; never copied into the repository).
# Prints each fold's last line and the mean.
# Usage: bench/classify-cv.sh [path to train.tsv] [folds]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/appeals-cn/train.tsv}
FOLDS=${2:-5}
WORK=$(mktemp -d /tmp/onegrid-cv.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
[ -f target/onegrid.jar ] || mvn -q -B package -DskipTests

HEADER=$(head -1 "$DATA")
# Fold of a row: its line number modulo the number of folds.
awk -v dir="$WORK" -v folds="$FOLDS" 'NR > 1 { print > (dir "/fold" (NR % folds) ".tsv") }' "$DATA"
for k in $(seq 0 $((FOLDS - 1))); do
  { echo "$HEADER"; for j in $(seq 0 $((FOLDS - 1))); do [ "$j" = "$k" ] || cat "$WORK/fold$j.tsv"; done; } > "$WORK/train$k.tsv"
  { echo "$HEADER"; cat "$WORK/fold$k.tsv"; } > "$WORK/test$k.tsv"
  java -jar target/onegrid.jar classify-eval --train "$WORK/train$k.tsv" --test "$WORK/test$k.tsv" | tail -1 \
    | tee -a "$WORK/results.txt" | sed "s/^/fold $k: /"
done
awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); sum[kv[1]] += kv[2] } }
     END { printf "mean: accuracy=%.4f macro_f1=%.4f train_s=%.1f predict_ms_p99=%.2f\n",
           sum["accuracy"] / NR, sum["macro_f1"] / NR, sum["train_s"] / NR, sum["predict_ms_p99"] / NR }' "$WORK/results.txt"
