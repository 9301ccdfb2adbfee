#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for FUZZ_SECONDS (default 60) on its
# checked-in seed corpus. A crash fails the run and leaves the reproducer in build-fuzz/.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
vtaskmon_install_packages
FUZZ_BUILD="$VTASKMON_ROOT/build-fuzz"
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
if [ ! -f "$FUZZ_BUILD/build.ninja" ]; then
    CC=clang CXX=clang++ cmake -S "$VTASKMON_ROOT" -B "$FUZZ_BUILD" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVTASKMON_FUZZ=ON -DVTASKMON_BUILD_BENCH=OFF
fi
targets=(fuzz_codec fuzz_http_response)
cmake --build "$FUZZ_BUILD" --parallel "$(nproc)" --target "${targets[@]}"
for t in "${targets[@]}"; do
    corpus="$VTASKMON_ROOT/tests/fuzz/corpus/${t#fuzz_}"
    work="$FUZZ_BUILD/corpus-${t#fuzz_}"
    mkdir -p "$work"
    log="$FUZZ_BUILD/$t.log"
    echo "== $t: ${FUZZ_SECONDS}s (log: $log)"
    if ! (cd "$FUZZ_BUILD" && "./tests/fuzz/$t" -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=4096 \
            -print_final_stats=1 "$work" "$corpus") >"$log" 2>&1; then
        tail -60 "$log"
        echo "fuzz: $t found a problem; the reproducer is in $FUZZ_BUILD" >&2
        exit 1
    fi
    grep -E "^Done|stat::number_of_executed_units|stat::peak_rss_mb" "$log" || true
done
echo "fuzz: all targets ran clean"
