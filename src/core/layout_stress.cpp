// layout_stress.cpp — the stress model of ForceLayout and component packing.
//
// Index
//   Edge lengths     ideal length of an edge from its weight (StressEdgeLength)
//   Shortest paths   BFS (all lengths 1) or Dijkstra over the slot adjacency
//   Build            components, slots, full matrices or pivots and their term weights
//   Step             one localized-SMACOF sweep per component, then packing
//   Packing          rows filled from the middle outwards, isolated nodes in a grid
//
// Stress majorisation (Gansner, Koren, North, "Graph Drawing by Stress Majorization",
// 2004): minimise sum_{i<j} w_ij (|x_i - x_j| - D_ij)^2, w_ij = D_ij^-2, by the
// localized update x_i <- sum_j w_ij (x_j + D_ij (x_i - x_j) / |x_i - x_j|) / sum_j w_ij,
// applied node by node in a fixed order (each update uses the newest positions, which
// converges in fewer sweeps than the all-at-once SMACOF step and never raises the stress).
//
// Sparse stress (Ortmann, Klimenta, Brandes, "A Sparse Stress Model", 2016): k pivots by
// MaxMin; node i keeps its exact terms with its neighbours and, for every other pivot p,
// one term towards p weighted s_ip / D_ip^2, where s_ip counts the nodes of p's region
// (the nodes nearest to p) within D_ip / 2 of p: p stands in for them. O(c k) per sweep.
//
// Determinism: fixed orders everywhere (slots in BFS order from the lowest node, pivots
// by MaxMin with ties to the lowest slot, Dijkstra pops (distance, slot) pairs, a total
// order), and only + - * / sqrt in double, so native and wasm give the same bits.
#include "core/layout.h"
#include "core/layout_internal.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <utility>

