#!/usr/bin/env bash
# Benchmark: one `check` command on a whole corpus of built files against one `twine check` command on the same
# files, alternating, RUNS runs each; prints the medians, the spread and the ratio. Both tools render every
# reStructuredText description with readme_renderer (ours in one Python process per run).
#
# Usage: bench/check-corpus.sh [RUNS] [DIR]
#   RUNS  alternating runs per tool (default 5)
#   DIR   a directory of built wheels and sdists, e.g. real projects built at their release tags (see
#         docs/performance.md, "check on a corpus"). Default: a corpus built here without network — the wheels Debian
#         ships in /usr/share/python-wheels, plus the sample project built (wheel + sdist) once for each
#         reStructuredText description found in the metadata of the Python packages Debian has installed.
# Needs: Java 17, Maven, Debian's python3 with build and twine, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
DIR=${2:-}
PYTHON=${LOGFLUX_PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
spread() { sort -n | awk 'NR==1{lo=$1} {hi=$1} END {printf "%.2f–%.2f", lo, hi}'; }

echo "check-corpus.sh: building the jar…" >&2
mvn -B -q -ntp package -DskipTests
JAR=target/logflux-release.jar

if [ -z "$DIR" ]; then
  DIR="$work/files"
  mkdir -p "$DIR" "$work/readmes"
  cp /usr/share/python-wheels/*.whl "$DIR"/ 2>/dev/null || true
  # Real descriptions: those of the installed Python packages whose description is reStructuredText.
  "$PYTHON" - "$work/readmes" <<'EOF'
import email, glob, sys
out = sys.argv[1]
seen = set()
for path in sorted(glob.glob("/usr/lib/python3/dist-packages/*.dist-info/METADATA")
                   + glob.glob("/usr/lib/python3/dist-packages/*.egg-info/PKG-INFO")):
    with open(path, "rb") as f:
        message = email.message_from_bytes(f.read())
    kind = (message.get("Description-Content-Type") or "text/x-rst").split(";")[0].strip().lower()
    text = message.get_payload() or ""
    if not text.strip() and message.get("Description"):
        text = "\n".join(line[8:] if line.startswith("        ") else line
                         for line in message.get("Description").splitlines())
    if kind != "text/x-rst" or len(text.strip()) < 200 or text in seen:
        continue
    seen.add(text)
    with open("%s/%03d.rst" % (out, len(seen)), "w", encoding="utf-8") as f:
        f.write(text)
    if len(seen) == 15:
        break
EOF
  echo "check-corpus.sh: building the sample project with $(ls "$work/readmes" | wc -l) real descriptions…" >&2
  n=0
  for readme in "$work"/readmes/*.rst; do
    n=$((n + 1))
    project="$work/p$n"
    cp -r resources/sample-sdk "$project"
    cp "$readme" "$project/README.rst"
    sed -i 's/^readme = "README.md"/readme = "README.rst"/' "$project/pyproject.toml"
    sed -i "s/__version__ = \"[^\"]*\"/__version__ = \"0.4.$n\"/" "$project/logflux/__init__.py"
    "$PYTHON" -m build --no-isolation --outdir "$DIR" "$project" >/dev/null 2>&1 || echo "  (the build with $(basename "$readme") failed; left out)" >&2
  done
  corpus="the default corpus (Debian's wheels, and the sample project with real reStructuredText descriptions)"
else
  corpus="$DIR"
fi
shopt -s nullglob
files=("$DIR"/*.whl "$DIR"/*.tar.gz)
shopt -u nullglob
count=${#files[@]}
[ "$count" -gt 0 ] || { echo "check-corpus.sh: no .whl or .tar.gz in $DIR" >&2; exit 2; }

# How many reStructuredText descriptions, and how many Python processes our check starts for them (one untimed run
# through a wrapper that counts its own starts).
cat > "$work/counting-python" <<EOF
#!/bin/sh
echo started >> "$work/starts"
exec "$PYTHON" "\$@"
EOF
chmod +x "$work/counting-python"
java -jar "$JAR" check --json --python "$work/counting-python" "${files[@]}" > "$work/report.json" || true
starts=$(wc -l < "$work/starts" 2>/dev/null || echo 0)
rst=$("$PYTHON" - "${files[@]}" <<'EOF'
import email, sys, tarfile, zipfile
count = 0
for f in sys.argv[1:]:
    try:
        if f.endswith(".whl"):
            with zipfile.ZipFile(f) as z:
                data = z.read(next(n for n in z.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA")))
        else:
            with tarfile.open(f) as t:
                data = t.extractfile(next(n for n in t.getnames() if n.count("/") == 1 and n.endswith("/PKG-INFO"))).read()
    except Exception:
        continue
    m = email.message_from_bytes(data)
    kind = (m.get("Description-Content-Type") or "text/x-rst").split(";")[0].strip().lower()
    if kind == "text/x-rst" and ((m.get_payload() or "").strip() or (m.get("Description") or "").strip() not in ("", "UNKNOWN")):
        count += 1
print(count)
EOF
)

# Ours is the command users run: the launcher bin/logflux-release, with the class-data-sharing archive `mvn package`
# made (docs/cli.md). Plain `java -jar` is timed too, for reference.
LAUNCHER=bin/logflux-release
[ -s target/logflux-release.jsa ] || { echo "check-corpus.sh: the build made no class-data-sharing archive" >&2; exit 1; }

echo "check-corpus.sh: $count files ($rst with reStructuredText descriptions), $RUNS alternating runs…" >&2
ours=(); twine=(); ours_cpu=(); twine_cpu=(); jvm=(); launched=()
seconds() { tail -n 1 "$1" | awk '{print $1}'; }
cpu() { tail -n 1 "$1" | awk '{print $2 + $3}'; }
for run in $(seq "$RUNS"); do
  /usr/bin/time -o "$work/t" -f "%e %U %S" "$LAUNCHER" check --python "$PYTHON" "${files[@]}" >/dev/null 2>&1 || true
  ours+=("$(seconds "$work/t")"); ours_cpu+=("$(cpu "$work/t")")
  /usr/bin/time -o "$work/t" -f "%e %U %S" "$PYTHON" -m twine check "${files[@]}" >/dev/null 2>&1 || true
  twine+=("$(seconds "$work/t")"); twine_cpu+=("$(cpu "$work/t")")
  /usr/bin/time -o "$work/t" -f "%e %U %S" java -jar "$JAR" --version >/dev/null 2>&1
  jvm+=("$(seconds "$work/t")")
  /usr/bin/time -o "$work/t" -f "%e %U %S" java -jar "$JAR" check --python "$PYTHON" "${files[@]}" >/dev/null 2>&1 || true
  launched+=("$(seconds "$work/t")")
done

ours_med=$(printf '%s\n' "${ours[@]}" | median)
twine_med=$(printf '%s\n' "${twine[@]}" | median)
echo
echo "check on $count files of $corpus"
echo "  $rst reStructuredText descriptions; Python processes our check started for them: $starts"
echo "  $RUNS alternating runs each; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
printf '  %-34s median %6.2f s  (runs %s s)  CPU %5.2f s\n' "logflux-release check (launcher)" "$ours_med" \
  "$(printf '%s\n' "${ours[@]}" | spread)" "$(printf '%s\n' "${ours_cpu[@]}" | median)"
printf '  %-34s median %6.2f s  (runs %s s)  CPU %5.2f s\n' "twine check ($("$PYTHON" -m twine --version 2>/dev/null | head -1 | awk '{print $3}'))" \
  "$twine_med" "$(printf '%s\n' "${twine[@]}" | spread)" "$(printf '%s\n' "${twine_cpu[@]}" | median)"
printf '  of ours, JVM start-up alone (java -jar … --version): median %.2f s\n' "$(printf '%s\n' "${jvm[@]}" | median)"
printf '  ratio twine/ours: %.2fx (above 1 means ours is faster)\n' "$(echo "$twine_med / $ours_med" | bc -l)"
launched_med=$(printf '%s\n' "${launched[@]}" | median)
printf '  for reference, ours as plain java -jar: median %.2f s (runs %s s), ratio %.2fx\n' \
  "$launched_med" "$(printf '%s\n' "${launched[@]}" | spread)" "$(echo "$twine_med / $launched_med" | bc -l)"
