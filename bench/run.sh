#!/bin/sh
# bench/run.sh — the layout benchmark: rgv (native and wasm under node, d3 and fa2 models)
# against d3-force, graphology ForceAtlas2, ngraph.forcelayout (node) and igraph FR,
# graph-tool sfdp (Debian python), on the same graphs, every result scored by the same
# C++ metrics (src/core/layout_metrics.cpp via `rgv_layout_bench score`). Prints a
# markdown table and writes it to bench/RESULTS.md. Not a test.
#
#   bench/run.sh [--quick]        (--quick: shared graphs up to power + a 10k generated one)
#
# Set-up (bench/setup.sh): apt-get python3-igraph python3-graph-tool python3-matplotlib
# (root), npm ci into bench/node_modules. Builds rgv_layout_bench natively and with emcc
# into $RGV_BENCH_BUILD (build/bench) and $RGV_BENCH_WEB_BUILD (build/bench-web).
# Big graphs (>= 40k nodes): the JavaScript peers are timed over 10 iterations only
# (their full schedules take minutes; no quality figures then), sfdp gets 300 s at most, and is skipped above 40k.
set -e
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
quick=0
[ "$1" = "--quick" ] && quick=1
"$here/setup.sh"
. "$here/common.sh"
native=${RGV_BENCH_BUILD:-$repo/build/bench}
web=${RGV_BENCH_WEB_BUILD:-$repo/build/bench-web}
bench_build_native "$native" rgv_layout_bench
bench_build_web "$web" rgv_layout_bench
B="$native/bench/rgv_layout_bench"
W="node --no-experimental-fetch $web/bench/rgv_layout_bench.cjs"
PY=/usr/bin/python3
data=${RGV_SHARED_DATA:-$repo/../shared/data/graphs}
out="$native/bench-out"
mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"

if [ $quick = 1 ]; then
    graphs="karate lesmis netscience power rgg-10k"
    $B gen rgg-10k 10000 3 "$out/rgg-10k.json" >/dev/null
else
    graphs="karate lesmis polbooks netscience polblogs power rgg-40k rgg-100k"
    $B gen rgg-40k 40000 7 "$out/rgg-40k.json" >/dev/null
    $B gen rgg-100k 100000 11 "$out/rgg-100k.json" >/dev/null
fi

# record GRAPH ENGINE TIMING_JSON POSITIONS|-  -> one line of results.jsonl
record() {
    if [ "$4" != "-" ] && [ -f "$4" ]; then score=$($B score "$path" "$4" 2>/dev/null || echo '{}'); else score='{}'; fi
    echo "{\"graph\":\"$1\",\"engine\":\"$2\",\"run\":$3,\"score\":$score}" >> "$results"
    echo "  $2: $3 $score" >&2
}

for gname in $graphs; do
    path="$data/$gname.json"
    [ -f "$path" ] || path="$out/$gname.json"
    n=$($PY -c "import json,sys; print(len(json.load(open(sys.argv[1]))['nodes']))" "$path")
    echo "== $gname ($n nodes)" >&2
    for model in d3 fa2; do
        record "$gname" "rgv-native-$model" "$($B run "$path" --model $model --out "$out/p.json")" "$out/p.json"
        record "$gname" "rgv-wasm-$model" "$($W run "$path" --model $model --out "$out/pw.json")" "$out/pw.json"
        agree=$($B compare "$path" "$out/p.json" "$out/pw.json")
        echo "{\"graph\":\"$gname\",\"engine\":\"native-vs-wasm-$model\",\"run\":$agree,\"score\":{}}" >> "$results"
    done
    its=""; pos="$out/q.json"
    if [ "$n" -ge 40000 ]; then its="--iterations 10"; pos="-"; fi
    for e in d3 fa2 ngraph; do
        rm -f "$out/q.json"
        r=$(node --no-experimental-fetch "$here/peers.mjs" $e "$path" "$out/q.json" $its) || r='{"error":"failed"}'
        record "$gname" "js-$e" "$r" "$pos"
    done
    rm -f "$out/q.json"
    r=$($PY "$here/peers.py" igraph-fr "$path" "$out/q.json" 2>/dev/null) || r='{"error":"failed"}'
    record "$gname" "igraph-fr" "$r" "$out/q.json"
    rm -f "$out/q.json"
    if [ "$n" -le 40000 ]; then
        r=$(timeout 300 $PY "$here/peers.py" sfdp "$path" "$out/q.json" 2>/dev/null) || r='{"error":"timeout or failure"}'
        record "$gname" "gt-sfdp" "$r" "$out/q.json"
    fi
done
$PY "$here/report.py" "$results" $quick > "$out/RESULTS.md"
cat "$out/RESULTS.md"
[ $quick = 1 ] || cp "$out/RESULTS.md" "$here/RESULTS.md"
