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

# A real index is a long-running process: warm_index gives a freshly started one (the local index, or pypiserver) one
# upload of another project and a listing of it before a timed run, so that neither tool pays the server's own
# start-up (the first request's class loading, its JIT still cold). BENCH_COLD_INDEX=1 leaves it out.
warm_index() {
  [ -z "${BENCH_COLD_INDEX:-}" ] || return 0
  if [ ! -s "$work/warm.body" ]; then
    mkdir -p "$work/warm"
    local wheel
    wheel=$("${PYTHON:-/usr/bin/python3}" bench/make-wheel.py "$work/warm" benchwarmup 1.0 $((16 << 20)))
    java -cp "$CP" io.logflux.release.publish.UploadBodyWriter "$wheel" "$work/warm.body" >"$work/warm.type"
    printf 'Authorization: Basic %s\n' "$(printf '__token__:%s' "$BENCH_INDEX_TOKEN" | base64 -w0)" >"$work/warm.auth"
  fi
  local status
  status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -T "$work/warm.body" --request-target "/${URL#http://*/}" \
    -H @"$work/warm.auth" -H "Content-Type: $(cat "$work/warm.type")" -H "Expect:" "$URL")
  [ "$status" = 200 ] || { echo "$(basename "$0"): the warm-up upload got HTTP $status" >&2; exit 1; }
  local base=${URL%/}
  curl -sS -o /dev/null "${base%/legacy}/simple/benchwarmup/" || true
}

