// community.cpp — see community.h.
//
// Index
//   LevelGraph      weighted undirected graph in CSR form, one per aggregation level
//   Local moving    nodes move to the neighbouring community with the best gain
//   Aggregation     communities become the nodes of the next level
//   Public API      detect_communities, modularity
#include "core/community.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rgv {

namespace {

// [SECTION] LevelGraph
struct LevelGraph {
    std::vector<std::uint32_t> offsets; // CSR over nodes
    std::vector<std::uint32_t> targets; // neighbour (never the node itself)
    std::vector<double> weights;
    std::vector<double> self_loop;      // weight of the node's own loop
    std::vector<double> strength;       // sum of incident weights, loops counted twice
    double total = 0.0;                 // sum of strengths = 2m

    std::size_t size() const { return self_loop.size(); }
};

bool usable_weight(float w) { return std::isfinite(w) && w > 0.0f; }

// Builds the first level from the graph: parallel edges merged, direction dropped.
LevelGraph level_from_graph(const Graph& g) {
    const std::size_t n = g.node_count();
    LevelGraph lg;
    lg.self_loop.assign(n, 0.0);
    lg.strength.assign(n, 0.0);
    std::vector<std::uint32_t> count(n + 1, 0);
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        const auto s = g.edge_source[e], t = g.edge_target[e];
        if (s >= n || t >= n || !usable_weight(g.edge_weight[e])) continue;
        if (s == t) continue;
        ++count[s];
        ++count[t];
    }
    lg.offsets.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) lg.offsets[i + 1] = lg.offsets[i] + count[i];
    std::vector<std::uint32_t> fill(lg.offsets.begin(), lg.offsets.end() - 1);
    std::vector<std::uint32_t> raw_t(lg.offsets[n]);
    std::vector<double> raw_w(lg.offsets[n]);
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        const auto s = g.edge_source[e], t = g.edge_target[e];
        if (s >= n || t >= n || !usable_weight(g.edge_weight[e])) continue;
        const double w = g.edge_weight[e];
        if (s == t) {
            lg.self_loop[s] += w;
            continue;
        }
        raw_t[fill[s]] = t;
        raw_w[fill[s]++] = w;
        raw_t[fill[t]] = s;
        raw_w[fill[t]++] = w;
    }
    // Merge parallel edges: sort each row by neighbour, then add up equal neighbours.
    std::vector<std::uint32_t> order;
    lg.offsets[0] = 0;
    std::vector<std::uint32_t> new_off(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t b = lg.offsets[i], e = lg.offsets[i + 1];
        order.resize(e - b);
        std::iota(order.begin(), order.end(), b);
        std::sort(order.begin(), order.end(),
                  [&](std::uint32_t a, std::uint32_t c) { return raw_t[a] < raw_t[c]; });
        for (std::uint32_t k : order) {
            if (!lg.targets.empty() && lg.targets.size() > new_off[i] && lg.targets.back() == raw_t[k]) {
                lg.weights.back() += raw_w[k];
            } else {
                lg.targets.push_back(raw_t[k]);
                lg.weights.push_back(raw_w[k]);
            }
        }
        new_off[i + 1] = static_cast<std::uint32_t>(lg.targets.size());
    }
    lg.offsets = std::move(new_off);
    for (std::size_t i = 0; i < n; ++i) {
        double s = 2.0 * lg.self_loop[i];
        for (std::uint32_t k = lg.offsets[i]; k < lg.offsets[i + 1]; ++k) s += lg.weights[k];
        lg.strength[i] = s;
        lg.total += s;
    }
    return lg;
}

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// [SECTION] Local moving
// Moves nodes between communities until a pass moves nothing. Returns whether anything
// moved. `comm` starts as the singleton partition.
bool local_moving(const LevelGraph& lg, std::vector<std::uint32_t>& comm, double gamma,
                  std::uint64_t& rng, int max_passes) {
    const std::size_t n = lg.size();
    comm.resize(n);
    std::iota(comm.begin(), comm.end(), 0u);
    if (lg.total <= 0.0) return false;
    std::vector<double> tot(lg.strength); // strength of each community
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    for (std::size_t i = n; i > 1; --i) { // Fisher-Yates with the seeded generator
        const std::size_t j = static_cast<std::size_t>(splitmix64(rng) % i);
        std::swap(order[i - 1], order[j]);
    }
    std::vector<double> link(n, -1.0); // weight from the moving node to each community
    std::vector<std::uint32_t> touched;
    const double m2 = lg.total;
    bool any = false;
    for (int pass = 0; pass < max_passes; ++pass) {
        bool moved = false;
        for (std::uint32_t v : order) {
            const std::uint32_t old_c = comm[v];
            const double kv = lg.strength[v];
            touched.clear();
            link[old_c] = 0.0;
            touched.push_back(old_c);
            for (std::uint32_t k = lg.offsets[v]; k < lg.offsets[v + 1]; ++k) {
                const std::uint32_t c = comm[lg.targets[k]];
                if (link[c] < 0.0) {
                    link[c] = 0.0;
                    touched.push_back(c);
                }
                link[c] += lg.weights[k];
            }
            tot[old_c] -= kv;
            // Gain of joining c (up to a common factor): link to c - gamma * tot_c * k_v / 2m.
            std::uint32_t best = old_c;
            double best_gain = link[old_c] - gamma * tot[old_c] * kv / m2;
            for (std::uint32_t c : touched) {
                const double gain = link[c] - gamma * tot[c] * kv / m2;
                // A small margin keeps float noise from moving nodes back and forth forever.
                if (gain > best_gain + 1e-12 * m2) {
                    best_gain = gain;
                    best = c;
                }
            }
            tot[best] += kv;
            comm[v] = best;
            for (std::uint32_t c : touched) link[c] = -1.0;
            if (best != old_c) moved = true;
        }
        if (!moved) break;
        any = true;
    }
    return any;
}

