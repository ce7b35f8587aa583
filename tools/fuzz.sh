#!/usr/bin/env bash
# fuzz.sh [SECONDS] — builds tests/fuzz/fuzz_import.cpp with clang++-14 and
# -fsanitize=fuzzer,address,undefined against src/core, seeds the corpus with
# tests/data/{formats,bad} (each file prefixed with a format byte 0) and the sample
# slice, and runs libFuzzer for SECONDS (default 60). Crashes land in build/fuzz/.
# Not part of CI's ctest; the long run is `tools/fuzz.sh 3600`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}
out="$root/build/fuzz"
mkdir -p "$out/corpus" "$out/include"
cp -r /usr/include/nlohmann "$out/include/"
CXX=${CXX:-clang++-14}
"$CXX" -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$root/src" -isystem "$out/include" \
  "$root/tests/fuzz/fuzz_import.cpp" \
  $(ls "$root"/src/core/*.cpp | grep -v -e layout -e quadtree -e label_placement) \
  -o "$out/fuzz_import"
for f in "$root"/tests/data/formats/*.json "$root"/tests/data/bad/*.json "$root"/assets/sample-slice.json; do
  [ "$(stat -c %s "$f")" -lt 200000 ] || continue
  { printf '\0'; cat "$f"; } > "$out/corpus/$(basename "$f")"
done
cd "$out"
./fuzz_import -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 corpus 2>&1 | tail -25
