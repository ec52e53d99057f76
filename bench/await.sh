#!/usr/bin/env bash
# Benchmark: how soon `await` notices that an index serves a release, when the index starts serving only after a random
# delay (a lagging CDN). For each run: upload with --no-wait, then time `await`; the detection latency runs from the
# moment the index started serving the last file (its upload time, from the index's JSON API, plus the delay) to the
# end of `await`, and should stay within the poll interval in force at that moment (the last "next check in" await
# announced: 2 s, 4 s, 8 s … up to 30 s). Prints its figures last. Needs: Java 17, Maven, Debian's python3, bc.
# Usage: bench/await.sh [RUNS]   (default 5; delays drawn from 1-20 s)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PYTHON=${LOGFLUX_PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
. bench/lib.sh
trap cleanup_bench EXIT
bench_build
files=(resources/sample-dist/*)

# The poll schedule of `await`: checks at 0, 2, 6, 14, 30, 60, 90 … seconds (intervals 2, 4, 8, 16, then 30).
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
  # Each file becomes visible delay_ms after the index stored it: the last one decides. The index's JSON API gives the
  # upload times; the interval in force is the one await announced before its last, successful poll.
  json_url="${url%/legacy/}/pypi/logflux/0.2.0/json"
  last_upload=$("$PYTHON" -c 'import datetime, json, sys, urllib.request
urls = json.load(urllib.request.urlopen(sys.argv[1]))["urls"]
print(max(datetime.datetime.fromisoformat(u["upload_time_iso_8601"].replace("Z", "+00:00")) for u in urls).timestamp())
' "$json_url")
  stop_index
  visible=$(echo "$last_upload + $delay_ms / 1000" | bc -l)
  since_visible=$(echo "$aw_end - $visible" | bc -l)
  waited=$(echo "$aw_end - $up_end" | bc -l)
  interval=$(grep -o 'next check in [0-9]* s' "$work/await.log" | tail -1 | awk '{print $4}')
  interval=${interval:-0}
  rows+=("$(printf '%6.1f s delay   await %6.1f s   detected %5.1f s after the last file appeared   poll interval then %2d s' \
    "$(echo "$delay_ms / 1000" | bc -l)" "$waited" "$since_visible" "$interval")")
done
echo
echo "await detection latency over $RUNS runs (machine: $(nproc) cores, $(java -version 2>&1 | head -1); includes JVM start-up of await)"
printf '  %s\n' "${rows[@]}"