// [SECTION] Aggregation
// Renumbers `comm` densely (in order of first appearance) and builds the graph of the
// communities. Returns the number of communities.
std::uint32_t aggregate(const LevelGraph& lg, std::vector<std::uint32_t>& comm, LevelGraph& out) {
    const std::size_t n = lg.size();
    std::vector<std::uint32_t> remap(n, kNoNode);
    std::uint32_t k = 0;
    for (std::size_t v = 0; v < n; ++v) {
        if (remap[comm[v]] == kNoNode) remap[comm[v]] = k++;
        comm[v] = remap[comm[v]];
    }
    // Members of each community, to walk the new rows one at a time.
    std::vector<std::uint32_t> start(k + 1, 0), members(n);
    for (std::size_t v = 0; v < n; ++v) ++start[comm[v] + 1];
    for (std::uint32_t c = 0; c < k; ++c) start[c + 1] += start[c];
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::size_t v = 0; v < n; ++v) members[fill[comm[v]]++] = static_cast<std::uint32_t>(v);

    out = LevelGraph{};
    out.offsets.assign(k + 1, 0);
    out.self_loop.assign(k, 0.0);
    out.strength.assign(k, 0.0);
    out.total = lg.total;
    std::vector<double> link(k, -1.0);
    std::vector<std::uint32_t> touched;
    for (std::uint32_t c = 0; c < k; ++c) {
        touched.clear();
        double loop = 0.0, strength = 0.0;
        for (std::uint32_t m = start[c]; m < start[c + 1]; ++m) {
            const std::uint32_t v = members[m];
            loop += lg.self_loop[v];
            strength += lg.strength[v];
            for (std::uint32_t e = lg.offsets[v]; e < lg.offsets[v + 1]; ++e) {
                const std::uint32_t d = comm[lg.targets[e]];
                if (d == c) {
                    loop += 0.5 * lg.weights[e]; // seen from both ends
                    continue;
                }
                if (link[d] < 0.0) {
                    link[d] = 0.0;
                    touched.push_back(d);
                }
                link[d] += lg.weights[e];
            }
        }
        std::sort(touched.begin(), touched.end());
        for (std::uint32_t d : touched) {
            out.targets.push_back(d);
            out.weights.push_back(link[d]);
            link[d] = -1.0;
        }
        out.offsets[c + 1] = static_cast<std::uint32_t>(out.targets.size());
        out.self_loop[c] = loop;
        out.strength[c] = strength;
    }
    return k;
}

} // namespace

