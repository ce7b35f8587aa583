#!/usr/bin/python3
"""report.py — turns bench/run.sh's results.jsonl into the markdown of bench/RESULTS.md:
one table of every engine on every graph, then the ratios the issue's targets name."""
import json, sys

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
quick = len(sys.argv) > 2 and sys.argv[2] == "1"
graphs = []
by = {}
for r in rows:
    if r["graph"] not in graphs:
        graphs.append(r["graph"])
    by[(r["graph"], r["engine"])] = r

def f(v, fmt):
    return "—" if v is None else fmt.format(v)

out = []
out.append("# Layout benchmark" + (" (--quick)" if quick else ""))
out.append("")
out.append("`bench/run.sh` on this machine (2 shared cores; timings are noisy under load). "
           "Every engine's positions scored by the same code (src/core/layout_metrics.cpp, "
           "LAYOUT_METRICS.md). rgv: time to converge = start positions (pivot MDS / multilevel) + "
           "steps until its own convergence test; JS peers: their default schedules (d3 300 ticks, "
           "FA2 300 iterations, ngraph until stable, max 1000); igraph FR 500 iterations; sfdp "
           "runs to its own convergence (no per-iteration figure). Graphs >= 40k nodes: JS peers "
           "timed over 10 iterations only (no quality figures); sfdp: 300 s cap, skipped above 40k nodes.")
out.append("")
out.append("| graph | engine | ms/iter | iterations | time to converge (ms) | stress | NP | crossings/edge | edge-length CV |")
out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for g in graphs:
    for (gg, e), r in by.items():
        if gg != g or e.startswith("native-vs-wasm"):
            continue
        run, sc = r["run"], r.get("score", {})
        out.append("| {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            g, e, f(run.get("ms_per_iter"), "{:.3f}"), run.get("iterations", "—"),
            f(run.get("total_ms"), "{:.0f}") if "error" not in run else run["error"],
            f(sc.get("stress"), "{:.3f}"), f(sc.get("np"), "{:.3f}"),
            f(sc.get("crossings"), "{:.2f}"), f(sc.get("cv"), "{:.2f}")))
out.append("")
out.append("## Ratios (targets: >= 10x d3-force and >= 5x FA2 per iteration in wasm; within 2x of igraph FR natively; quality vs sfdp: stress <= +5%, NP >= -0.02, crossings <= +10%)")
out.append("")
out.append("| graph | d3-force / rgv-wasm-d3 | FA2 / rgv-wasm-fa2 | rgv-native-d3 / igraph | rgv-native-fa2 / igraph | fa2 stress vs sfdp | fa2 NP - sfdp | fa2 crossings vs sfdp | d3 stress vs sfdp | d3 NP - sfdp | d3 crossings vs sfdp |")
out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
def ms(g, e):
    r = by.get((g, e))
    return r and r["run"].get("ms_per_iter")
def sc(g, e, k):
    r = by.get((g, e))
    return r and r.get("score", {}).get(k)
def ratio(a, b, fmt="{:.1f}x"):
    return fmt.format(a / b) if a and b else "—"
for g in graphs:
    cells = [ratio(ms(g, "js-d3"), ms(g, "rgv-wasm-d3")), ratio(ms(g, "js-fa2"), ms(g, "rgv-wasm-fa2")),
             ratio(ms(g, "rgv-native-d3"), ms(g, "igraph-fr"), "{:.2f}"),
             ratio(ms(g, "rgv-native-fa2"), ms(g, "igraph-fr"), "{:.2f}")]
    for m in ("fa2", "d3"):
        s, ss = sc(g, "rgv-native-" + m, "stress"), sc(g, "gt-sfdp", "stress")
        p, ps = sc(g, "rgv-native-" + m, "np"), sc(g, "gt-sfdp", "np")
        c, cs = sc(g, "rgv-native-" + m, "crossings"), sc(g, "gt-sfdp", "crossings")
        cells += ["{:+.0f}%".format(100 * (s / ss - 1)) if s is not None and ss else "—",
                  "{:+.3f}".format(p - ps) if p is not None and ps is not None else "—",
                  "{:+.0f}%".format(100 * (c / cs - 1)) if c is not None and cs else "—"]
    out.append("| " + g + " | " + " | ".join(cells) + " |")
out.append("")
out.append("## Native vs wasm agreement (same seed, same graph)")
out.append("")
out.append("| graph | model | identical nodes | max distance / layout diagonal |")
out.append("|---|---|---:|---:|")
for g in graphs:
    for m in ("d3", "fa2"):
        r = by.get((g, "native-vs-wasm-" + m))
        if r:
            run = r["run"]
            out.append("| {} | {} | {} / {} | {} |".format(g, m, run.get("identical_nodes"), run.get("nodes"), run.get("max_rel")))
print("\n".join(out))
