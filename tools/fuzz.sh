#!/usr/bin/env bash
# fuzz.sh [SECONDS] — libFuzzer over every importer: one binary (tests/fuzz/fuzz_import.cpp,
# clang++-14 -fsanitize=fuzzer,address,undefined) run once per format with
# RGV_FUZZ_FORMAT=<format>, each run for SECONDS (default 60) on a seed corpus from tests/data/{formats,bad} and the sample
# slice. Runs from any cwd; builds into <repo>/build/fuzz (objects reused between runs).
# Exits non-zero on any crash, leak, hang (-timeout), OOM or sanitizer report; crash
# inputs land in build/fuzz/crashes/<format>/, logs in build/fuzz/logs/. ctest runs
# `tools/fuzz.sh 5`; the long run is in docs/import-formats.md ("Fuzzing").
#   CXX=...                     another clang (default clang++-14)
#   RGV_FUZZ_JOBS=N             targets built / run in parallel (default: nproc)
#   RGV_FUZZ_ONLY="slice jgf"   a subset of the formats
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}
out="$root/build/fuzz"
CXX=${CXX:-clang++-14}
jobs=${RGV_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
formats=${RGV_FUZZ_ONLY:-"slice node-link jgf cytoscape graphology vosviewer openalex semanticscholar"}

if ! command -v "$CXX" >/dev/null 2>&1; then
    echo "fuzz.sh: SKIPPED: $CXX not found. libFuzzer needs clang (Debian: it comes with the" \
         "emscripten package, or apt-get install clang-14); set CXX=clang++-NN for another." >&2
    exit 0
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' \
    > "$probe/p.cpp"
if ! "$CXX" "$probe/p.cpp" -fsanitize=fuzzer,address,undefined -o "$probe/p" 2>"$probe/err"; then
    echo "fuzz.sh: SKIPPED: $CXX cannot link -fsanitize=fuzzer,address,undefined" \
         "(its compiler-rt runtime is missing): $(head -1 "$probe/err")" >&2
    exit 0
fi

# Runs "$@" in the background, at most $jobs at once; `drain` waits for all and fails if any did.
pids=()
failed=0
spawn() {
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || failed=1; done
    "$@" &
    pids+=($!)
}
drain() {
    for p in "${pids[@]}"; do wait "$p" || failed=1; done
    pids=()
}

mkdir -p "$out/include" "$out/obj" "$out/seed" "$out/logs" "$out/crashes" "$out/corpus"
[ -d "$out/include/nlohmann" ] || cp -r /usr/include/nlohmann "$out/include/"
flags=(-std=c++17 -gline-tables-only -O1 -fno-omit-frame-pointer -fsanitize=address,undefined
       -fno-sanitize-recover=undefined -I"$root/src" -isystem "$out/include")

# 1. The src/core objects import_graph and export_graph need (the importers, the exporters
# and what they call: no layout, search, filters, communities or SVG, which only cost
# compile time here), once; all rebuilt when a core or fuzz file, or this script (flags), is
# newer.
newest=$(ls -t "$root"/src/core/* "$root"/tests/fuzz/* "$root/tools/fuzz.sh" | head -1)
for s in "$root"/src/core/import*.cpp "$root"/src/core/{exporters,slice,slice_io,json_reader,attributes,plain_text,graph,load_error}.cpp; do
    o="$out/obj/$(basename "$s" .cpp).o"
    if [ ! -f "$o" ] || [ "$newest" -nt "$o" ]; then
        spawn "$CXX" "${flags[@]}" -fsanitize=fuzzer-no-link -c "$s" -o "$o"
    fi
done
drain
[ $failed = 0 ] || { echo "fuzz.sh: compiling src/core failed" >&2; exit 1; }

# 2. One binary for every format (RGV_FUZZ_FORMAT picks one at run time).
bin="$out/fuzz_import"
if [ ! -f "$bin" ] || [ "$newest" -nt "$bin" ]; then
    "$CXX" "${flags[@]}" -fsanitize=fuzzer "$root/tests/fuzz/fuzz_import.cpp" "$out"/obj/*.o -o "$bin" \
        || { echo "fuzz.sh: linking the fuzz target failed" >&2; exit 1; }
fi

# 3. Seeds: every test file (the same seeds for every format; each format's own files and
# near-misses are among them). Files over 200 kB are left out (-max_len is 64 kB anyway).
rm -f "$out/seed"/*
for f in "$root"/tests/data/formats/*.json "$root"/tests/data/bad/*.json "$root"/assets/sample-slice.json; do
    [ -f "$f" ] && [ "$(stat -c %s "$f")" -lt 200000 ] && cp "$f" "$out/seed/"
done

# 4. Run. New interesting inputs go to corpus/<format> (kept between runs, seeds read-only).
run_one() {
    local fmt=$1
    mkdir -p "$out/corpus/$fmt" "$out/crashes/$fmt"
    (cd "$out/crashes/$fmt" &&
     RGV_FUZZ_FORMAT="$fmt" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1" \
     "$out/fuzz_import" -seed="${RGV_FUZZ_SEED:-1}" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "$out/corpus/$fmt" "$out/seed" > "$out/logs/$fmt.log" 2>&1)
}
status=0
for fmt in $formats; do spawn run_one "$fmt"; done
# wait per format to report each one's status
i=0
for fmt in $formats; do
    rc=0; wait "${pids[$i]}" || rc=$?
    i=$((i + 1))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/logs/$fmt.log" | tail -1)
    if [ $rc = 0 ]; then
        printf 'fuzz %-16s ok      %10s runs in %ss\n' "$fmt" "${execs:-?}" "$secs"
    else
        status=1
        printf 'fuzz %-16s FAILED  (exit %s) %s runs; log: %s\n' "$fmt" "$rc" "${execs:-?}" "$out/logs/$fmt.log"
        grep -m1 -E 'ERROR: |runtime error|SUMMARY' "$out/logs/$fmt.log" | sed 's/^/    /' || true
        ls "$out/crashes/$fmt" | sed 's/^/    input: /' || true
    fi
done
pids=()
exit $status
