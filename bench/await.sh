#!/usr/bin/env bash
# Benchmark: how soon `await` notices that an index serves a release, when the index starts serving only after a random
# delay (a lagging CDN). For each run: upload with --no-wait, then time `await`; the detection latency is the await time
# minus the delay left after the upload, and should stay within the poll interval in force at that moment (2 s, 4 s,
# 8 s … up to 30 s). Prints its figures last. Needs: Java 17, Maven, bc.
# Usage: bench/await.sh [RUNS]   (default 5; delays drawn from 1-20 s)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
work=$(mktemp -d)
. bench/lib.sh
trap 'stop_index; rm -rf "$work"' EXIT
bench_build
files=(resources/sample-dist/*)

# The poll schedule of `await`: checks at 0, 2, 6, 14, 30, 60, 90 … seconds (intervals 2, 4, 8, 16, then 30).
interval_at() { awk -v t="$1" 'BEGIN { s=0; i=2; while (s + i <= t) { s += i; i = (i*2 > 30 ? 30 : i*2) } print i }'; }

rows=()
for run in $(seq "$RUNS"); do
  delay_ms=$(( (RANDOM % 19000) + 1000 ))
  export BENCH_SERVE_DELAY_MS=$delay_ms
  start_index
  url=$URL
  up_start=$(date +%s.%N)
  java -jar "$JAR" publish -r "$url" --token-env BENCH_INDEX_TOKEN --no-wait "${files[@]}" >/dev/null 2>&1
  up_end=$(date +%s.%N)
  java -jar "$JAR" await -r "$url" --timeout 2m "${files[@]}" >/dev/null 2>"$work/await.log"
  aw_end=$(date +%s.%N)
  stop_index
  # The files became visible delay_ms after the upload of the first one (~up_start).
  visible=$(echo "$up_start + $delay_ms / 1000" | bc -l)
  since_visible=$(echo "$aw_end - $visible" | bc -l)
  waited=$(echo "$aw_end - $up_end" | bc -l)
  at=$(echo "$visible - $up_end" | bc -l)
  interval=$(interval_at "$(printf '%.0f' "$(echo "if ($at < 0) 0 else $at" | bc -l)")")
  rows+=("$(printf '%6.1f s delay   await %6.1f s   detected %5.1f s after the files appeared   poll interval then %2d s' \
    "$(echo "$delay_ms / 1000" | bc -l)" "$waited" "$since_visible" "$interval")")
done
echo
echo "await detection latency over $RUNS runs (machine: $(nproc) cores, $(java -version 2>&1 | head -1); includes JVM start-up of await)"
printf '  %s\n' "${rows[@]}"
