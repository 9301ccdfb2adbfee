#!/usr/bin/env bash
# Builds vtaskmon and runs the whole test suite; ends with CTest's summary.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
vtaskmon_install_packages
vtaskmon_build
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
cd "$VTASKMON_BUILD"
exec ctest --output-on-failure --timeout 600 "$@"
