// layout_metrics.cpp — see layout_metrics.h.
//
// Index
//   Helpers        simple undirected adjacency, seeded random numbers
//   Stress         BFS hop distances, NS = 1 - (sum r)^2 / (P sum r^2)
//   NP             k nearest layout neighbours vs graph neighbours (Jaccard)
//   Crossings      proper segment intersections
//   Edge lengths   coefficient of variation
#include "core/layout_metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace rgv {

namespace {

// [SECTION] Helpers
// Sorted, de-duplicated neighbour lists without self-loops.
std::vector<std::vector<std::uint32_t>> simple_adjacency(const Graph& g) {
    const std::size_t n = g.node_count();
    std::vector<std::vector<std::uint32_t>> adj(n);
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        const std::uint32_t s = g.edge_source[e], t = g.edge_target[e];
        if (s >= n || t >= n || s == t) continue;
        adj[s].push_back(t);
        adj[t].push_back(s);
    }
    for (auto& a : adj) {
        std::sort(a.begin(), a.end());
        a.erase(std::unique(a.begin(), a.end()), a.end());
    }
    return adj;
}

std::uint64_t next_random(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double distance(const Graph& g, std::size_t i, std::size_t j) {
    const double dx = static_cast<double>(g.x[i]) - g.x[j];
    const double dy = static_cast<double>(g.y[i]) - g.y[j];
    return std::sqrt(dx * dx + dy * dy);
}

} // namespace

// [SECTION] Stress
double layout_stress(const Graph& g, std::size_t exact_below, std::size_t sources,
                     std::uint64_t seed) {
    const std::size_t n = g.node_count();
    const auto adj = simple_adjacency(g);
    std::vector<std::uint32_t> source_list;
    const bool exact = n < exact_below;
    if (exact) {
        source_list.resize(n);
        std::iota(source_list.begin(), source_list.end(), 0u);
    } else {
        std::vector<std::uint32_t> all(n);
        std::iota(all.begin(), all.end(), 0u);
        std::uint64_t state = seed;
        const std::size_t k = std::min(sources, n);
        for (std::size_t i = 0; i < k; ++i) { // partial Fisher-Yates
            const std::size_t j = i + static_cast<std::size_t>(next_random(state) % (n - i));
            std::swap(all[i], all[j]);
        }
        source_list.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k));
    }
    double sum_r = 0, sum_r2 = 0, pairs = 0;
    std::vector<int> hops(n);
    std::vector<std::uint32_t> queue;
    for (const std::uint32_t s : source_list) {
        std::fill(hops.begin(), hops.end(), -1);
        queue.assign(1, s);
        hops[s] = 0;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const std::uint32_t u = queue[head];
            for (const std::uint32_t v : adj[u])
                if (hops[v] < 0) {
                    hops[v] = hops[u] + 1;
                    queue.push_back(v);
                }
        }
        for (const std::uint32_t v : queue) {
            // Exact: each unordered pair once. Sampled: every pair from the source.
            if (v == s || (exact && v < s)) continue;
            const double r = distance(g, s, v) / hops[v];
            sum_r += r;
            sum_r2 += r * r;
            pairs += 1;
        }
    }
    if (pairs == 0 || sum_r2 == 0) return 0.0;
    return std::max(0.0, 1.0 - sum_r * sum_r / (pairs * sum_r2));
}

