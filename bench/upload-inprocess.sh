#!/usr/bin/env bash
# Benchmark: the engine uploading in a warm JVM (as Jenkins runs it: no start-up per file) vs twine, each wheel a
# different release so nothing is skipped, to the same loopback index. Prints its figures last.
# Needs: Java 17, Maven, Debian's python3 with twine, bc. Usage: bench/upload-inprocess.sh [SIZE_MIB] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${1:-256}
RUNS=${2:-3}
PYTHON=${LOGFLUX_PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
. bench/lib.sh
trap cleanup_bench EXIT
bench_build

echo "upload-inprocess.sh: generating $((RUNS * 2 + 1)) wheels of $SIZE_MIB MiB…" >&2
ours=("$("$PYTHON" bench/make-wheel.py "$work" benchwarm 1.0 $((SIZE_MIB << 20)))")
for run in $(seq "$RUNS"); do ours+=("$("$PYTHON" bench/make-wheel.py "$work" benchours 1.$run $((SIZE_MIB << 20)))"); done
theirs=()
for run in $(seq "$RUNS"); do theirs+=("$("$PYTHON" bench/make-wheel.py "$work" benchtwine 1.$run $((SIZE_MIB << 20)))"); done

start_index
# The engine stays up in one JVM and takes its files over a pipe, so ours and twine alternate file by file on the same
# index: neither tool always meets the fresher index.
coproc OURS { java -cp "$CP" io.logflux.release.bench.InProcessUpload "$URL"; }
: > "$work/ours.txt"
twine_times=()
echo "${ours[0]}" >&"${OURS[1]}"; read -r warmup <&"${OURS[0]}"; echo "$warmup (warm-up)" >&2
for run in $(seq "$RUNS"); do
  echo "${ours[$run]}" >&"${OURS[1]}"; read -r line <&"${OURS[0]}"; echo "$line" | tee -a "$work/ours.txt" >&2
  start=$(date +%s.%N)
  TWINE_USERNAME=__token__ TWINE_PASSWORD="$BENCH_INDEX_TOKEN" "$PYTHON" -m twine upload --non-interactive \
    --disable-progress-bar --repository-url "$URL" "${theirs[$((run - 1))]}" >/dev/null 2>&1
  twine_times+=("$(echo "$(date +%s.%N) - $start" | bc -l)")
done
exec {OURS[1]}>&-
wait "$OURS_PID" 2>/dev/null || true
ours_med=$(awk '{print $2}' "$work/ours.txt" | median)
ours_before=$(awk '{print $3}' "$work/ours.txt" | median)
ours_upload=$(awk '{print $4}' "$work/ours.txt" | median)
twine_med=$(printf '%s\n' "${twine_times[@]}" | median)
echo
echo "upload of $SIZE_MIB MiB wheels, engine in one warm JVM (first file a warm-up, not counted) vs twine per file, alternating"
echo "(machine: $(nproc) cores, $(java -version 2>&1 | head -1); index storage $INDEX_STORAGE; ours includes the full check and the token probe)"
printf '  %-34s median %6.2f s   %6.1f MiB/s\n' "logflux-release engine (in-process)" "$ours_med" "$(echo "$SIZE_MIB / $ours_med" | bc -l)"
printf '  %-34s median %6.2f s before the upload (check, digests, probe, listing), %6.2f s upload until accepted\n' \
  "  of which" "$ours_before" "$ours_upload"
printf '  %-34s median %6.2f s   %6.1f MiB/s\n' "twine upload" "$twine_med" "$(echo "$SIZE_MIB / $twine_med" | bc -l)"
printf '  wall-time ratio twine/ours: %.2fx (above 1 means ours is faster)\n' "$(echo "$twine_med / $ours_med" | bc -l)"
