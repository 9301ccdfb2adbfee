#!/usr/bin/env bash
# Builds vtaskmon and runs the whole test suite; ends with CTest's summary.
#
# With CI=true (as in CI) or VTASKMON_TEST_ALL=1 it first also runs the libFuzzer targets
# (scripts/fuzz.sh, 60 s each) and the whole suite in an AddressSanitizer +
# UndefinedBehaviorSanitizer build (build-asan/). Arguments go to ctest.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
vtaskmon_install_packages
vtaskmon_build
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

if [ "${CI:-}" = "true" ] || [ "${VTASKMON_TEST_ALL:-}" = "1" ]; then
    "$VTASKMON_ROOT/scripts/fuzz.sh"
    echo "== sanitizer build (ASan + UBSan)"
    VTASKMON_BUILD="$VTASKMON_ROOT/build-asan" VTASKMON_BUILD_TYPE=Debug \
        vtaskmon_build -DVTASKMON_SANITIZE=ON -DVTASKMON_BUILD_BENCH=OFF
    (
        cd "$VTASKMON_ROOT/build-asan"
        export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_string_checks=1"
        export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
        ctest --output-on-failure --timeout 900 --label-exclude packaging "$@"
    )
    echo "== regular build"
fi

cd "$VTASKMON_BUILD"
ctest --output-on-failure --timeout 600 "$@"
