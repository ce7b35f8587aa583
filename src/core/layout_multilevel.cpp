// layout_multilevel.cpp — the multilevel start for big components (10k-100k nodes).
//
// Index
//   Coarsening    heavy-edge matching in a seeded order; leaves join their neighbour
//   Level layout  a d3-model ForceLayout on each level's graph
//   Refinement    coarsest: full schedule from pivot MDS; each finer level: children
//                    placed around their parent (scaled so density is kept), short cooling
//
// Why: a force simulation untangles a big sparse graph only very slowly (folds move by
// one link length per step at best). Laying out a graph of a few hundred clusters first
// fixes the global shape cheaply; each refinement only has local work to do, so the full
// graph needs tens of steps, not hundreds (Walshaw 2000; Hu's sfdp).
#include "core/layout.h"
#include "core/layout_internal.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace rgv::layout_detail {

namespace {

struct Level {
    std::size_t n = 0;
    std::vector<std::uint32_t> es, et; // edges, es < et, no duplicates
    std::vector<float> ew;             // summed weights of merged edges
    std::vector<float> vw;             // fine nodes per node
    std::vector<std::uint32_t> parent; // node -> node of the next coarser level
};

constexpr std::size_t kCoarsest = 400;

// [SECTION] Coarsening
bool coarsen(Level& fine, Level& coarse, std::uint64_t& rng) {
    const std::size_t n = fine.n;
    std::vector<std::uint32_t> off(n + 1, 0), adj(2 * fine.es.size()), eid(2 * fine.es.size());
    for (std::size_t e = 0; e < fine.es.size(); ++e) {
        ++off[fine.es[e] + 1];
        ++off[fine.et[e] + 1];
    }
    for (std::size_t i = 0; i < n; ++i) off[i + 1] += off[i];
    {
        std::vector<std::uint32_t> fill(off.begin(), off.end() - 1);
        for (std::size_t e = 0; e < fine.es.size(); ++e) {
            const auto ee = static_cast<std::uint32_t>(e);
            adj[fill[fine.es[e]]] = fine.et[e];
            eid[fill[fine.es[e]]++] = ee;
            adj[fill[fine.et[e]]] = fine.es[e];
            eid[fill[fine.et[e]]++] = ee;
        }
    }
    std::vector<std::uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[splitmix64(rng) % i]);

    constexpr std::uint32_t kUnset = 0xFFFFFFFFu;
    std::vector<std::uint32_t>& match = fine.parent;
    match.assign(n, kUnset);
    std::uint32_t nc = 0;
    // Heavy-edge matching, normalised by the clusters' sizes so clusters stay balanced.
    for (const std::uint32_t u : order) {
        if (match[u] != kUnset || off[u + 1] - off[u] <= 1) continue; // leaves: second pass
        std::uint32_t best = kUnset;
        float best_score = -1.0f;
        for (std::uint32_t k = off[u]; k < off[u + 1]; ++k) {
            const std::uint32_t v = adj[k];
            if (match[v] != kUnset || off[v + 1] - off[v] <= 1) continue;
            const float score = fine.ew[eid[k]] / (fine.vw[u] * fine.vw[v]);
            if (score > best_score || (score == best_score && v < best)) {
                best_score = score;
                best = v;
            }
        }
        if (best == kUnset) continue;
        match[u] = match[best] = nc++;
    }
    // Unmatched non-leaves stay alone; leaves join their neighbour's cluster (stars and
    // trees would otherwise barely shrink: their leaves have no free partner).
    for (const std::uint32_t u : order)
        if (match[u] == kUnset && off[u + 1] - off[u] > 1) match[u] = nc++;
    for (const std::uint32_t u : order) {
        if (match[u] != kUnset) continue;
        if (off[u + 1] - off[u] == 1 && match[adj[off[u]]] != kUnset) match[u] = match[adj[off[u]]];
        else if (off[u + 1] - off[u] == 1) match[u] = match[adj[off[u]]] = nc++; // a lone pair
        else match[u] = nc++;
    }
    if (static_cast<double>(nc) > 0.85 * static_cast<double>(n)) return false; // stalled

    coarse = Level{};
    coarse.n = nc;
    coarse.vw.assign(nc, 0.0f);
    for (std::size_t i = 0; i < n; ++i) coarse.vw[match[i]] += fine.vw[i];
    std::vector<std::pair<std::uint64_t, float>> keyed;
    keyed.reserve(fine.es.size());
    for (std::size_t e = 0; e < fine.es.size(); ++e) {
        std::uint32_t a = match[fine.es[e]], b = match[fine.et[e]];
        if (a == b) continue;
        if (a > b) std::swap(a, b);
        keyed.emplace_back((static_cast<std::uint64_t>(a) << 32) | b, fine.ew[e]);
    }
    // Keys are unique per pair after merging, and the sort is by key then weight: a total
    // order, so the merged weights are summed in the same order on every platform.
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t k = 0; k < keyed.size();) {
        const std::uint64_t key = keyed[k].first;
        float w = 0.0f;
        for (; k < keyed.size() && keyed[k].first == key; ++k) w += keyed[k].second;
        coarse.es.push_back(static_cast<std::uint32_t>(key >> 32));
        coarse.et.push_back(static_cast<std::uint32_t>(key & 0xFFFFFFFFu));
        coarse.ew.push_back(w);
    }
    return true;
}