// [SECTION] NP
double neighbourhood_preservation(const Graph& g, std::size_t exact_below, std::size_t samples,
                                  std::uint64_t seed) {
    const std::size_t n = g.node_count();
    const auto adj = simple_adjacency(g);
    std::vector<std::pair<double, std::uint32_t>> d;
    std::vector<std::uint32_t> near;
    double total = 0;
    std::size_t counted = 0;
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::size_t count = n;
    if (n >= exact_below && samples < n) { // partial Fisher-Yates, as for stress
        std::uint64_t state = seed;
        for (std::size_t i = 0; i < samples; ++i) {
            const std::size_t j = i + static_cast<std::size_t>(next_random(state) % (n - i));
            std::swap(order[i], order[j]);
        }
        count = samples;
    }
    for (std::size_t oi = 0; oi < count; ++oi) {
        const std::size_t i = order[oi];
        const std::size_t k = adj[i].size();
        if (k == 0) continue;
        d.clear();
        for (std::size_t j = 0; j < n; ++j)
            if (j != i) d.emplace_back(distance(g, i, j), static_cast<std::uint32_t>(j));
        // Ties broken by index, so the score is reproducible.
        std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(k - 1), d.end());
        near.clear();
        for (std::size_t t = 0; t < k; ++t) near.push_back(d[t].second);
        std::sort(near.begin(), near.end());
        std::size_t common = 0;
        for (std::size_t a = 0, b = 0; a < k && b < k;) {
            if (adj[i][a] == near[b]) { ++common; ++a; ++b; }
            else if (adj[i][a] < near[b]) ++a;
            else ++b;
        }
        total += static_cast<double>(common) / static_cast<double>(2 * k - common);
        ++counted;
    }
    return counted ? total / static_cast<double>(counted) : 0.0;
}

// [SECTION] Crossings
namespace {
double orient(double ax, double ay, double bx, double by, double cx, double cy) {
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}
} // namespace

double crossings_per_edge(const Graph& g, std::size_t exact_below, std::size_t samples,
                          std::uint64_t seed) {
    std::vector<std::uint32_t> es, et;
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        if (g.edge_source[e] == g.edge_target[e]) continue;
        if (g.edge_source[e] >= g.node_count() || g.edge_target[e] >= g.node_count()) continue;
        es.push_back(g.edge_source[e]);
        et.push_back(g.edge_target[e]);
    }
    const std::size_t m = es.size();
    if (m < 2) return 0.0;
    auto crosses = [&](std::size_t a, std::size_t b) {
        const std::uint32_t p = es[a], q = et[a], r = es[b], s = et[b];
        if (p == r || p == s || q == r || q == s) return false;
        const double o1 = orient(g.x[p], g.y[p], g.x[q], g.y[q], g.x[r], g.y[r]);
        const double o2 = orient(g.x[p], g.y[p], g.x[q], g.y[q], g.x[s], g.y[s]);
        const double o3 = orient(g.x[r], g.y[r], g.x[s], g.y[s], g.x[p], g.y[p]);
        const double o4 = orient(g.x[r], g.y[r], g.x[s], g.y[s], g.x[q], g.y[q]);
        return ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) &&
               ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0));
    };
    double hits = 0;
    if (m < exact_below) {
        for (std::size_t a = 0; a < m; ++a)
            for (std::size_t b = a + 1; b < m; ++b) hits += crosses(a, b) ? 1 : 0;
        return hits / static_cast<double>(m);
    }
    std::uint64_t state = seed;
    std::size_t drawn = 0;
    while (drawn < samples) {
        const std::size_t a = static_cast<std::size_t>(next_random(state) % m);
        const std::size_t b = static_cast<std::size_t>(next_random(state) % m);
        if (a == b) continue;
        ++drawn;
        hits += crosses(a, b) ? 1 : 0;
    }
    const double md = static_cast<double>(m);
    return hits / static_cast<double>(samples) * md * (md - 1) / 2 / md;
}

// [SECTION] Edge lengths
double edge_length_cv(const Graph& g) {
    double sum = 0, sum2 = 0;
    std::size_t m = 0;
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        const std::uint32_t s = g.edge_source[e], t = g.edge_target[e];
        if (s == t || s >= g.node_count() || t >= g.node_count()) continue;
        const double l = distance(g, s, t);
        sum += l;
        sum2 += l * l;
        ++m;
    }
    if (m == 0 || sum == 0) return 0.0;
    const double mean = sum / static_cast<double>(m);
    const double var = std::max(0.0, sum2 / static_cast<double>(m) - mean * mean);
    return std::sqrt(var) / mean;
}

LayoutMetrics measure_layout(const Graph& g) {
    LayoutMetrics r;
    r.stress = layout_stress(g);
    r.neighbourhood = neighbourhood_preservation(g);
    r.crossings_per_edge = crossings_per_edge(g);
    r.edge_length_cv = edge_length_cv(g);
    return r;
}

} // namespace rgv
