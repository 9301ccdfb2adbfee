#!/usr/bin/env bash
# Builds vtaskmon and starts the desktop app on the embedded simulator (demo mode).
# Extra arguments go to the app, e.g. `scripts/run.sh --locale de`.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
vtaskmon_install_packages
vtaskmon_build
exec "$VTASKMON_BUILD/app/desktop/vtaskmon" --demo "$@"
