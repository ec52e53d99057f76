#!/usr/bin/env bash
# Benchmark: logflux-release `check` at a 256 MiB heap on hostile wheels (a million entries; central entries sharing
# one local entry, David Fifield's non-recursive zip bomb framing; trailing data) against Debian's `twine check` on
# the same files: time and peak RSS of each. Prints its figures last. Needs: Java 17, Maven, Debian's python3 with
# twine, GNU time (/usr/bin/time). Usage: bench/hostile-wheels.sh [RUNS]   (default 3 alternating runs per tool)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
PYTHON=${LOGFLUX_PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
. bench/lib.sh
trap cleanup_bench EXIT

bench_build

echo "bench/hostile-wheels.sh: crafting the hostile wheels…" >&2
"$PYTHON" - "$work" <<'PY'
import struct, sys, zlib, os
work = sys.argv[1]
meta = b"Metadata-Version: 2.1\nName: x\nVersion: 1.0\n"

def local(name, data):
    return struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 0, 0, 0, zlib.crc32(data), len(data), len(data),
                       len(name), 0) + name + data

def central(name, data, offset):
    return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 0x0314, 20, 0, 0, 0, 0, zlib.crc32(data), len(data),
                       len(data), len(name), 0, 0, 0, 0, 0o100644 << 16, offset) + name

def end(records, size, offset, zip64=False):
    tail = b""
    if zip64:
        at = offset + size
        tail = struct.pack("<IQHHIIQQQQ", 0x06064b50, 44, 45, 45, 0, 0, records, records, size, offset)
        tail += struct.pack("<IIQI", 0x07064b50, 0, at, 1)
        records, size, offset = 0xFFFF, min(size, 0xFFFFFFFF), min(offset, 0xFFFFFFFF)
    return tail + struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, records, records, size, offset, 0)

def write(path, members, aliases=0, suffix=b""):
    with open(path, "wb") as out:
        offsets = []
        for name, data in members:
            offsets.append(out.tell())
            out.write(local(name, data))
        cd_offset = out.tell()
        for (name, data), offset in zip(members, offsets):
            out.write(central(name, data, offset))
        for i in range(aliases):
            out.write(central(b"x/alias%d.py" % i, members[0][1], 0))
        records = len(members) + aliases
        size = out.tell() - cd_offset
        out.write(end(records, size, cd_offset, zip64=records > 0xFFFE) + suffix)

os.makedirs(f"{work}/million"); os.makedirs(f"{work}/overlap"); os.makedirs(f"{work}/trailing")
write(f"{work}/million/x-1.0-py3-none-any.whl", [(b"m%d" % i, b"") for i in range(1_000_000)])
write(f"{work}/overlap/x-1.0-py3-none-any.whl", [(b"x/__init__.py", b"x = 1\n" * 100),
      (b"x-1.0.dist-info/METADATA", meta)], aliases=1000)
write(f"{work}/trailing/x-1.0-py3-none-any.whl", [(b"x/__init__.py", b"x = 1\n"),
      (b"x-1.0.dist-info/METADATA", meta)], suffix=b"PK\x03\x04 appended")
PY

report=()
for case in million overlap trailing; do
  file="$work/$case/x-1.0-py3-none-any.whl"
  ours=(); theirs=(); ours_rss=(); theirs_rss=()
  for run in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$work/ours.time" java -Xmx256m -jar "$JAR" check "$file" > "$work/ours.out" 2>&1 || true
    ours+=("$(echo "$(date +%s.%N) - $start" | bc -l)"); ours_rss+=("$(peak_kib "$work/ours.time")")
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$work/twine.time" "$PYTHON" -m twine check "$file" > "$work/twine.out" 2>&1 || true
    theirs+=("$(echo "$(date +%s.%N) - $start" | bc -l)"); theirs_rss+=("$(peak_kib "$work/twine.time")")
  done
  ours_s=$(printf '%s\n' "${ours[@]}" | median); theirs_s=$(printf '%s\n' "${theirs[@]}" | median)
  ours_k=$(printf '%s\n' "${ours_rss[@]}" | median); theirs_k=$(printf '%s\n' "${theirs_rss[@]}" | median)
  finding=$(grep -o '\[[a-z.-]*\]' "$work/ours.out" | head -1)
  report+=("$(printf '%-9s %7.1f MB  ours %6.2f s %6d MiB %-20s  twine %6.2f s %6d MiB  time ratio %5.2f' "$case" \
    "$(echo "$(stat -c %s "$file") / 1000000" | bc -l)" "$ours_s" $((${ours_k%.*} / 1024)) "$finding" \
    "$theirs_s" $((${theirs_k%.*} / 1024)) "$(echo "$ours_s / $theirs_s" | bc -l)")")
done
echo
echo "check at -Xmx256m vs twine check on hostile wheels, medians of $RUNS runs (machine: $(nproc) cores, $(java -version 2>&1 | head -1))"
printf '%s\n' "${report[@]}"
