#!/usr/bin/env bash
# Makes the class-data-sharing archive bin/logflux-release starts the JVM with (docs/performance.md, "Cold start"):
# runs the packaged jar on the sample project the way users run it most (verify-version, check, --help, --json),
# records the classes those runs load, and archives them parsed and verified, so a run maps them instead of reading
# and verifying them from the jar. Run by `mvn package` (pom.xml) with the JVM that builds, which is the one the
# archive is valid for; the launcher uses the archive only with that JVM and this very jar, and without it otherwise.
#
# usage: make-cds-archive.sh JAVA JAR SAMPLE_PROJECT SAMPLE_DIST
#   writes JAR's name with .jsa (the archive) and .jsa.id (what it was made for: the jar and the JVM library)
set -euo pipefail

[ $# -eq 4 ] || { echo "usage: $0 JAVA JAR SAMPLE_PROJECT SAMPLE_DIST" >&2; exit 2; }
java=$1 jar=$(readlink -f "$2") project=$3 dist=$4
archive="${jar%.jar}.jsa"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A stale archive must never sit next to a new jar: it goes before anything can fail.
rm -f "$archive" "$archive.id"

wheel=$(ls "$dist"/*.whl) sdist=$(ls "$dist"/*.tar.gz)
runs=0
train() {  # EXPECTED_STATUS ARGS…   (EXPECTED_STATUS "1|3": either, a refusal or an unreachable index)
  local expected=$1 status=0
  shift
  runs=$((runs + 1))
  "$java" -Xshare:auto -XX:DumpLoadedClassList="$work/$runs.classlist" -jar "$jar" "$@" \
      >"$work/$runs.out" 2>&1 </dev/null || status=$?
  if ! case "|$expected|" in *"|$status|"*) true ;; *) false ;; esac; then
    echo "make-cds-archive: the training run 'logflux-release $*' ended with status $status, not $expected:" >&2
    cat "$work/$runs.out" >&2
    exit 1
  fi
}
train 0 verify-version --tag v0.2.0 --project "$project" "$wheel" "$sdist"
train 0 check "$wheel" "$sdist"
train 0 check --json "$wheel" "$sdist"
train 0 --help
# The HTTP client's classes, without any network: a publish to the discard port of the loopback interface, which
# refuses the connection at once (exit status 3, unreachable). Where a discard service does listen there, it answers
# nothing: the short timeouts end the run as a refusal or an unreachable index all the same. The token is a made-up
# one, in this run's environment.
LOGFLUX_TRAINING_TOKEN=pypi-training-run-only train "1|3" publish -r http://127.0.0.1:9/legacy/ \
  --token-env LOGFLUX_TRAINING_TOKEN --attempts 1 --connect-timeout 2s --idle-timeout 2s --no-wait "$wheel" "$sdist"

# Each list is in load order; the union keeps each class's first place.
awk '!seen[$0]++' "$work"/*.classlist >"$work/all.classlist"

if ! "$java" -Xshare:dump -XX:SharedClassListFile="$work/all.classlist" -XX:SharedArchiveFile="$archive.tmp" \
    -cp "$jar" >"$work/dump.out" 2>&1; then
  echo "make-cds-archive: java -Xshare:dump failed:" >&2
  cat "$work/dump.out" >&2
  rm -f "$archive.tmp"
  exit 1
fi
mv -f "$archive.tmp" "$archive"

# The archive holds for this jar file and this JVM only (the JVM checks both and, on a mismatch, quietly runs without
# any class sharing). The launcher compares this line with the same line made from what it is about to run.
jvm=$(readlink -f "$java")
if ! made_for=$(stat -L --printf '%d %i %s %Y;' "$jar" "${jvm%/bin/java}/lib/server/libjvm.so" 2>/dev/null); then
  # Without what it was made for, the launcher could not tell a fitting archive from a stale one: better none.
  echo "make-cds-archive: cannot read the jar's and the JVM library's identity (GNU stat, lib/server/libjvm.so); no archive made" >&2
  rm -f "$archive"
  exit 0
fi
printf '%s\n' "$made_for" >"$archive.id"
