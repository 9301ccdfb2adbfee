#!/usr/bin/env bash
# Builds the .deb with CPack, unpacks it into a temporary root, runs the installed programs
# and validates the desktop entry and the AppStream metainfo.
set -euo pipefail
BUILD_DIR="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$BUILD_DIR" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) \
    || { cat "$work/cpack.log" >&2; fail "cpack did not produce a package"; }
deb="$(ls "$work"/out/*.deb 2>/dev/null | head -1)"
[ -n "$deb" ] || fail "no .deb in $work/out"
echo "package: $(basename "$deb")"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
depends_on() { tr ',|' '\n\n' <<<"$depends" | sed 's/ *(.*//; s/^ *//; s/ *$//' | grep -qx "$1"; }
# Linked libraries, found by dpkg-shlibdeps
for lib in libqt6core6 libqt6network6 libqt6widgets6 libqt6keychain1; do
    depends_on "$lib" || fail "Depends lacks $lib"
done
# and what the programs load by name at run time, which no link line shows: each file, and the
# package that must bring it (scripts/common.sh installs the same ones)
while read -r pkg file; do
    depends_on "$pkg" || fail "Depends lacks $pkg (for $file)"
    owner="$(dpkg -S "$file" 2>/dev/null | cut -d: -f1)" \
        || fail "$file is not installed here (Debian package $pkg; run scripts/test.sh as root)"
    grep -qw "$pkg" <<<"$owner" || fail "$file belongs to $owner, not to $pkg"
done <<'FILES'
libsecret-1-0 /usr/lib/x86_64-linux-gnu/libsecret-1.so.0
qt6-translations-l10n /usr/share/qt6/translations/qtbase_de.qm
ca-certificates /etc/ssl/certs
libqt6svg6 /usr/lib/x86_64-linux-gnu/qt6/plugins/iconengines/libqsvgicon.so
FILES

root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/vtaskmon usr/bin/vtaskmon-cli usr/bin/vtaskmon-sim \
         usr/share/applications/org.vtaskmon.TaskMonitor.desktop \
         usr/share/metainfo/org.vtaskmon.TaskMonitor.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/org.vtaskmon.TaskMonitor.svg; do
    [ -e "$root/$f" ] || fail "package lacks /$f"
done

export QT_QPA_PLATFORM=offscreen
version="$("$root/usr/bin/vtaskmon" --version)" || fail "vtaskmon --version failed"
echo "vtaskmon --version: $version"
grep -q "[0-9]\+\.[0-9]\+\.[0-9]\+" <<<"$version" || fail "no version number in: $version"

snapshot="$(timeout 120 "$root/usr/bin/vtaskmon-cli" --demo tasks --json)" \
    || fail "vtaskmon-cli --demo tasks --json failed"
lines="$(grep -c '"key"' <<<"$snapshot" || true)"
echo "vtaskmon-cli --demo tasks --json: $lines tasks"
[ "$lines" -gt 0 ] || fail "the demo snapshot has no tasks"

desktop-file-validate "$root/usr/share/applications/org.vtaskmon.TaskMonitor.desktop" \
    || fail "desktop entry does not validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.vtaskmon.TaskMonitor.metainfo.xml" \
    || fail "metainfo does not validate"
echo "1 passed, 0 failed"
