#!/usr/bin/python3
"""peers.py — the native layout peers (Debian's python3-igraph, python3-graph-tool), one
run per call, for bench/run.sh:  /usr/bin/python3 bench/peers.py ENGINE GRAPH.json OUT.json
ENGINE: igraph-fr (layout_fruchterman_reingold with its defaults: 500 iterations, grid auto),
        sfdp (graph-tool sfdp_layout defaults: multilevel, runs until its own convergence).
Writes {"x": [...], "y": [...]} in the graph file's node order; prints one JSON line."""
import json, sys, time

engine, graph_path, out_path = sys.argv[1:4]
data = json.load(open(graph_path))
links = data.get("links", data.get("edges"))
ids = [str(n["id"]) for n in data["nodes"]]
index = {k: i for i, k in enumerate(ids)}
edges = sorted({(min(a, b), max(a, b)) for a, b in
                ((index[str(l["source"])], index[str(l["target"])]) for l in links) if a != b})
if engine == "igraph-fr":
    import igraph
    g = igraph.Graph(n=len(ids), edges=edges)
    niter = 500
    t0 = time.perf_counter()
    lay = g.layout_fruchterman_reingold(niter=niter)
    ms = (time.perf_counter() - t0) * 1000
    xs, ys = [p[0] for p in lay.coords], [p[1] for p in lay.coords]
    iterations = niter
elif engine == "sfdp":
    import warnings
    warnings.simplefilter("ignore")
    import graph_tool.all as gt
    g = gt.Graph(directed=False)
    g.add_vertex(len(ids))
    g.add_edge_list(edges)
    gt.seed_rng(1)
    t0 = time.perf_counter()
    pos = gt.sfdp_layout(g)
    ms = (time.perf_counter() - t0) * 1000
    arr = pos.get_2d_array([0, 1])
    xs, ys = [float(v) for v in arr[0]], [float(v) for v in arr[1]]
    iterations = 0  # multilevel: no single iteration count
else:
    sys.exit("unknown engine " + engine)
json.dump({"x": xs, "y": ys}, open(out_path, "w"))
print(json.dumps({"iterations": iterations, "ms_per_iter": ms / iterations if iterations else None,
                  "total_ms": ms}))
