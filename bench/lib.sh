# Shared by the benchmarks that need the local index: build the jar and the test classes, and start/stop the index.
# Source it after setting $work (a temporary directory); it sets $CP, $JAR, $BENCH_INDEX_TOKEN, and start_index sets
# $URL. Extra environment for the index (BENCH_SERVE_DELAY_MS) is passed through.
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

server_pid=""
stop_index() {
  [ -z "$server_pid" ] || { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
  server_pid=""
}

start_index() {
  stop_index
  rm -rf "$work/index" "$work/url"
  java -cp "$CP" io.logflux.release.testindex.TestIndexServer "$work/index" "$work/url" &
  server_pid=$!
  for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
  URL=$(cat "$work/url")
}