// [SECTION] Level layout
// Lays out one level in place (x, y sized level.n). full: from scratch (pivot MDS start,
// whole schedule); otherwise from the given positions with a short, cool schedule.
void layout_level(const Level& level, const LayoutParams& base, bool full, std::uint64_t seed,
                  std::vector<float>& x, std::vector<float>& y) {
    Graph g;
    for (std::size_t i = 0; i < level.n; ++i) g.add_node(std::to_string(i), "other", "");
    for (std::size_t e = 0; e < level.es.size(); ++e) g.add_edge(level.es[e], level.et[e], "", level.ew[e]);
    LayoutParams p;
    p.seed = seed;
    p.charge = base.charge;
    p.theta = base.theta;
    p.link_distance = base.link_distance;
    p.gravity = base.gravity;
    p.weight_influence = 0.0f; // merged weights pick the matching, not the spring strength
    p.multilevel_min_nodes = 0;
    p.incremental_anchor = 0.0f;
    if (!full) {
        for (std::size_t i = 0; i < level.n; ++i) {
            g.x[i] = x[i];
            g.y[i] = y[i];
            g.has_position[i] = 1;
        }
        p.alpha = 0.1f;
        p.alpha_decay = decay_for(p.alpha_min / p.alpha * 0.999f, std::max(base.multilevel_final_steps, 1));
    }
    ForceLayout layout;
    layout.reset(g, p);
    layout.run(full ? 300 : base.multilevel_final_steps + 1);
    x = g.x;
    y = g.y;
}

} // namespace

// [SECTION] Refinement
void multilevel_place(const std::vector<std::uint32_t>& comp,
                      const std::vector<std::uint32_t>& off, const std::vector<std::uint32_t>& adj,
                      const LayoutParams& p, double cx, double cy, std::uint64_t& rng,
                      std::vector<float>& x, std::vector<float>& y) {
    const std::size_t c = comp.size();
    std::vector<std::int32_t> local(off.size() - 1, -1);
    for (std::size_t i = 0; i < c; ++i) local[comp[i]] = static_cast<std::int32_t>(i);
    std::vector<Level> levels(1);
    Level& l0 = levels[0];
    l0.n = c;
    l0.vw.assign(c, 1.0f);
    for (std::size_t i = 0; i < c; ++i)
        for (std::uint32_t k = off[comp[i]]; k < off[comp[i] + 1]; ++k) {
            const auto j = static_cast<std::size_t>(local[adj[k]]);
            if (i < j) { // parallel edges appear twice in the CSR; keep one
                l0.es.push_back(static_cast<std::uint32_t>(i));
                l0.et.push_back(static_cast<std::uint32_t>(j));
            }
        }
    {   // de-duplicate parallel edges
        std::vector<std::uint64_t> keys(l0.es.size());
        for (std::size_t e = 0; e < keys.size(); ++e)
            keys[e] = (static_cast<std::uint64_t>(l0.es[e]) << 32) | l0.et[e];
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        l0.es.resize(keys.size());
        l0.et.resize(keys.size());
        for (std::size_t e = 0; e < keys.size(); ++e) {
            l0.es[e] = static_cast<std::uint32_t>(keys[e] >> 32);
            l0.et[e] = static_cast<std::uint32_t>(keys[e] & 0xFFFFFFFFu);
        }
        l0.ew.assign(keys.size(), 1.0f);
    }
    while (levels.back().n > kCoarsest && levels.size() < 40) {
        Level next;
        if (!coarsen(levels.back(), next, rng)) break;
        levels.push_back(std::move(next));
    }

    std::vector<float> lx(levels.back().n), ly(levels.back().n);
    layout_level(levels.back(), p, true, splitmix64(rng), lx, ly);
    const double spread = 0.35 * p.link_distance;
    for (std::size_t li = levels.size() - 1; li-- > 0;) {
        const Level& fine = levels[li];
        const Level& coarse = levels[li + 1];
        // Same density on every level: the finer graph covers n_fine / n_coarse the area.
        const float scale = static_cast<float>(
            std::sqrt(static_cast<double>(fine.n) / static_cast<double>(coarse.n)));
        std::vector<float> fx(fine.n), fy(fine.n);
        for (std::size_t i = 0; i < fine.n; ++i) {
            double s, co;
            portable_sincos(2.0 * kPi * uniform01(rng), s, co);
            const double r = spread * uniform01(rng);
            fx[i] = static_cast<float>(lx[fine.parent[i]] * scale + r * co);
            fy[i] = static_cast<float>(ly[fine.parent[i]] * scale + r * s);
        }
        lx.swap(fx);
        ly.swap(fy);
        if (li > 0) layout_level(fine, p, false, splitmix64(rng), lx, ly);
    }
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < c; ++i) {
        mx += lx[i];
        my += ly[i];
    }
    mx /= static_cast<double>(c);
    my /= static_cast<double>(c);
    for (std::size_t i = 0; i < c; ++i) {
        x[comp[i]] = static_cast<float>(cx + (lx[i] - mx));
        y[comp[i]] = static_cast<float>(cy + (ly[i] - my));
    }
}

} // namespace rgv::layout_detail
