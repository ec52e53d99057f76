#!/usr/bin/env bash
# Benchmark: cold start of the command line. Times `verify-version` and `check` of the bundled sample (resources/
# sample-sdk, the two files in resources/sample-dist) started by bin/logflux-release (the build's class-data-sharing
# archive) and by plain `java -jar`, and `twine check` of the same two files, in alternating runs, each a new process.
# Prints medians with their spread (wall clock) and the median CPU time (user + system), and the ratios, last.
# Needs: Java 17, Maven, Debian's python3 with twine, GNU time (/usr/bin/time), bc.
# Usage: bench/cold-start.sh [RUNS]   (default 11 runs of each)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-11}
PYTHON=${LOGFLUX_PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "bench/cold-start.sh: building the jar and its archive (mvn package)…" >&2
mvn -B -q -ntp package -DskipTests
JAR=target/logflux-release.jar
[ -f target/logflux-release.jsa ] || { echo "bench/cold-start.sh: mvn package made no target/logflux-release.jsa" >&2; exit 1; }

wheel=resources/sample-dist/logflux-0.2.0-py3-none-any.whl
sdist=resources/sample-dist/logflux-0.2.0.tar.gz
verify=(verify-version --tag v0.2.0 --project resources/sample-sdk)
check=(check "$wheel" "$sdist")
JAVA=$(command -v java)
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$JAVA")")")}
labels=(launcher-verify plain-verify launcher-check plain-check twine-check)

# One run: wall seconds from the clock, CPU seconds (user + system, all threads) from GNU time; a failing run stops the
# benchmark (a figure of a run that did not do the work would be a false one).
timed() {
  local label=$1; shift
  local start end
  start=$(date +%s%N)
  if ! /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >"$work/out" 2>&1; then
    echo "bench/cold-start.sh: '$*' failed:" >&2
    cat "$work/out" >&2
    exit 1
  fi
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 ))" >>"$work/$label.wall"
  awk '{printf "%d\n", ($1 + $2) * 1000}' "$work/cpu" >>"$work/$label.cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
stat_of() { median <"$work/$1.$2"; }
spread() { sort -n "$work/$1.wall" | awk 'NR==1{min=$1} {max=$1} END {printf "%d-%d", min, max}'; }

# The launcher must really use the archive here, or its figures would be plain java -jar's under another name.
LOGFLUX_RELEASE_OPTS="-Xlog:class+load=info:file=$work/classes.log" bin/logflux-release --version >/dev/null
grep -q 'io.logflux.release.cli.Main source: shared objects file' "$work/classes.log" \
  || { echo "bench/cold-start.sh: bin/logflux-release did not use target/logflux-release.jsa" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench/cold-start.sh: $RUNS alternating runs of each…" >&2
for _ in $(seq "$RUNS"); do
  timed launcher-verify bin/logflux-release "${verify[@]}"
  timed plain-verify java -jar "$JAR" "${verify[@]}"
  timed launcher-check bin/logflux-release "${check[@]}"
  timed plain-check java -jar "$JAR" "${check[@]}"
  timed twine-check "$PYTHON" -m twine check "$wheel" "$sdist"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "cold start on the sample, $RUNS alternating runs each (machine: $(nproc) cores, load average $load_before before," \
  "$load_after after; $(java -version 2>&1 | head -1); twine $("$PYTHON" -m twine --version | head -1 | awk '{print $3}'))"
printf '  %-44s %8s %12s %10s\n' "" "wall ms" "(min-max)" "CPU ms"
names=("bin/logflux-release verify-version" "java -jar ... verify-version" "bin/logflux-release check (2 files)"
       "java -jar ... check (2 files)" "twine check (the same 2 files)")
for i in "${!labels[@]}"; do
  printf '  %-44s %8s %12s %10s\n' "${names[$i]}" "$(stat_of "${labels[$i]}" wall)" "($(spread "${labels[$i]}"))" \
    "$(stat_of "${labels[$i]}" cpu)"
done
lv=$(stat_of launcher-verify wall) pv=$(stat_of plain-verify wall)
lc=$(stat_of launcher-check wall) pc=$(stat_of plain-check wall) tc=$(stat_of twine-check wall)
printf '  ratio java -jar / launcher: verify-version %.2fx, check %.2fx\n' "$(echo "$pv / $lv" | bc -l)" \
  "$(echo "$pc / $lc" | bc -l)"
printf '  ratio twine check / launcher check: %.2fx (above 1 means ours is faster)\n' "$(echo "$tc / $lc" | bc -l)"
for what in verify-version:"$lv" check:"$lc"; do
  ms=${what#*:}
  if [ "$ms" -lt 350 ]; then verdict="under"; else verdict="NOT under"; fi
  echo "  launcher ${what%%:*}: median ${ms} ms, $verdict the 350 ms goal"
done
