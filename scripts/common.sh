# Shared by scripts/run.sh and scripts/test.sh: install missing Debian packages, configure, build.
# shellcheck shell=bash
set -euo pipefail

VTASKMON_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VTASKMON_BUILD="${VTASKMON_BUILD:-$VTASKMON_ROOT/build}"

# Everything the build, the tests and the package need, from Debian 12.
# The -dev packages bring the libraries the programs link against. The run-time line lists what
# they load by name at run time (dlopen, data files), which no link line and no dpkg-shlibdeps
# sees; packaging/CMakeLists.txt makes the .deb depend on the same ones. Found with
# `strace -f -e trace=openat` over the whole test suite and `dpkg -S` on what was opened:
# - libsecret-1-0: QtKeychain's Secret Service back end (dlopen "secret-1"); without it the
#   keychain fails at once with "Unknown error"
# - qt6-translations-l10n: Qt's own strings in German (qtbase_de.qm, ui/translations.cpp)
# - ca-certificates: the system CA store behind TLS verification
# - libqt6svg6: the SVG icon engine and image format plugins (in the .deb through
#   dpkg-shlibdeps, since the programs link Qt6::Svg too)
# (The offscreen and xcb platform plugins and the OpenSSL TLS plugin are part of libqt6gui6 and
# libqt6network6, which the programs link against.)
# dbus-daemon: tests/reliability/tst_credentials runs a session bus of its own.
VTASKMON_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    libqt6sql6-sqlite qtkeychain-qt6-dev libssl-dev libgl-dev
    libsecret-1-0 qt6-translations-l10n ca-certificates libqt6svg6
    dbus-daemon
    clang libclang-rt-14-dev
    dpkg-dev file desktop-file-utils appstream
    # xvfb-run renders the README screenshots (tests/e2e/screenshots.cpp)
    xvfb xauth
)
# Only for developers, with VTASKMON_DEV=1: a compiler cache for several worktrees
# (-DCMAKE_CXX_COMPILER_LAUNCHER=ccache) and ImageMagick's `import` for screenshots of a running
# app under Xvfb. Neither the build nor the tests need them.
if [ "${VTASKMON_DEV:-}" = "1" ]; then
    VTASKMON_PACKAGES+=(ccache imagemagick)
fi

vtaskmon_install_packages() {
    local missing=()
    local p
    for p in "${VTASKMON_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing Debian packages. Install them with:" >&2
        echo "  sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing missing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

vtaskmon_build() {
    if [ ! -f "$VTASKMON_BUILD/build.ninja" ]; then
        cmake -S "$VTASKMON_ROOT" -B "$VTASKMON_BUILD" -G Ninja \
            -DCMAKE_BUILD_TYPE="${VTASKMON_BUILD_TYPE:-RelWithDebInfo}" "$@"
    fi
    cmake --build "$VTASKMON_BUILD" --parallel "$(nproc)"
}
