#!/usr/bin/env bash
# Benchmark: uploading one large wheel with logflux-release `publish` (the launcher bin/logflux-release, as users run
# it) vs Debian's `twine upload`, to the same loopback PyPI-compatible index, each to a fresh index warmed by one
# upload of another project (bench/lib.sh, warm_index; BENCH_COLD_INDEX=1 leaves that out), and the floor:
# curl sending the very multipart bytes `publish` sends (written beforehand by UploadBodyWriter) to the same server,
# which hashes nothing and so measures the index's own intake. Then our peak memory uploading a 16 MiB vs a 1 GiB wheel.
# Prints its figures last, with both ratios: twine/ours and ours/curl.
# The index: the calibrated test index of the test suite (which, like warehouse, computes sha256, BLAKE2b-256 and MD5
# of every upload), or with BENCH_PYPISERVER=DIR a real pypiserver run from DIR, a source checkout of
# https://github.com/pypiserver/pypiserver (it is on neither Debian nor npm): `python3 -m pypiserver run` on waitress,
# which its `--server auto` picks; it needs Debian's python3-waitress and, below Python 3.12,
# python3-importlib-resources.
# Needs: Java 17, Maven, Debian's python3 with twine, curl, GNU time (/usr/bin/time), bc.
# Usage: bench/upload.sh [SIZE_MIB] [RUNS]   (default 256 MiB, 3 alternating runs per tool)
#        BENCH_MEMORY=0 skips the memory part.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${1:-256}
RUNS=${2:-3}
PYTHON=${LOGFLUX_PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
. bench/lib.sh
trap cleanup_bench EXIT
bench_build

ours_upload() {  # FILE TIMEFILE
  /usr/bin/time -v -o "$2" bin/logflux-release publish -r "$URL" --token-env BENCH_INDEX_TOKEN --no-wait \
    --max-file-size 4GiB "$1" >/dev/null 2>"$work/ours.log" || { cat "$work/ours.log" >&2; exit 1; }
}

if [ -n "${BENCH_PYPISERVER:-}" ]; then
  [ -f "$BENCH_PYPISERVER/pypiserver/__main__.py" ] \
    || { echo "bench/upload.sh: BENCH_PYPISERVER=$BENCH_PYPISERVER is not a pypiserver source checkout" >&2; exit 1; }
  BODY_LAYOUT=ACTION_LAST  # what publish sends pypiserver: the action after the file (docs/publish.md, step 4)
  INDEX_NAME="pypiserver $(cd "$BENCH_PYPISERVER" && PYTHONPATH=. "$PYTHON" -c 'import pypiserver; print(pypiserver.__version__)') on waitress"
  # A fresh pypiserver for every run: no authentication (-a . -P .), an empty package directory.
  start_index() {
    stop_index
    rm -rf "$index_root/index"; mkdir -p "$index_root/index"
    local port
    port=$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    PYTHONPATH="$BENCH_PYPISERVER" "$PYTHON" -m pypiserver run -i 127.0.0.1 -p "$port" -a . -P . \
      --welcome "$BENCH_PYPISERVER/pypiserver/welcome.html" "$index_root/index" >"$work/pypiserver.log" 2>&1 &
    server_pid=$!
    URL="http://127.0.0.1:$port/"
    for _ in $(seq 100); do curl -s -o /dev/null "$URL" && return; sleep 0.1; done
    cat "$work/pypiserver.log" >&2; exit 1
  }
else
  BODY_LAYOUT=DIGEST_LAST
  INDEX_NAME="the test index (Undertow; sha256, BLAKE2b-256, MD5 of every upload)"
fi

echo "bench/upload.sh: generating a $SIZE_MIB MiB wheel…" >&2
wheel=$("$PYTHON" bench/make-wheel.py "$work" benchupload 1.0 $((SIZE_MIB << 20)))

echo "bench/upload.sh: writing the same upload's multipart body for curl…" >&2
body_type=$(java -cp "$CP" io.logflux.release.publish.UploadBodyWriter "$wheel" "$work/body.bin" "$BODY_LAYOUT")
# The wheel and the body were just written: their pages go to disk now, not during the first timed run.
sync
printf 'Authorization: Basic %s\n' "$(printf '__token__:%s' "$BENCH_INDEX_TOKEN" | base64 -w0)" > "$work/auth.header"
chmod 600 "$work/auth.header"

ours=(); theirs=(); floor=(); ours_rss=(); theirs_rss=()
for run in $(seq "$RUNS"); do
  start_index
  warm_index
  start=$(date +%s.%N)
  ours_upload "$wheel" "$work/ours.time"
  ours+=("$(echo "$(date +%s.%N) - $start" | bc -l)"); ours_rss+=("$(peak_kib "$work/ours.time")")
  start_index
  warm_index
  start=$(date +%s.%N)
  TWINE_USERNAME=__token__ TWINE_PASSWORD="$BENCH_INDEX_TOKEN" /usr/bin/time -v -o "$work/twine.time" \
    "$PYTHON" -m twine upload --non-interactive --disable-progress-bar --repository-url "$URL" "$wheel" >/dev/null 2>&1
  theirs+=("$(echo "$(date +%s.%N) - $start" | bc -l)"); theirs_rss+=("$(peak_kib "$work/twine.time")")
  start_index
  warm_index
  start=$(date +%s.%N)
  # -T streams the file (--data-binary would read it into memory first), --request-target keeps -T from appending
  # the file's name to the URL; no "Expect: 100-continue" wait, as ours.
  status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -T "$work/body.bin" --request-target "/${URL#http://*/}" \
    -H @"$work/auth.header" -H "Content-Type: $body_type" -H "Expect:" "$URL")
  floor+=("$(echo "$(date +%s.%N) - $start" | bc -l)")
  [ "$status" = 200 ] || { echo "bench/upload.sh: curl's upload got HTTP $status" >&2; exit 1; }