// [SECTION] Public API
Communities detect_communities(const Graph& g, const CommunityOptions& options) {
    const std::size_t n = g.node_count();
    Communities result;
    std::vector<std::uint32_t> node_comm(n);
    std::iota(node_comm.begin(), node_comm.end(), 0u);
    LevelGraph level = level_from_graph(g);
    std::uint64_t rng = options.seed;
    const double gamma = options.resolution > 0.0 && std::isfinite(options.resolution)
                             ? options.resolution : 1.0;
    for (int lv = 0; lv < options.max_levels; ++lv) {
        std::vector<std::uint32_t> comm;
        if (!local_moving(level, comm, gamma, rng, std::max(1, options.max_passes))) break;
        LevelGraph next;
        const std::uint32_t k = aggregate(level, comm, next);
        for (auto& c : node_comm) c = comm[c];
        ++result.levels;
        if (k == level.size()) break;
        level = std::move(next);
    }

    // Relabel: decreasing size, ties by smallest member index.
    std::uint32_t k = 0;
    for (auto c : node_comm) k = std::max(k, c + 1);
    std::vector<std::uint32_t> size(k, 0), first(k, kNoNode);
    for (std::size_t v = 0; v < n; ++v) {
        ++size[node_comm[v]];
        if (first[node_comm[v]] == kNoNode) first[node_comm[v]] = static_cast<std::uint32_t>(v);
    }
    std::vector<std::uint32_t> ids;
    for (std::uint32_t c = 0; c < k; ++c)
        if (size[c] > 0) ids.push_back(c);
    std::sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
        return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
    });
    std::vector<std::uint32_t> relabel(k, kNoNode);
    result.sizes.resize(ids.size());
    for (std::size_t r = 0; r < ids.size(); ++r) {
        relabel[ids[r]] = static_cast<std::uint32_t>(r);
        result.sizes[r] = size[ids[r]];
    }
    result.community.resize(n);
    for (std::size_t v = 0; v < n; ++v) result.community[v] = relabel[node_comm[v]];
    result.count = static_cast<std::uint32_t>(ids.size());
    result.modularity = modularity(g, result.community, gamma);
    return result;
}

double modularity(const Graph& g, const std::vector<std::uint32_t>& community, double resolution) {
    const std::size_t n = g.node_count();
    if (community.size() != n) return 0.0;
    // Dense ids for the sums, whatever ids the caller used.
    std::vector<std::uint32_t> ids(community);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    auto dense = [&](std::uint32_t c) {
        return static_cast<std::size_t>(std::lower_bound(ids.begin(), ids.end(), c) - ids.begin());
    };
    std::vector<double> inside(ids.size(), 0.0), tot(ids.size(), 0.0);
    double m = 0.0;
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        const auto s = g.edge_source[e], t = g.edge_target[e];
        if (s >= n || t >= n || !usable_weight(g.edge_weight[e])) continue;
        const double w = g.edge_weight[e];
        m += w;
        const std::size_t cs = dense(community[s]), ct = dense(community[t]);
        tot[cs] += w;
        tot[ct] += w;
        if (cs == ct) inside[cs] += w;
    }
    if (m <= 0.0) return 0.0;
    double q = 0.0;
    for (std::size_t c = 0; c < ids.size(); ++c) {
        const double share = tot[c] / (2.0 * m);
        q += inside[c] / m - resolution * share * share;
    }
    return q;
}

} // namespace rgv
