# Shared by the benchmarks that need the local index: build the jar and the test classes, and start/stop the index.
# Source it after setting $work (a temporary directory); it sets $CP, $JAR, $BENCH_INDEX_TOKEN, and start_index sets
# $URL; it also gives peak_kib (GNU time's peak RSS) and median. Extra environment for the index
# (BENCH_SERVE_DELAY_MS) is passed through.
bench_build() {
  echo "$(basename "$0"): building the jar and the test classes…" >&2
  mvn -B -q -ntp package -DskipTests
  mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
  CP="target/test-classes:target/classes:$(cat "$work/cp.txt")"
  JAR=target/logflux-release.jar
  # A fresh random token per run: it lives in this script's environment only.
  BENCH_INDEX_TOKEN="pypi-bench-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  export BENCH_INDEX_TOKEN
}

peak_kib() { grep "Maximum resident set size" "$1" | awk '{print $NF}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

server_pid=""
stop_index() {
  [ -z "$server_pid" ] || { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
  server_pid=""
}

# The index keeps what it receives in RAM (/dev/shm) when it can, so that its disk does not set the pace for both
# tools; BENCH_INDEX_ON_DISK=1 keeps it under $work instead. INDEX_STORAGE says which, for the figures; the scripts'
# exit traps call cleanup_bench.
if [ -z "${BENCH_INDEX_ON_DISK:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
  index_root=$(mktemp -d /dev/shm/logflux-bench.XXXXXX)
  INDEX_STORAGE="in RAM (/dev/shm)"
else
  index_root="$work"
  INDEX_STORAGE="on disk ($work)"
fi

cleanup_bench() {
  stop_index
  [ "$index_root" = "$work" ] || rm -rf "$index_root"
  rm -rf "$work"
}

start_index() {
  stop_index
  rm -rf "$index_root/index" "$work/url"
  java -cp "$CP" io.logflux.release.testindex.TestIndexServer "$index_root/index" "$work/url" &
  server_pid=$!
  for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
  URL=$(cat "$work/url")
}
