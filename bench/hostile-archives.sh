#!/usr/bin/env bash
# Benchmark: `check` on the hostile sdists of issue #15 (crafted with their data really present: the 2.5 GB long name
# is 2.5 GB of zeros, a few MB compressed) in a JVM with a 256 MiB heap, against Debian's `twine check` on the same
# files. Prints per case: seconds, peak RSS, exit status, and whether it meets the issue's bar (within 60 s, under
# 768 MiB peak RSS, exit 1 with a finding, no stack trace). Needs: Java 17, Maven, Debian's python3 with twine, GNU
# time (/usr/bin/time). Usage: bench/hostile-archives.sh   (twine gets TWINE_TIMEOUT seconds a file, default 120,
# and TWINE_MAX_KIB of address space, default 4 GiB, so that it cannot take a shared machine's memory; a twine that
# hits either shows as exit 124 or a MemoryError's exit 1)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${LOGFLUX_PYTHON:-/usr/bin/python3}
TWINE_TIMEOUT=${TWINE_TIMEOUT:-120}
TWINE_MAX_KIB=${TWINE_MAX_KIB:-$((4 << 20))}
work=$(mktemp -d)
. bench/lib.sh
trap cleanup_bench EXIT

bench_build

echo "bench/hostile-archives.sh: crafting the hostile sdists (backed by their data)…" >&2
mapfile -t files < <(java -cp "$CP" io.logflux.release.hostile.HostileSdists "$work/cases" backed)

seconds() { echo "$(date +%s.%N) - $1" | bc -l; }
rows=(); failures=0
for file in "${files[@]}"; do
  case_name=$(basename "$(dirname "$file")")
  size_kib=$(( $(stat -c %s "$file") / 1024 ))
  start=$(date +%s.%N)
  status=0
  /usr/bin/time -v -o "$work/ours.time" java -Xmx256m -jar "$JAR" check "$file" >"$work/ours.out" 2>&1 || status=$?
  ours_s=$(seconds "$start"); ours_rss=$(peak_kib "$work/ours.time")
  finding=$(grep -o 'ERROR \[[a-z.-]*\]' "$work/ours.out" | head -1 || true)
  trace=no; grep -qE 'at io\.|Exception in thread|internal error' "$work/ours.out" && trace=yes
  verdict=ok
  if [ "$status" != 1 ] || [ -z "$finding" ] || [ "$trace" = yes ] || [ "$ours_rss" -ge $((768 * 1024)) ] \
      || [ "$(echo "$ours_s >= 60" | bc -l)" = 1 ]; then
    verdict=MISSED; failures=$((failures + 1))
  fi
  start=$(date +%s.%N)
  twine_status=0
  ( ulimit -v "$TWINE_MAX_KIB"; /usr/bin/time -v -o "$work/twine.time" timeout "$TWINE_TIMEOUT" "$PYTHON" -m twine \
    check "$file" >"$work/twine.out" 2>&1 ) || twine_status=$?
  twine_s=$(seconds "$start"); twine_rss=$(peak_kib "$work/twine.time")
  rows+=("$(printf '  %-26s %8d KiB | ours %6.2f s %7d KiB exit %d %-24s %-6s | twine %6.2f s %8d KiB exit %3d | time twine/ours %5.2fx' \
    "$case_name" "$size_kib" "$ours_s" "$ours_rss" "$status" "$finding" "$verdict" "$twine_s" "$twine_rss" \
    "$twine_status" "$(echo "$twine_s / $ours_s" | bc -l)")")
done

echo
echo "check on issue #15's hostile sdists, java -Xmx256m (machine: $(nproc) cores, $(java -version 2>&1 | head -1));"
echo "bar: within 60 s, under 768 MiB peak RSS, exit 1 with a finding, no stack trace. twine check: $("$PYTHON" -m twine --version | head -1 | awk '{print $3}'), ${TWINE_TIMEOUT} s timeout (exit 124), $((TWINE_MAX_KIB >> 10)) MiB address space"
printf '%s\n' "${rows[@]}"
echo "cases missing the bar: $failures of ${#files[@]}"
[ "$failures" = 0 ]
