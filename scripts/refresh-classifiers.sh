#!/usr/bin/env bash
# Refreshes the trove classifiers `check` validates Classifier fields against, from an installed `trove_classifiers`
# Python module (pip install -U trove-classifiers where PyPI is reachable; Debian's python3-trove-classifiers is older).
# Usage: scripts/refresh-classifiers.sh [PYTHON]   (default: python3)
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/main/resources/io/logflux/release/check
"${1:-python3}" - "$out" <<'PY'
import sys
import trove_classifiers
from trove_classifiers import deprecated_classifiers, sorted_classifiers
out = sys.argv[1]
version = getattr(trove_classifiers, "__version__", "installed module")
with open(f"{out}/trove-classifiers.txt", "w", encoding="utf-8") as f:
    f.write(f"# Trove classifiers PyPI accepts, from trove-classifiers {version} (sorted_classifiers).\n")
    f.write("# Refresh: scripts/refresh-classifiers.sh\n")
    f.writelines(c + "\n" for c in sorted_classifiers)
with open(f"{out}/trove-classifiers-deprecated.txt", "w", encoding="utf-8") as f:
    f.write("# Deprecated trove classifiers (PyPI refuses them) and their replacements, "
            "\"deprecated<TAB>replacement; replacement\",\n")
    f.write(f"# from trove-classifiers {version} (deprecated_classifiers). Refresh: scripts/refresh-classifiers.sh\n")
    f.writelines(c + "\t" + "; ".join(r) + "\n" for c, r in sorted(deprecated_classifiers.items()))
print(f"{len(sorted_classifiers)} classifiers, {len(deprecated_classifiers)} deprecated")
PY