namespace rgv {

using namespace layout_detail;

namespace {

// [SECTION] Edge lengths
// w: the weight normalised to mean 1 (link_w_). The Log form needs a logarithm: the
// portable one, so the lengths are the same bits everywhere.
double edge_length(StressEdgeLength mode, float w) {
    double l = 1.0;
    if (mode == StressEdgeLength::InvSqrt && w != 1.0f) l = 1.0 / std::sqrt(static_cast<double>(w));
    else if (mode == StressEdgeLength::Log && w != 1.0f) l = 1.0 - 0.5 * portable_log(static_cast<double>(w));
    return std::min(std::max(l, 0.4), 2.5);
}

// [SECTION] Shortest paths
// Distances (in ideal-length units, i.e. hops when every length is 1) from slot `src` to
// the c slots first .. first + c of its component; dist[local] (size c).
void shortest_paths(std::uint32_t src, std::uint32_t first, std::size_t c, bool unit,
                    const std::vector<std::uint32_t>& off, const std::vector<std::uint32_t>& adj,
                    const std::vector<double>& len, std::vector<double>& dist,
                    std::vector<std::uint32_t>& queue) {
    dist.assign(c, -1.0);
    if (unit) {
        queue.assign(1, src);
        dist[src - first] = 0.0;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const std::uint32_t u = queue[head];
            const double du = dist[u - first] + 1.0;
            for (std::uint32_t k = off[u]; k < off[u + 1]; ++k)
                if (dist[adj[k] - first] < 0.0) {
                    dist[adj[k] - first] = du;
                    queue.push_back(adj[k]);
                }
        }
        return;
    }
    using Item = std::pair<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    dist[src - first] = 0.0;
    heap.emplace(0.0, src);
    while (!heap.empty()) {
        const auto [d, u] = heap.top();
        heap.pop();
        if (d > dist[u - first]) continue;
        for (std::uint32_t k = off[u]; k < off[u + 1]; ++k) {
            const double nd = d + len[k];
            double& dv = dist[adj[k] - first];
            if (dv < 0.0 || nd < dv) {
                dv = nd;
                heap.emplace(nd, adj[k]);
            }
        }
    }
}

// [SECTION] Packing
// comp_first (size C + 1) / nodes: the components' nodes. anchor: the component to put in
// the middle (kNoNode: the largest).
void pack(const std::vector<std::uint32_t>& comp_first, const std::vector<std::uint32_t>& nodes,
          const Graph& gr, std::uint32_t anchor, const LayoutParams& p, std::vector<float>& x,
          std::vector<float>& y) {
    const std::size_t count = comp_first.size() - 1;
    if (count == 0) return;
    const double unit = std::max(static_cast<double>(p.link_distance), 1e-3);
    const double gap = std::max(static_cast<double>(p.pack_gap), 0.0) * unit;
    const double aspect = p.pack_aspect > 0.0f ? static_cast<double>(p.pack_aspect) : 1.0;
    struct Box {
        double x0, y0, x1, y1;
        bool pinned;
    };
    std::vector<Box> box(count);
    for (std::size_t c = 0; c < count; ++c) {
        Box b{INFINITY, INFINITY, -INFINITY, -INFINITY, false};
        for (std::uint32_t s = comp_first[c]; s < comp_first[c + 1]; ++s) {
            const std::uint32_t v = nodes[s];
            b.x0 = std::min(b.x0, static_cast<double>(x[v]));
            b.x1 = std::max(b.x1, static_cast<double>(x[v]));
            b.y0 = std::min(b.y0, static_cast<double>(y[v]));
            b.y1 = std::max(b.y1, static_cast<double>(y[v]));
            b.pinned = b.pinned || gr.pinned[v];
        }
        box[c] = b;
    }
    auto size_of = [&](std::size_t c) { return comp_first[c + 1] - comp_first[c]; };
    // The middle one: the given anchor, else the biggest pinned component, else the largest.
    if (anchor == kNoNode || anchor >= count) {
        anchor = kNoNode;
        for (std::size_t c = 0; c < count; ++c)
            if (box[c].pinned && size_of(c) > 1 && (anchor == kNoNode || size_of(c) > size_of(anchor)))
                anchor = static_cast<std::uint32_t>(c);
    }
    std::vector<std::uint32_t> order, isolated;
    for (std::size_t c = 0; c < count; ++c) {
        if (c == anchor) continue;
        if (box[c].pinned) continue; // pinned elsewhere: stays where it is
        if (size_of(c) == 1) isolated.push_back(nodes[comp_first[c]]);
        else order.push_back(static_cast<std::uint32_t>(c));
    }
    auto area = [&](std::uint32_t c) {
        return (box[c].x1 - box[c].x0 + gap) * (box[c].y1 - box[c].y0 + gap);
    };
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const double aa = area(a), ab = area(b);
        return aa != ab ? aa > ab : a < b;
    });
    if (anchor == kNoNode && !order.empty()) {
        anchor = order.front();
        order.erase(order.begin());
    }
    if (anchor != kNoNode) order.insert(order.begin(), anchor);

    // Rows about sqrt(area * aspect) wide, filled in order.
    double total = 0, widest = 0;
    for (const std::uint32_t c : order) {
        total += area(c);
        widest = std::max(widest, box[c].x1 - box[c].x0 + gap);
    }
    const double row_width = std::max(std::sqrt(total * aspect), widest);
    std::vector<std::size_t> row_first{0};
    std::vector<double> row_height;
    double used = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const double w = box[order[k]].x1 - box[order[k]].x0 + gap;
        const double h = box[order[k]].y1 - box[order[k]].y0 + gap;
        if (k > row_first.back() && used + w > row_width) {
            row_first.push_back(k);
            used = 0;
        }
        if (row_height.size() < row_first.size()) row_height.push_back(0);
        row_height.back() = std::max(row_height.back(), h);
        used += w;
    }
    row_first.push_back(order.size());
    if (order.empty()) row_first.clear(); // only isolated nodes: no rows
    // Where the packing's middle goes: a pinned middle component stays put.
    double ox = p.center_x, oy = p.center_y;
    if (anchor != kNoNode && box[anchor].pinned) {
        ox = 0.5 * (box[anchor].x0 + box[anchor].x1);
        oy = 0.5 * (box[anchor].y0 + box[anchor].y1);
    }
    // Row 0 in the middle, then alternately above and below; in a row the first box in
    // the middle, then alternately right and left.
    double up = 0, down = 0;
    for (std::size_t r = 0; r + 1 < row_first.size(); ++r) {
        const double h = row_height[r];
        double cy = 0;
        if (r == 0) {
            up = -0.5 * h;
            down = 0.5 * h;
        } else if (r % 2 == 1) {
            cy = up - 0.5 * h;
            up -= h;
        } else {
            cy = down + 0.5 * h;
            down += h;
        }
        double left = 0, right = 0;
        for (std::size_t k = row_first[r]; k < row_first[r + 1]; ++k) {
            const std::uint32_t c = order[k];
            const double w = box[c].x1 - box[c].x0 + gap;
            double cx = 0;
            if (k == row_first[r]) {
                left = -0.5 * w;
                right = 0.5 * w;
            } else if ((k - row_first[r]) % 2 == 1) {
                cx = right + 0.5 * w;
                right += w;
            } else {
                cx = left - 0.5 * w;
                left -= w;
            }
            const auto dx = static_cast<float>(ox + cx - 0.5 * (box[c].x0 + box[c].x1));
            const auto dy = static_cast<float>(oy + cy - 0.5 * (box[c].y0 + box[c].y1));
            if (box[c].pinned) continue; // the pinned middle component
            for (std::uint32_t s = comp_first[c]; s < comp_first[c + 1]; ++s) {
                x[nodes[s]] += dx;
                y[nodes[s]] += dy;
            }
        }
    }
    // Isolated nodes: a grid under the rows, one link distance apart (they have no
    // neighbourhood to keep), half a gap plus half a step below the lowest box.
    if (!isolated.empty()) {
        const double step = unit;
        const std::size_t ni = isolated.size();
        std::size_t cols = order.empty() ? 0 : static_cast<std::size_t>(row_width / step);
        if (cols == 0) cols = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(ni) * aspect)));
        cols = std::max<std::size_t>(1, std::min(cols, ni));
        const double x0 = ox - 0.5 * static_cast<double>(cols - 1) * step;
        const double y0 = oy + (order.empty() ? 0.0 : down + 0.5 * step);
        for (std::size_t k = 0; k < ni; ++k) {
            x[isolated[k]] = static_cast<float>(x0 + static_cast<double>(k % cols) * step);
            y[isolated[k]] = static_cast<float>(y0 + static_cast<double>(k / cols) * step);
        }
    }
}

} // namespace

