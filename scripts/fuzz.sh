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
targets=(fuzz_codec)
cmake --build "$FUZZ_BUILD" --parallel "$(nproc)" --target "${targets[@]}"
for t in "${targets[@]}"; do
    corpus="$VTASKMON_ROOT/tests/fuzz/corpus/${t#fuzz_}"
    work="$FUZZ_BUILD/corpus-${t#fuzz_}"
    mkdir -p "$work"
    echo "== $t: ${FUZZ_SECONDS}s"
    (cd "$FUZZ_BUILD" && "./tests/fuzz/$t" -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=4096 \
        -print_final_stats=1 "$work" "$corpus")
done
echo "fuzz: all targets ran clean"
