#!/usr/bin/env bash
# Put Annotator in the user's applications menu: the .desktop entry (Exec pointing at
# the built bundle when there is one, else the venv's script), the icon in every hicolor
# size plus the scalable SVG, and the AppStream metainfo, under $XDG_DATA_HOME
# (default ~/.local/share). `--uninstall` removes them again.
# Usage: packaging/install_desktop.sh [--uninstall]   (PYTHON=... for the icon renderer)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
share=${XDG_DATA_HOME:-$HOME/.local/share}
py=${PYTHON:-.venv/bin/python}
app_id=io.github.annotator.Annotator
sizes="16 24 32 48 64 128 256 512"

targets() {
    echo "$share/applications/annotator.desktop"
    echo "$share/metainfo/$app_id.metainfo.xml"
    echo "$share/icons/hicolor/scalable/apps/annotator.svg"
    for n in $sizes; do echo "$share/icons/hicolor/${n}x${n}/apps/annotator.png"; done
}

refresh() {
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [ -f "$share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    targets | xargs rm -f
    refresh
    echo "install-desktop: removed Annotator from $share"
    exit 0
fi

if [ -x dist/annotator/annotator ]; then
    exe="$root/dist/annotator/annotator"
elif [ -x .venv/bin/annotator ]; then
    exe="$root/.venv/bin/annotator"
else
    echo "install-desktop: no executable; run 'make package' or 'make run' first" >&2
    exit 1
fi

"$py" packaging/build_icons.py --out build/icons >/dev/null
for n in $sizes; do
    install -Dm644 "build/icons/png/annotator-$n.png" "$share/icons/hicolor/${n}x${n}/apps/annotator.png"
done
install -Dm644 resources/icons/annotator.svg "$share/icons/hicolor/scalable/apps/annotator.svg"
install -Dm644 "resources/linux/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
mkdir -p "$share/applications"
escaped=$(printf '%s' "$exe" | sed -e 's/[\\"`$]/\\\\&/g')   # desktop-entry quoting
for_sed=$(printf '%s' "$escaped" | sed -e 's/[\\&|]/\\&/g')
sed -e "s|^Exec=annotator\b|Exec=\"$for_sed\"|" resources/linux/annotator.desktop \
    > "$share/applications/annotator.desktop"
chmod 644 "$share/applications/annotator.desktop"
refresh
echo "install-desktop: Annotator ($exe) installed under $share"