void pack_components(Graph& g, const LayoutParams& p) {
    const std::size_t n = g.node_count();
    if (n == 0) return;
    if (g.pinned.size() < n) g.pinned.resize(n, 0);
    std::vector<std::uint32_t> off, adj;
    g.adjacency(off, adj);
    std::vector<std::uint32_t> comp_of(n, kNoNode), nodes, first{0};
    nodes.reserve(n);
    for (std::size_t s = 0; s < n; ++s) {
        if (comp_of[s] != kNoNode) continue;
        const auto c = static_cast<std::uint32_t>(first.size() - 1);
        comp_of[s] = c;
        nodes.push_back(static_cast<std::uint32_t>(s));
        for (std::size_t head = first.back(); head < nodes.size(); ++head)
            for (std::uint32_t k = off[nodes[head]]; k < off[nodes[head] + 1]; ++k)
                if (adj[k] < n && comp_of[adj[k]] == kNoNode) {
                    comp_of[adj[k]] = c;
                    nodes.push_back(adj[k]);
                }
        first.push_back(static_cast<std::uint32_t>(nodes.size()));
    }
    pack(first, nodes, g, p.focus < n ? comp_of[p.focus] : kNoNode, p, g.x, g.y);
}

// [SECTION] Build
void ForceLayout::stress_build() {
    Graph& g = *graph_;
    const std::size_t n = synced_nodes_;
    const LayoutParams& p = params_;
    const double unit = std::max(static_cast<double>(p.link_distance), 1e-3);
    st_built_ = true;

    // Deduplicated undirected edges, the shortest ideal length of parallel ones kept.
    struct E {
        std::uint64_t key;
        double len;
    };
    std::vector<E> edges;
    edges.reserve(link_s_.size());
    bool unit_lengths = true;
    for (std::size_t e = 0; e < link_s_.size(); ++e) {
        const std::uint32_t a = std::min(link_s_[e], link_t_[e]), b = std::max(link_s_[e], link_t_[e]);
        const double len = edge_length(p.stress_edge_length, link_w_[e]);
        unit_lengths = unit_lengths && len == 1.0;
        edges.push_back({(static_cast<std::uint64_t>(a) << 32) | b, len});
    }
    std::sort(edges.begin(), edges.end(), [](const E& l, const E& r) {
        return l.key != r.key ? l.key < r.key : l.len < r.len;
    });
    edges.erase(std::unique(edges.begin(), edges.end(), [](const E& l, const E& r) { return l.key == r.key; }),
                edges.end());
    std::vector<std::uint32_t> noff(n + 1, 0), nadj(2 * edges.size());
    std::vector<double> nlen(2 * edges.size());
    for (const E& e : edges) {
        ++noff[(e.key >> 32) + 1];
        ++noff[(e.key & 0xFFFFFFFFu) + 1];
    }
    for (std::size_t i = 0; i < n; ++i) noff[i + 1] += noff[i];
    {
        std::vector<std::uint32_t> fill(noff.begin(), noff.end() - 1);
        for (const E& e : edges) {
            const auto a = static_cast<std::uint32_t>(e.key >> 32), b = static_cast<std::uint32_t>(e.key & 0xFFFFFFFFu);
            nlen[fill[a]] = e.len;
            nadj[fill[a]++] = b;
            nlen[fill[b]] = e.len;
            nadj[fill[b]++] = a;
        }
    }

    // Components in BFS order from their lowest node: slots.
    st_node_.clear();
    st_node_.reserve(n);
    st_slot_.assign(n, kNoNode);
    st_comp_.assign(1, 0);
    for (std::size_t s = 0; s < n; ++s) {
        if (st_slot_[s] != kNoNode) continue;
        st_slot_[s] = static_cast<std::uint32_t>(st_node_.size());
        st_node_.push_back(static_cast<std::uint32_t>(s));
        for (std::size_t head = st_comp_.back(); head < st_node_.size(); ++head) {
            const std::uint32_t u = st_node_[head];
            for (std::uint32_t k = noff[u]; k < noff[u + 1]; ++k)
                if (st_slot_[nadj[k]] == kNoNode) {
                    st_slot_[nadj[k]] = static_cast<std::uint32_t>(st_node_.size());
                    st_node_.push_back(nadj[k]);
                }
        }
        st_comp_.push_back(static_cast<std::uint32_t>(st_node_.size()));
    }
    // Adjacency over slots (neighbours in slot order), lengths as 1 / D.
    st_off_.assign(n + 1, 0);
    st_adj_.clear();
    st_inv_.clear();
    std::vector<double> slen;
    std::vector<std::pair<std::uint32_t, double>> row;
    for (std::size_t s = 0; s < n; ++s) {
        const std::uint32_t u = st_node_[s];
        row.clear();
        for (std::uint32_t k = noff[u]; k < noff[u + 1]; ++k) row.emplace_back(st_slot_[nadj[k]], nlen[k]);
        std::sort(row.begin(), row.end());
        for (const auto& [t, l] : row) {
            st_adj_.push_back(t);
            slen.push_back(l);
            st_inv_.push_back(static_cast<float>(1.0 / (l * unit)));
        }
        st_off_[s + 1] = static_cast<std::uint32_t>(st_adj_.size());
    }

    // Exact terms of sparse components: every node within two edges (so leaves of one hub,
    // which have the same pivot terms, still push each other apart), at most
    // kMaxExact per node (the nearest in slot order, i.e. BFS order, first).
    constexpr std::size_t kMaxExact = 256;
    st_xoff_.assign(n + 1, 0);
    st_xadj_.clear();
    st_xinv_.clear();
    {
        std::vector<std::pair<std::uint32_t, double>> near;
        for (std::size_t c = 0; c + 1 < st_comp_.size(); ++c) {
            const bool sparse = st_comp_[c + 1] - st_comp_[c] > p.stress_full_max_nodes;
            for (std::uint32_t si = st_comp_[c]; si < st_comp_[c + 1]; ++si) {
                if (sparse) {
                    near.clear();
                    for (std::uint32_t e = st_off_[si]; e < st_off_[si + 1]; ++e) {
                        near.emplace_back(st_adj_[e], slen[e]);
                        for (std::uint32_t f = st_off_[st_adj_[e]]; f < st_off_[st_adj_[e] + 1]; ++f)
                            if (st_adj_[f] != si) near.emplace_back(st_adj_[f], slen[e] + slen[f]);
                    }
                    // Per target the shortest: sort by (slot, length), keep the first.
                    std::sort(near.begin(), near.end());
                    near.erase(std::unique(near.begin(), near.end(),
                                           [](const auto& a, const auto& b) { return a.first == b.first; }),
                               near.end());
                    if (near.size() > kMaxExact) {
                        std::stable_sort(near.begin(), near.end(),
                                         [](const auto& a, const auto& b) { return a.second < b.second; });
                        near.resize(kMaxExact);
                        std::sort(near.begin(), near.end());
                    }
                    for (const auto& [t, l] : near) {
                        st_xadj_.push_back(t);
                        st_xinv_.push_back(static_cast<float>(1.0 / (l * unit)));
                    }
                }
                st_xoff_[si + 1] = static_cast<std::uint32_t>(st_xadj_.size());
            }
        }
    }

    const std::size_t count = st_comp_.size() - 1;
    st_full_.assign(count, 0);
    st_full_base_.assign(count, 0);
    st_piv_base_.assign(count, 0);
    st_term_base_.assign(count, 0);
    st_piv_count_.assign(count, 0);
    st_full_inv_.clear();
    st_piv_.clear();
    st_term_w_.clear();
    st_term_wd_.clear();
    std::vector<double> dist, mind;
    std::vector<std::uint32_t> queue, region;
    for (std::size_t c = 0; c < count; ++c) {
        const std::uint32_t first = st_comp_[c];
        const std::size_t size = st_comp_[c + 1] - first;
        if (size < 2) continue;
        if (size <= p.stress_full_max_nodes) {
            st_full_[c] = 1;
            st_full_base_[c] = st_full_inv_.size();
            st_full_inv_.resize(st_full_inv_.size() + size * size, 0.0f);
            float* m = st_full_inv_.data() + st_full_base_[c];
            for (std::size_t i = 0; i < size; ++i) {
                shortest_paths(first + static_cast<std::uint32_t>(i), first, size, unit_lengths, st_off_,
                               st_adj_, slen, dist, queue);
                for (std::size_t j = 0; j < size; ++j)
                    m[i * size + j] = j == i || !(dist[j] > 0.0) ? 0.0f : static_cast<float>(1.0 / (dist[j] * unit));
            }
            continue;
        }
        // Sparse: k pivots by MaxMin (the first seeded), each node's region = its nearest
        // pivot (ties: the earlier pivot).
        std::size_t k = std::min<std::size_t>(std::max<std::uint32_t>(p.stress_pivots, 1), size);
        // Keep the term arrays within ~16M entries (64 MB each) on huge components.
        k = std::max<std::size_t>(std::min<std::size_t>(k, 16'000'000 / size), std::min<std::size_t>(size, 16));
        st_piv_base_[c] = st_piv_.size();
        st_piv_count_[c] = static_cast<std::uint32_t>(k);
        std::vector<float> pd(k * size); // pivot-major distances
        mind.assign(size, INFINITY);
        region.assign(size, 0);
        std::size_t pivot = static_cast<std::size_t>(splitmix64(rng_) % size);
        for (std::size_t q = 0; q < k; ++q) {
            st_piv_.push_back(first + static_cast<std::uint32_t>(pivot));
            shortest_paths(first + static_cast<std::uint32_t>(pivot), first, size, unit_lengths, st_off_, st_adj_,
                           slen, dist, queue);
            std::size_t next = 0;
            for (std::size_t i = 0; i < size; ++i) {
                pd[q * size + i] = static_cast<float>(dist[i]);
                if (dist[i] < mind[i]) {
                    mind[i] = dist[i];
                    region[i] = static_cast<std::uint32_t>(q);
                }
                if (mind[i] > mind[next]) next = i;
            }
            pivot = next;
        }
        // Per pivot, its region's distances to it, sorted: s_ip = how many are <= D_ip / 2.
        std::vector<std::uint32_t> rfirst(k + 1, 0);
        for (std::size_t i = 0; i < size; ++i) ++rfirst[region[i] + 1];
        for (std::size_t q = 0; q < k; ++q) rfirst[q + 1] += rfirst[q];
        std::vector<float> rdist(size);
        {
            std::vector<std::uint32_t> fill(rfirst.begin(), rfirst.end() - 1);
            for (std::size_t i = 0; i < size; ++i) rdist[fill[region[i]]++] = pd[region[i] * size + i];
        }
        for (std::size_t q = 0; q < k; ++q) std::sort(rdist.begin() + rfirst[q], rdist.begin() + rfirst[q + 1]);
        st_term_base_[c] = st_term_w_.size();
        st_term_w_.resize(st_term_w_.size() + size * k, 0.0f);
        st_term_wd_.resize(st_term_wd_.size() + size * k, 0.0f);
        float* tw = st_term_w_.data() + st_term_base_[c];
        float* twd = st_term_wd_.data() + st_term_base_[c];
        for (std::size_t i = 0; i < size; ++i) {
            const std::uint32_t si = first + static_cast<std::uint32_t>(i);
            for (std::size_t q = 0; q < k; ++q) {
                const std::uint32_t sp = st_piv_[st_piv_base_[c] + q];
                if (sp == si) continue;
                // An exact term already covers it.
                if (std::binary_search(st_xadj_.begin() + st_xoff_[si], st_xadj_.begin() + st_xoff_[si + 1], sp))
                    continue;
                const float d = pd[q * size + i];
                if (!(d > 0.0f)) continue;
                const auto s = static_cast<double>(
                    std::upper_bound(rdist.begin() + rfirst[q], rdist.begin() + rfirst[q + 1], 0.5f * d) -
                    (rdist.begin() + rfirst[q]));
                const double dd = static_cast<double>(d) * unit;
                tw[i * k + q] = static_cast<float>(std::max(s, 1.0) / (dd * dd));
                twd[i * k + q] = static_cast<float>(std::max(s, 1.0) / dd);
            }
        }
    }

    // A fresh start (nothing pinned): scale each component's start so its
    // stress is least (a * x against D), which the sweeps would otherwise spend steps on.
    if (iterations_ > 0) return;
    for (std::size_t c = 0; c < count; ++c) {
        const std::uint32_t first = st_comp_[c];
        const std::size_t size = st_comp_[c + 1] - first;
        if (size < 2) continue;
        bool fresh = true;
        for (std::size_t i = 0; i < size && fresh; ++i) {
            const std::uint32_t v = st_node_[first + i];
            fresh = !g.pinned[v];
        }
        if (!fresh) continue;
        double num = 0, den = 0; // sum w D x, sum w x^2 over the model's terms
        auto term = [&](std::uint32_t a, std::uint32_t b, double w, double wd) {
            const double dx = static_cast<double>(g.x[st_node_[a]]) - g.x[st_node_[b]];
            const double dy = static_cast<double>(g.y[st_node_[a]]) - g.y[st_node_[b]];
            const double xd = std::sqrt(dx * dx + dy * dy);
            num += wd * xd;
            den += w * xd * xd;
        };
        for (std::size_t i = 0; i < size; ++i) {
            const std::uint32_t si = first + static_cast<std::uint32_t>(i);
            if (st_full_[c]) {
                const float* m = st_full_inv_.data() + st_full_base_[c] + i * size;
                for (std::size_t j = i + 1; j < size; ++j)
                    term(si, first + static_cast<std::uint32_t>(j), static_cast<double>(m[j]) * m[j], m[j]);
            } else {
                for (std::uint32_t e = st_xoff_[si]; e < st_xoff_[si + 1]; ++e)
                    term(si, st_xadj_[e], static_cast<double>(st_xinv_[e]) * st_xinv_[e], st_xinv_[e]);
                const std::size_t k = st_piv_count_[c];
                for (std::size_t q = 0; q < k; ++q)
                    term(si, st_piv_[st_piv_base_[c] + q], st_term_w_[st_term_base_[c] + i * k + q],
                         st_term_wd_[st_term_base_[c] + i * k + q]);
            }
        }
        if (!(num > 0.0 && den > 0.0)) continue;
        const double a = num / den;
        double mx = 0, my = 0;
        for (std::size_t i = 0; i < size; ++i) {
            mx += g.x[st_node_[first + i]];
            my += g.y[st_node_[first + i]];
        }
        mx /= static_cast<double>(size);
        my /= static_cast<double>(size);
        for (std::size_t i = 0; i < size; ++i) {
            const std::uint32_t v = st_node_[first + i];
            g.x[v] = static_cast<float>(mx + (g.x[v] - mx) * a);
            g.y[v] = static_cast<float>(my + (g.y[v] - my) * a);
        }
    }
}

