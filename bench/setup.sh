#!/bin/sh
# bench/setup.sh — installs the peers the layout benchmark runs against (idempotent).
#   Debian: python3-igraph (Fruchterman-Reingold), python3-graph-tool (sfdp_layout; its draw
#           module needs python3-matplotlib); needs root.
#   npm:    d3-force, graphology + graphology-layout-forceatlas2, ngraph.forcelayout + ngraph.graph,
#           sigma (the renderer bench/render.sh compares against)
#           into bench/node_modules, pinned by bench/package-lock.json.
set -e
here=$(cd "$(dirname "$0")" && pwd)
if ! /usr/bin/python3 -c 'import igraph, graph_tool.draw, matplotlib' 2>/dev/null; then
    if [ "$(id -u)" != 0 ]; then echo "setup: need root for apt-get (python3-igraph python3-graph-tool)" >&2; exit 1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-igraph python3-graph-tool python3-matplotlib >/dev/null
fi
if [ ! -d "$here/node_modules/graphology-layout-forceatlas2" ] || [ ! -d "$here/node_modules/ngraph.forcelayout" ] || [ ! -d "$here/node_modules/sigma" ]; then
    if [ -f "$here/package-lock.json" ]; then (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
    else (cd "$here" && npm install --no-audit --no-fund >/dev/null); fi
fi
