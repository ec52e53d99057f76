#!/usr/bin/env bash
# Benchmark: the rehearsal index (release --rehearse) under request floods, in a JVM with a small heap that runs both
# the index and the flooding client (which streams what it sends and keeps none of it): 6,000 fields of 1 MiB,
# 1 GiB of part-header lines, a 2 GiB file part, a body cut off inside its file, 64 stalled uploads. Prints per
# flood what was sent, the index's answer, the time and the files left in its directories; then the JVM's peak RSS.
# Needs: Java 17, Maven, GNU time (/usr/bin/time). Usage: bench/rehearsal-floods.sh [HEAP]   (default 64m)
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=${1:-64m}
work=$(mktemp -d)
. bench/lib.sh
trap cleanup_bench EXIT

bench_build

echo "bench/rehearsal-floods.sh: flooding the index at -Xmx$HEAP…" >&2
/usr/bin/time -v -o "$work/floods.time" java -Xmx"$HEAP" -cp "$CP" io.logflux.release.rehearsal.FloodBench \
  "$index_root/index" | tee "$work/floods.txt"
echo
echo "peak RSS at -Xmx$HEAP: $(( $(peak_kib "$work/floods.time") / 1024 )) MiB (index and client in one JVM)"