done

ours_med=$(printf '%s\n' "${ours[@]}" | median)
theirs_med=$(printf '%s\n' "${theirs[@]}" | median)
floor_med=$(printf '%s\n' "${floor[@]}" | median)
rm -f "$work/body.bin"
if [ "${BENCH_MEMORY:-1}" = 0 ]; then
  :
else
echo "bench/upload.sh: memory at 16 MiB and 1 GiB…" >&2
small=$("$PYTHON" bench/make-wheel.py "$work" benchsmall 1.0 $((16 << 20)))
large=$("$PYTHON" bench/make-wheel.py "$work" benchlarge 1.0 $((1 << 30)))
# Three runs of each, a fresh index every time (so nothing is skipped); the median peak RSS of each size counts.
small_rss=(); large_rss=(); large_times=()
for run in 1 2 3; do
  start_index
  ours_upload "$small" "$work/small.time"
  small_rss+=("$(peak_kib "$work/small.time")")
  start_index
  warm_index
  start=$(date +%s.%N)
  ours_upload "$large" "$work/large.time"
  large_times+=("$(echo "$(date +%s.%N) - $start" | bc -l)")
  large_rss+=("$(peak_kib "$work/large.time")")
done
small_med=$(printf '%s\n' "${small_rss[@]}" | median)
large_med=$(printf '%s\n' "${large_rss[@]}" | median)
large_secs=$(printf '%s\n' "${large_times[@]}" | median)
fi

echo
echo "upload of one $SIZE_MIB MiB wheel to a loopback index, $RUNS alternating runs each, fresh index per run$([ -n "${BENCH_COLD_INDEX:-}" ] || echo ', warmed first')"
echo "(machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg); index: $INDEX_NAME, storage $INDEX_STORAGE; ours includes the full check of the wheel and the token probe)"
printf '  %-34s median %6.2f s   %6.1f MiB/s   peak RSS %7d KiB\n' "logflux-release publish (launcher)" "$ours_med" \
  "$(echo "$SIZE_MIB / $ours_med" | bc -l)" "$(printf '%s\n' "${ours_rss[@]}" | median)"
printf '  %-34s median %6.2f s   %6.1f MiB/s   peak RSS %7d KiB\n' "twine upload ($("$PYTHON" -m twine --version | head -1 | awk '{print $3}'))" \
  "$theirs_med" "$(echo "$SIZE_MIB / $theirs_med" | bc -l)" "$(printf '%s\n' "${theirs_rss[@]}" | median)"
printf '  %-34s median %6.2f s   %6.1f MiB/s   (the same multipart bytes as ours: the index'"'"'s own intake)\n' \
  "curl (floor)" "$floor_med" "$(echo "$SIZE_MIB / $floor_med" | bc -l)"
printf '  runs (s): ours %s; twine %s; curl %s\n' "$(printf '%.2f ' "${ours[@]}")" "$(printf '%.2f ' "${theirs[@]}")" \
  "$(printf '%.2f ' "${floor[@]}")"
printf '  wall-time ratio twine/ours: %.2fx (above 1 means ours is faster; goal >= 1.25)\n' "$(echo "$theirs_med / $ours_med" | bc -l)"
printf '  wall-time ratio ours/curl:  %.2fx (how far above the floor; goal <= 1.5)\n' "$(echo "$ours_med / $floor_med" | bc -l)"
[ "${BENCH_MEMORY:-1}" = 0 ] && exit 0
echo "memory: logflux-release publish (check + digests + streamed upload), median of 3 runs each"
printf '  16 MiB wheel: peak RSS %7d KiB   (runs: %s)\n' "$small_med" "${small_rss[*]}"
printf '   1 GiB wheel: peak RSS %7d KiB   (runs: %s; %.1f s)\n' "$large_med" "${large_rss[*]}" "$large_secs"
printf '  ratio 1 GiB / 16 MiB peak RSS: %.2f\n' "$(echo "$large_med / $small_med" | bc -l)"
