#!/usr/bin/env bash
# Benchmark: a release with many files (a wheel per platform, as compiled packages have: 40 here) published with
# logflux-release `publish` (the first file alone, then the others side by side, --parallel-uploads) vs Debian's
# `twine upload` (one file at a time), to the same loopback PyPI-compatible index (the test suite's calibrated test
# index), a fresh index for every run, warmed by one upload of another project (bench/lib.sh, warm_index), the tools
# alternating. Prints the medians and the ratio last.
# Needs: Java 17, Maven, Debian's python3 with twine, bc.
# Usage: bench/many-files.sh [FILES] [RUNS] [SIZE_KIB] [PARALLEL]   (default 40 files, 3 runs, 256 KiB each, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-40}
RUNS=${2:-3}
SIZE_KIB=${3:-256}
PARALLEL=${4:-3}
PYTHON=${LOGFLUX_PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
. bench/lib.sh
trap cleanup_bench EXIT
bench_build

# Distinct wheels of one release: CPython 3.8-3.12 times eight platforms, 40 tags, each with its own random bytes.
tags=()
for py in 38 39 310 311 312; do
  for platform in manylinux_2_17_x86_64 manylinux_2_17_aarch64 musllinux_1_1_x86_64 musllinux_1_1_aarch64 \
      macosx_11_0_arm64 macosx_10_9_x86_64 win_amd64 win32; do
    tags+=("cp$py-cp$py-$platform")
  done
done
[ "$FILES" -le "${#tags[@]}" ] || { echo "bench/many-files.sh: at most ${#tags[@]} files" >&2; exit 2; }
echo "bench/many-files.sh: generating $FILES wheels of $SIZE_KIB KiB…" >&2
mkdir -p "$work/dist"
wheels=()
for i in $(seq 0 $((FILES - 1))); do
  wheels+=("$("$PYTHON" bench/make-wheel.py "$work/dist" benchmany 1.0 $((SIZE_KIB << 10)) "${tags[$i]}")")
done

ours=(); theirs=()
for run in $(seq "$RUNS"); do
  start_index
  warm_index
  start=$(date +%s.%N)
  bin/logflux-release publish -r "$URL" --token-env BENCH_INDEX_TOKEN --no-wait --parallel-uploads "$PARALLEL" \
    "${wheels[@]}" >/dev/null 2>"$work/ours.log" || { cat "$work/ours.log" >&2; exit 1; }
  ours+=("$(echo "$(date +%s.%N) - $start" | bc -l)")
  grep -q "$FILES uploaded" "$work/ours.log" || { cat "$work/ours.log" >&2; exit 1; }
  start_index
  warm_index
  start=$(date +%s.%N)
  TWINE_USERNAME=__token__ TWINE_PASSWORD="$BENCH_INDEX_TOKEN" "$PYTHON" -m twine upload --non-interactive \
    --disable-progress-bar --repository-url "$URL" "${wheels[@]}" >"$work/twine.log" 2>&1 \
    || { cat "$work/twine.log" >&2; exit 1; }
  theirs+=("$(echo "$(date +%s.%N) - $start" | bc -l)")
done

ours_med=$(printf '%s\n' "${ours[@]}" | median)
theirs_med=$(printf '%s\n' "${theirs[@]}" | median)
echo
echo "release of $FILES distinct wheels of $SIZE_KIB KiB each to a loopback index, $RUNS alternating runs each, fresh index per run, warmed first (BENCH_COLD_INDEX=1: not)"
echo "(machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg); index storage $INDEX_STORAGE; ours includes the full check of every file and the token probe)"
printf '  %-44s median %6.2f s   runs: %s\n' "logflux-release publish (--parallel-uploads $PARALLEL)" "$ours_med" \
  "$(printf '%.2f ' "${ours[@]}")"
printf '  %-44s median %6.2f s   runs: %s\n' "twine upload (one at a time)" "$theirs_med" "$(printf '%.2f ' "${theirs[@]}")"
printf '  wall-time ratio twine/ours: %.2fx (above 1 means ours is faster)\n' "$(echo "$theirs_med / $ours_med" | bc -l)"
