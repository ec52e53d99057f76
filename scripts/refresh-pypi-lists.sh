#!/usr/bin/env bash
# Regenerates the data lists `check` validates metadata against, from the versions PyPI itself uses now:
#   - pypi/warehouse requirements/main.txt gives the pins of `packaging` and `trove-classifiers`;
#   - pypa/packaging src/packaging/licenses/_spdx.py at the pinned tag gives the SPDX license and exception ids
#     (packaging.licenses.canonicalize_license_expression, which warehouse's metadata parsing calls, uses exactly
#     these);
#   - pypa/trove-classifiers src/trove_classifiers/__init__.py at the pinned tag gives sorted_classifiers and
#     deprecated_classifiers (warehouse/forklift/metadata.py validates Classifier against them).
# Every file written says at its top where it came from (repository, tag, commit, path, warehouse's pin line).
#
# A maintainer script: it needs git, python3 (3.8+) and, unless given local copies, network access to github.com.
# CI has no network and does not run it; the files it writes are committed.
#
# Usage: scripts/refresh-pypi-lists.sh [--warehouse GIT_DIR] [--packaging GIT_DIR] [--trove-classifiers GIT_DIR]
#                                      [--warehouse-ref REF] [--packaging-tag TAG] [--classifiers-tag TAG]
#   GIT_DIR: a local clone (work tree or bare); without one, the repository is cloned (blobless) from GitHub.
#   --warehouse-ref: the warehouse commit to read the pins at (default: its HEAD).
#   --packaging-tag / --classifiers-tag: read this tag instead of the pinned one, when a local copy lacks the
#     pinned tag; the files then say so and the script warns. Rerun without it where GitHub is reachable.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/main/resources/io/logflux/release/check
warehouse="" packaging="" trove="" warehouse_ref=HEAD packaging_tag="" classifiers_tag=""
while [ $# -gt 0 ]; do
  case "$1" in
    --warehouse) warehouse=$2; shift 2 ;;
    --packaging) packaging=$2; shift 2 ;;
    --trove-classifiers) trove=$2; shift 2 ;;
    --warehouse-ref) warehouse_ref=$2; shift 2 ;;
    --packaging-tag) packaging_tag=$2; shift 2 ;;
    --classifiers-tag) classifiers_tag=$2; shift 2 ;;
    *) echo "refresh-pypi-lists: unknown argument '$1' (the usage is at the top of $0)" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# repo_dir OWNER/NAME GIVEN_DIR: the local git directory to read, cloned from GitHub when none was given.
repo_dir() {
  if [ -n "$2" ]; then
    git -C "$2" rev-parse --git-dir >/dev/null 2>&1 \
      || { echo "refresh-pypi-lists: $2 is not a git repository (give a clone of $1)" >&2; exit 1; }
    echo "$2"
  else
    git clone -q --bare --filter=blob:none "https://github.com/$1.git" "$work/${1//\//+}" >&2
    echo "$work/${1//\//+}"
  fi
}
warehouse=$(repo_dir pypi/warehouse "$warehouse")
packaging=$(repo_dir pypa/packaging "$packaging")
trove=$(repo_dir pypa/trove-classifiers "$trove")

warehouse_commit=$(git -C "$warehouse" rev-parse "$warehouse_ref^{commit}")
git -C "$warehouse" show "$warehouse_commit:requirements/main.txt" > "$work/main.txt"
pin() {
  grep -m1 -E "^$1==" "$work/main.txt" | sed 's/ *\\$//' | grep . \
    || { echo "refresh-pypi-lists: no '$1==' pin in warehouse requirements/main.txt at $warehouse_commit" >&2; exit 1; }
}
packaging_pin=$(pin packaging)
trove_pin=$(pin trove-classifiers)

