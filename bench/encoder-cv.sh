#!/usr/bin/env bash
# Issue 25: the bge-small-zh encoder as a second view beside the n-gram classifier, five folds of
# ../shared/data/appeals-cn/train.tsv (read by path). Resolves the encoder from Maven Central
# into the local repository with bench/encoder/pom.xml (the platform itself does not depend on
# it), compiles the platform's classes, runs bench/EncoderView.java.
# Usage: bench/encoder-cv.sh [path to train.tsv] [characters embedded=128] [share=0.3] [cost=4]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/appeals-cn/train.tsv}
WORK=$(mktemp -d /tmp/onegrid-encoder.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mvn -q -B compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/platform.cp"
mvn -q -B -f bench/encoder/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/encoder.cp"
java -Xmx4g -cp "target/classes:$(cat "$WORK/platform.cp"):$(cat "$WORK/encoder.cp")" bench/EncoderView.java \
  "$DATA" "${2:-128}" "${3:-0.3}" "${4:-4}"