// [SECTION] Step
void ForceLayout::step_stress() {
    if (!st_built_) stress_build();
    Graph& g = *graph_;
    const std::size_t n = synced_nodes_;
    st_x_.resize(n);
    st_y_.resize(n);
    for (std::size_t s = 0; s < n; ++s) {
        st_x_[s] = g.x[st_node_[s]];
        st_y_[s] = g.y[st_node_[s]];
    }
    double moved = 0;
    std::size_t free_count = 0;
    const std::size_t count = st_comp_.size() - 1;
    for (std::size_t c = 0; c < count; ++c) {
        const std::uint32_t first = st_comp_[c];
        const std::size_t size = st_comp_[c + 1] - first;
        if (size < 2) continue;
        const bool full = st_full_[c] != 0;
        const std::size_t k = st_piv_count_[c];
        for (std::size_t i = 0; i < size; ++i) {
            const std::uint32_t si = first + static_cast<std::uint32_t>(i);
            if (g.pinned[st_node_[si]]) continue;
            const double xi = st_x_[si], yi = st_y_[si];
            double nx = 0, ny = 0, den = 0;
            // One term: w (x_j + D (x_i - x_j) / |x_i - x_j|), with w D given as wd.
            auto add = [&](std::uint32_t sj, double w, double wd) {
                const double xj = st_x_[sj], yj = st_y_[sj];
                double dx = xi - xj, dy = yi - yj;
                double l2 = dx * dx + dy * dy;
                nx += w * xj;
                ny += w * yj;
                den += w;
                if (!(l2 > 0.0)) {
                    // Coincident (pivot MDS gives structurally equivalent nodes the same
                    // point): a fixed direction per pair, opposite for the other end, so
                    // they separate instead of staying stuck together forever.
                    std::uint64_t h = (static_cast<std::uint64_t>(std::min(si, sj)) << 32) | std::max(si, sj);
                    dx = static_cast<double>(uniform01(h)) - 0.5;
                    dy = static_cast<double>(uniform01(h)) - 0.5;
                    if (si > sj) {
                        dx = -dx;
                        dy = -dy;
                    }
                    l2 = dx * dx + dy * dy;
                    if (!(l2 > 0.0)) return;
                }
                const double f = wd / std::sqrt(l2);
                nx += f * dx;
                ny += f * dy;
            };
            if (full) {
                const float* m = st_full_inv_.data() + st_full_base_[c] + i * size;
                for (std::size_t j = 0; j < size; ++j) {
                    const double inv = m[j];
                    if (inv == 0.0) continue;
                    add(first + static_cast<std::uint32_t>(j), inv * inv, inv);
                }
            } else {
                for (std::uint32_t e = st_xoff_[si]; e < st_xoff_[si + 1]; ++e) {
                    const double inv = st_xinv_[e];
                    add(st_xadj_[e], inv * inv, inv);
                }
                const float* tw = st_term_w_.data() + st_term_base_[c] + i * k;
                const float* twd = st_term_wd_.data() + st_term_base_[c] + i * k;
                const std::uint32_t* piv = st_piv_.data() + st_piv_base_[c];
                for (std::size_t q = 0; q < k; ++q)
                    if (tw[q] != 0.0f) add(piv[q], tw[q], twd[q]);
            }
            if (!(den > 0.0)) continue;
            const double x1 = nx / den, y1 = ny / den;
            if (!std::isfinite(x1) || !std::isfinite(y1)) continue;
            moved += std::sqrt((x1 - xi) * (x1 - xi) + (y1 - yi) * (y1 - yi));
            ++free_count;
            st_x_[si] = x1;
            st_y_[si] = y1;
        }
    }
    for (std::size_t s = 0; s < n; ++s) {
        g.x[st_node_[s]] = static_cast<float>(st_x_[s]);
        g.y[st_node_[s]] = static_cast<float>(st_y_[s]);
    }
    pack(st_comp_, st_node_, g, params_.focus < n ? [&] {
        const std::uint32_t slot = st_slot_[params_.focus];
        return static_cast<std::uint32_t>(std::upper_bound(st_comp_.begin(), st_comp_.end(), slot) - st_comp_.begin() - 1);
    }() : kNoNode, params_, g.x, g.y);
    finish_movement(moved, free_count);
}

} // namespace rgv
