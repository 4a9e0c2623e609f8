#!/usr/bin/env bash
# Build the bundle: render the icons, compile the translations, then PyInstaller into dist/annotator/.
# ANNOTATOR_ONEFILE=1 makes one file (dist/annotator) instead of a folder.
# Usage: packaging/build.sh [python]   (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
start=$(date +%s)
"$PY" packaging/build_icons.py --out build/icons
"$PY" scripts/translations.py release   # resources/translations/*.qm, bundled below
"$PY" -m PyInstaller packaging/annotator.spec --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller
echo "build.sh: built $(ls -d dist/annotator* | tr '\n' ' ')in $(($(date +%s) - start)) s"
