#!/bin/sh
# bench/render.sh — frame time while the camera moves: rgv next to sigma.js on the same
# generated graphs (1k, 10k, 100k nodes, about 3 edges per node) in one headless Chromium
# run, plus the native viewer under Xvfb. Prints a markdown table and writes it into
# bench/RESULTS.md ("## Render frame time") and README.md ("### Performance"). Not a test.
#
#   bench/render.sh [--sizes 1000,10000,100000] [--frames 240] [--rounds 2] [--no-write]
#
# Installs the JS peers (bench/setup.sh: sigma.js + graphology from npm), builds the web
# viewer into $RGV_BENCH_RENDER_WEB (default build/web-release) and the native `rgv` into
# $RGV_BENCH_RENDER_NATIVE (default build/native-release), then runs bench/render.mjs.
# Needs /usr/bin/chromium and xvfb-run. Screenshots of the 10k graph in both viewers go
# to build/bench-render/render-10k-{rgv,sigma}.png.
set -e
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
[ -d "$here/node_modules/sigma" ] || "$here/setup.sh"
[ -f "$repo/.cache/env.sh" ] && . "$repo/.cache/env.sh"
web=${RGV_BENCH_RENDER_WEB:-$repo/build/web-release}
native=${RGV_BENCH_RENDER_NATIVE:-$repo/build/native-release}
cmake -S "$repo" -B "$web" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE="$RGV_EMSCRIPTEN_TOOLCHAIN" >/dev/null
cmake --build "$web" --target rgv_viewer >/dev/null
cmake -S "$repo" -B "$native" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$native" --target rgv >/dev/null
node "$here/render.mjs" --web "$web/web" --native "$native/rgv" --out "$repo/build/bench-render" "$@"
