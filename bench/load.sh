#!/bin/sh
# bench/load.sh — load speed: a generated ~10 MB slice read into rgv's model natively and as
# wasm under node, next to JSON.parse + a graphology graph (bench/load_peer.mjs) in the same
# run. Prints a markdown table and puts it into bench/RESULTS.md under "## Load speed"
# (replacing the previous one). Not a test.
#
#   bench/load.sh [MB=10] [REPEAT=5]
#
# Builds rgv_load_bench natively and with emcc into $RGV_BENCH_BUILD (build/bench) and
# $RGV_BENCH_WEB_BUILD (build/bench-web); needs bench/node_modules (bench/setup.sh).
# Peak memory: rgv = the most C++ heap live at once during import_graph (a counting
# operator new, the same code natively and in wasm); JS = the most heapUsed above the
# level before the run (after JSON.parse, after the build). The file text itself is read
# before the clock starts and not counted, for either.
set -e
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
mb=${1:-10}
repeat=${2:-5}
[ -d "$here/node_modules/graphology" ] || "$here/setup.sh"
. "$here/common.sh"
native=${RGV_BENCH_BUILD:-$repo/build/bench}
web=${RGV_BENCH_WEB_BUILD:-$repo/build/bench-web}
bench_build_native "$native" rgv_load_bench
bench_build_web "$web" rgv_load_bench
out="$native/bench-out"
mkdir -p "$out"
file="$out/load-${mb}mb.json"
"$native/bench/rgv_load_bench" gen "$file" "$mb" 1 >&2
native_json=$("$native/bench/rgv_load_bench" load "$file" "$repeat")
wasm_json=$(node --no-experimental-fetch "$web/bench/rgv_load_bench.cjs" load "$file" "$repeat")
js_json=$(node --expose-gc "$here/load_peer.mjs" "$file" "$repeat")
echo "native: $native_json" >&2
echo "wasm:   $wasm_json" >&2
echo "js:     $js_json" >&2
NATIVE="$native_json" WASM="$wasm_json" JS="$js_json" REPEAT="$repeat" node -e '
const r = { native: JSON.parse(process.env.NATIVE), wasm: JSON.parse(process.env.WASM), js: JSON.parse(process.env.JS) };
const js = r.js, mb = (b) => (b / 1e6).toFixed(1);
const lines = [];
lines.push(`File: generated slice, ${mb(js.file_bytes)} MB, ${js.nodes} nodes, ${js.edges} edges; median of ${process.env.REPEAT} loads; ` +
           `node ${process.version}, ${require("os").cpus().length} cores, load average ${require("os").loadavg()[0].toFixed(1)} at the end.`);
lines.push("");
lines.push("| reader | load ms (median) | ms / JS | peak heap MB | peak / file size | model kept MB |");
lines.push("|---|---:|---:|---:|---:|---:|");
const row = (name, x) => lines.push(`| ${name} | ${x.ms.toFixed(0)} | ${(x.ms / js.ms).toFixed(2)}x | ${mb(x.peak_heap)} | ` +
  `${(x.peak_heap / x.file_bytes).toFixed(2)}x | ${mb(x.model_heap)} |`);
row("rgv native (import_graph)", r.native);
row("rgv wasm under node", r.wasm);
row("JSON.parse + graphology MultiGraph", js);
lines.push("");
lines.push("Targets: load <= 2x the JS time, peak <= 3x the file size.");
console.log(lines.join("\n"));
' > "$out/load.md"
cat "$out/load.md"
python3 - "$here/RESULTS.md" "$out/load.md" <<'PY'
import re, sys
path, table = sys.argv[1], open(sys.argv[2]).read().strip()
try:
    text = open(path).read()
except FileNotFoundError:
    text = ""
text = re.sub(r"\n## Load speed\n.*?(?=\n## |\Z)", "", text, flags=re.S).rstrip()
text += "\n\n## Load speed\n\n`bench/load.sh` (see bench/README.md)\n\n" + table + "\n"
open(path, "w").write(text)
PY
