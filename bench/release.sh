#!/usr/bin/env bash
# Benchmark: the whole `release` of the sample project (validate, test index + install check, production index +
# install check; no GitHub) against the seed's own steps scripted with twine and pip, to the same two loopback indexes
# (the test suite's calibrated index, one process each, both fresh for every run). The scripted steps are the seed's
# (docs/release-process.md): `twine check dist/*`, then for each index `twine upload`, `python -m venv`, `pip install
# logflux==0.2.0` from that index, `python -c "import logflux; print(logflux.__version__)"`. pip runs without a cache
# and without its version check on both sides. Prints its figures last.
# Needs: Java 17, Maven, Debian's python3 with twine, pip and venv, bc.
# Usage: bench/release.sh [RUNS]   (default 5 alternating runs per side)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PYTHON=${LOGFLUX_PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
. bench/lib.sh
bench_build
files=(resources/sample-dist/*)

# Two indexes, each its own process and directory: the test index (TestPyPI's part) and the production index.
test_pid=""; prod_pid=""
stop_indexes() {
  for pid in $test_pid $prod_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  test_pid=""; prod_pid=""
}
start_one() {  # NAME; sets $started_pid and $started_url
  rm -rf "$index_root/$1" "$work/$1.url"
  java -cp "$CP" io.logflux.release.testindex.TestIndexServer "$index_root/$1" "$work/$1.url" &
  started_pid=$!
  for _ in $(seq 200); do [ -s "$work/$1.url" ] && break; sleep 0.1; done
  [ -s "$work/$1.url" ] || { echo "bench/release.sh: the $1 index did not start" >&2; exit 1; }
  started_url=$(cat "$work/$1.url")
}
start_indexes() {
  stop_indexes
  start_one test-index; test_pid=$started_pid; TEST_URL=$started_url
  start_one prod-index; prod_pid=$started_pid; PROD_URL=$started_url
}
trap 'stop_indexes; cleanup_bench' EXIT

ours() {
  # Indexes given by URL: release reads the token from the variables named (PYPI_API_TOKEN is for pypi only).
  BENCH_TEST_TOKEN="$BENCH_INDEX_TOKEN" BENCH_PROD_TOKEN="$BENCH_INDEX_TOKEN" bin/logflux-release release \
    --tag v0.2.0 --project resources/sample-sdk --files 'resources/sample-dist/*' --python "$PYTHON" \
    --test-repository "$TEST_URL" --test-token-env BENCH_TEST_TOKEN \
    --repository "$PROD_URL" --token-env BENCH_PROD_TOKEN >"$work/ours.log" 2>&1 \
    || { cat "$work/ours.log" >&2; exit 1; }
}

scripted_install() {  # SIMPLE_URL VENV
  "$PYTHON" -m venv "$2"
  PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 "$2/bin/pip" install --index-url "$1" logflux==0.2.0
  "$2/bin/python" -c "import logflux; print(logflux.__version__)"
}
scripted() {
  rm -rf "$work/venv-test" "$work/venv-prod"
  {
    "$PYTHON" -m twine check "${files[@]}"
    TWINE_USERNAME=__token__ TWINE_PASSWORD="$BENCH_INDEX_TOKEN" "$PYTHON" -m twine upload --non-interactive \
      --disable-progress-bar --repository-url "$TEST_URL" "${files[@]}"
    scripted_install "${TEST_URL%/legacy/}/simple/" "$work/venv-test"
    TWINE_USERNAME=__token__ TWINE_PASSWORD="$BENCH_INDEX_TOKEN" "$PYTHON" -m twine upload --non-interactive \
      --disable-progress-bar --repository-url "$PROD_URL" "${files[@]}"
    scripted_install "${PROD_URL%/legacy/}/simple/" "$work/venv-prod"
  } >"$work/scripted.log" 2>&1 || { cat "$work/scripted.log" >&2; exit 1; }
}

now() { date +%s.%N; }
ours_times=(); scripted_times=()
for run in $(seq "$RUNS"); do
  echo "bench/release.sh: run $run of $RUNS…" >&2
  start_indexes
  start=$(now); ours; ours_times+=("$(echo "$(now) - $start" | bc -l)")
  start_indexes
  start=$(now); scripted; scripted_times+=("$(echo "$(now) - $start" | bc -l)")
done
stop_indexes
way=$(grep -o 'Install check: [^,]*' "$work/ours.log" | head -1)

ours_med=$(printf '%s\n' "${ours_times[@]}" | median)
scripted_med=$(printf '%s\n' "${scripted_times[@]}" | median)
range() { printf '%s\n' "$@" | sort -n | awk 'NR==1{lo=$1} {hi=$1} END {printf "%.2f-%.2f s", lo, hi}'; }
echo
echo "release of the sample project (2 files) to two loopback indexes, $RUNS alternating runs each, fresh indexes per run"
echo "(machine: $(nproc) cores, $(java -version 2>&1 | head -1), pip $("$PYTHON" -m pip --version | awk '{print $2}'); index storage $INDEX_STORAGE)"
echo "ours: ${way:-install check line not found}"
printf '  %-52s median %6.2f s   (runs %s)\n' "logflux-release release (launcher)" "$ours_med" "$(range "${ours_times[@]}")"
printf '  %-52s median %6.2f s   (runs %s)\n' "seed steps scripted (twine check/upload, venv, pip)" "$scripted_med" \
  "$(range "${scripted_times[@]}")"
printf '  wall-time ratio scripted/ours: %.2fx (above 1 means ours is faster)\n' \
  "$(echo "$scripted_med / $ours_med" | bc -l)"
# Each run's pair (ours, then the scripted steps right after) shares the machine's load of that moment: the median of
# the pairs' ratios is steadier than the ratio of the medians when other work comes and goes.
pairs=(); for i in "${!ours_times[@]}"; do pairs+=("$(echo "${scripted_times[$i]} / ${ours_times[$i]}" | bc -l)"); done
printf '  median of the %d runs'"'"' own ratios: %.2fx (runs %s)\n' "$RUNS" "$(printf '%s\n' "${pairs[@]}" | median)" \
  "$(printf '%s\n' "${pairs[@]}" | sort -n | awk 'NR==1{lo=$1} {hi=$1} END {printf "%.2f-%.2fx", lo, hi}')"
echo "  last run of ours, phase by phase:"
sed -n '/^Summary:/,$p' "$work/ours.log" | tail -n +2
