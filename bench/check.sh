#!/usr/bin/env bash
# Benchmark: logflux-release `check` against Debian's `twine check` on the same files, and our peak memory on a
# 16 MiB vs a 1 GiB wheel. Prints its figures last. Needs: Java 17, Maven, Debian's python3 with build and twine,
# GNU time (/usr/bin/time). Usage: bench/check.sh [RUNS]   (default 5 alternating runs per tool)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PYTHON=${LOGFLUX_PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
. bench/lib.sh
trap cleanup_bench EXIT

bench_build

echo "bench/check.sh: building the sample project in 10 versions (20 real files)…" >&2
for minor in 0 1 2 3 4 5 6 7 8 9; do
  cp -r resources/sample-sdk "$work/p$minor"
  sed -i "s/__version__ = \"[^\"]*\"/__version__ = \"0.3.$minor\"/" "$work/p$minor/logflux/__init__.py"
  "$PYTHON" -m build --no-isolation --outdir "$work/files" "$work/p$minor" >/dev/null 2>&1
done
files=("$work"/files/*)
count=${#files[@]}


ours=(); theirs=(); ours_rss=(); theirs_rss=()
for run in $(seq "$RUNS"); do
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/ours.time" java -jar "$JAR" check --python "$PYTHON" "${files[@]}" >/dev/null || true
  ours+=("$(echo "$(date +%s.%N) - $start" | bc -l)"); ours_rss+=("$(peak_kib "$work/ours.time")")
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/twine.time" "$PYTHON" -m twine check "${files[@]}" >/dev/null || true
  theirs+=("$(echo "$(date +%s.%N) - $start" | bc -l)"); theirs_rss+=("$(peak_kib "$work/twine.time")")
done

echo "bench/check.sh: both checks warm, in one process each (200 rounds, the last 50 counted)…" >&2
java -cp "$CP" io.logflux.release.bench.InProcessCheck 200 "${files[@]}" > "$work/warm-ours.txt"
"$PYTHON" bench/twine-check-warm.py 200 "${files[@]}" > "$work/warm-twine.txt"

echo "bench/check.sh: generating 16 MiB and 1 GiB wheels…" >&2
small=$("$PYTHON" bench/make-wheel.py "$work" benchsmall 1.0 $((16 << 20)))
large=$("$PYTHON" bench/make-wheel.py "$work" benchlarge 1.0 $((1 << 30)))
small_rss=(); large_rss=(); large_times=()
for run in 1 2 3; do
  /usr/bin/time -v -o "$work/small.time" java -jar "$JAR" check --max-file-size 2GiB "$small" >/dev/null
  small_rss+=("$(peak_kib "$work/small.time")")
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/large.time" java -jar "$JAR" check --max-file-size 2GiB "$large" >/dev/null
  large_times+=("$(echo "$(date +%s.%N) - $start" | bc -l)")
  large_rss+=("$(peak_kib "$work/large.time")")
done
small_med=$(printf '%s\n' "${small_rss[@]}" | median)
large_med=$(printf '%s\n' "${large_rss[@]}" | median)
large_secs=$(printf '%s\n' "${large_times[@]}" | median)

warm_ours=$(tail -n 50 "$work/warm-ours.txt" | awk '{print $2}' | median)
warm_twine=$(tail -n 50 "$work/warm-twine.txt" | awk '{print $2}' | median)
ours_med=$(printf '%s\n' "${ours[@]}" | median)
theirs_med=$(printf '%s\n' "${theirs[@]}" | median)
echo
echo "check on $count files built by python3 -m build, $RUNS alternating runs each (machine: $(nproc) cores, $(java -version 2>&1 | head -1))"
printf '  %-32s median %6.2f s   peak RSS %7d KiB\n' "logflux-release check (JVM)" "$ours_med" "$(printf '%s\n' "${ours_rss[@]}" | median)"
printf '  %-32s median %6.2f s   peak RSS %7d KiB\n' "twine check ($("$PYTHON" -m twine --version | head -1 | awk '{print $3}'))" "$theirs_med" "$(printf '%s\n' "${theirs_rss[@]}" | median)"
printf '  ratio twine/ours: %.2fx (above 1 means ours is faster; includes JVM start-up)\n' "$(echo "$theirs_med / $ours_med" | bc -l)"
echo "the same $count files, each tool warm in one long-lived process (as the engine runs inside Jenkins)"
printf '  %-32s median %6.1f ms\n' "logflux-release engine (warm JVM)" "$(echo "$warm_ours * 1000" | bc -l)"
printf '  %-32s median %6.1f ms\n' "twine check (warm Python)" "$(echo "$warm_twine * 1000" | bc -l)"
printf '  ratio warm twine/warm ours: %.2fx; twine check as a command (how a pipeline runs it) / warm engine: %.1fx\n' \
  "$(echo "$warm_twine / $warm_ours" | bc -l)" "$(echo "$theirs_med / $warm_ours" | bc -l)"
echo "memory: one wheel, full scan (every member inflated and hashed against RECORD), median of 3 runs each"
printf '  16 MiB wheel: peak RSS %7d KiB   (runs: %s)\n' "$small_med" "${small_rss[*]}"
printf '   1 GiB wheel: peak RSS %7d KiB   (runs: %s; %.1f s, %.0f MiB/s)\n' "$large_med" "${large_rss[*]}" "$large_secs" \
  "$(echo "1024 / $large_secs" | bc -l)"
printf '  ratio 1 GiB / 16 MiB peak RSS: %.2f\n' "$(echo "$large_med / $small_med" | bc -l)"
