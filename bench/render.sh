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
. "$here/common.sh"
web=${RGV_BENCH_RENDER_WEB:-$repo/build/web-release}
native=${RGV_BENCH_RENDER_NATIVE:-$repo/build/native-release}
bench_build_web "$web" rgv_viewer
bench_build_native "$native" rgv
node "$here/render.mjs" --web "$web/web" --native "$native/rgv" --out "$repo/build/bench-render" "$@"