# tag_of GIT_DIR PIN_LINE OVERRIDE: the tag to read, the pinned version unless overridden.
tag_of() {
  local pinned=${2#*==}
  local tag=${3:-$pinned}
  if ! git -C "$1" rev-parse -q --verify "refs/tags/$tag^{commit}" >/dev/null; then
    echo "refresh-pypi-lists: $1 has no tag $tag (warehouse pins $2). Fetch its tags, or pass a --…-tag." >&2
    exit 1
  fi
  [ "$tag" = "$pinned" ] || echo "refresh-pypi-lists: WARNING: reading tag $tag, but warehouse pins $2" >&2
  echo "$tag"
}
ptag=$(tag_of "$packaging" "$packaging_pin" "$packaging_tag")
ttag=$(tag_of "$trove" "$trove_pin" "$classifiers_tag")
pcommit=$(git -C "$packaging" rev-parse "refs/tags/$ptag^{commit}")
tcommit=$(git -C "$trove" rev-parse "refs/tags/$ttag^{commit}")
git -C "$packaging" show "$pcommit:src/packaging/licenses/_spdx.py" > "$work/_spdx.py"
git -C "$trove" show "$tcommit:src/trove_classifiers/__init__.py" > "$work/trove.py"
note() { [ "$1" = "${2#*==}" ] && echo "" || echo " NOT THE PINNED VERSION: tag $1 was read because the copy used lacked ${2#*==}; rerun the script where GitHub is reachable."; }

python3 - "$out" "$work" "pypi/warehouse commit $warehouse_commit, requirements/main.txt" \
  "$packaging_pin" "pypa/packaging tag $ptag (commit $pcommit), src/packaging/licenses/_spdx.py" "$(note "$ptag" "$packaging_pin")" \
  "$trove_pin" "pypa/trove-classifiers tag $ttag (commit $tcommit), src/trove_classifiers/__init__.py" "$(note "$ttag" "$trove_pin")" <<'PY'
# The source files are read as data (their literal assignments), never executed.
import ast, sys
out, work, warehouse, packaging_pin, packaging_src, packaging_note, trove_pin, trove_src, trove_note = sys.argv[1:]

def literals(path):
    values = {}
    for node in ast.parse(open(path, encoding="utf-8").read()).body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None)
        if isinstance(target, ast.Name) and node.value is not None:
            try:
                values[target.id] = ast.literal_eval(node.value)
            except ValueError:
                pass  # a computed value (such as all_classifiers = sorted(...)), not data
    return values

def header(f, what, source, pin, note):
    f.write(f"# {what}\n# Source: {source}\n# Pinned in {warehouse}: {pin}\n")
    if note:
        f.write(f"#{note}\n")
    f.write("# Generated by scripts/refresh-pypi-lists.sh; do not edit by hand.\n")

spdx = literals(f"{work}/_spdx.py")
for name, key, what in (("spdx-licenses.txt", "LICENSES", "SPDX license ids"),
                        ("spdx-exceptions.txt", "EXCEPTIONS", "SPDX license exception ids")):
    entries = spdx[key]
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        header(f, f"{what} that packaging accepts (SPDX license list {spdx['VERSION']}), one a line; "
                  "'<TAB>deprecated' marks a deprecated id, which packaging still accepts",
               packaging_src, packaging_pin, packaging_note)
        for entry in sorted(entries.values(), key=lambda e: e["id"].lower()):
            f.write(entry["id"] + ("\tdeprecated" if entry["deprecated"] else "") + "\n")
    print(f"{name}: {len(entries)} ids ({sum(e['deprecated'] for e in entries.values())} deprecated)")

trove = literals(f"{work}/trove.py")
with open(f"{out}/trove-classifiers.txt", "w", encoding="utf-8") as f:
    header(f, "Trove classifiers PyPI accepts (sorted_classifiers)", trove_src, trove_pin, trove_note)
    f.writelines(c + "\n" for c in trove["sorted_classifiers"])
with open(f"{out}/trove-classifiers-deprecated.txt", "w", encoding="utf-8") as f:
    header(f, "Deprecated trove classifiers, which PyPI refuses (deprecated_classifiers), "
              "as 'deprecated<TAB>replacement; replacement'", trove_src, trove_pin, trove_note)
    f.writelines(c + "\t" + "; ".join(r) + "\n" for c, r in sorted(trove["deprecated_classifiers"].items()))
if not trove_note:
    # The pinned release itself was read: the stop-gap list of classifiers known to be in it is no longer needed.
    with open(f"{out}/trove-classifiers-pin-additions.txt", "w", encoding="utf-8") as f:
        f.write("# Classifiers known to be in the pinned trove-classifiers release but not in trove-classifiers.txt:\n"
                "# none, trove-classifiers.txt was generated from the pinned release itself.\n")
print(f"trove-classifiers.txt: {len(trove['sorted_classifiers'])} classifiers, "
      f"{len(trove['deprecated_classifiers'])} deprecated")
PY
