// layout.cpp — see layout.h. The ForceAtlas2 step is in layout_fa2.cpp, the stress model
// and component packing in layout_stress.cpp, the multilevel start in
// layout_multilevel.cpp.
//
// Index
//   Portable maths      sin/cos/log, decay schedule (see layout_internal.h for why)
//   Pivot MDS           start positions with the right global shape
//   Setup               reset, graph sync (caches, anchors, rings), start positions
//   d3 forces           many-body, links, gravity, radial, anchors, collision
//   Integration         velocity decay, move, movement measure
//   Driving             step, run_for, run, convergence, progress, pins, reheat, growth
#include "core/layout.h"
#include "core/layout_internal.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

namespace rgv {

bool parse_layout_model(const char* name, LayoutModel& out) {
    if (!name) return false;
    if (std::strcmp(name, "d3") == 0) {
        out = LayoutModel::D3;
        return true;
    }
    if (std::strcmp(name, "fa2") == 0 || std::strcmp(name, "forceatlas2") == 0) {
        out = LayoutModel::ForceAtlas2;
        return true;
    }
    if (std::strcmp(name, "stress") == 0) {
        out = LayoutModel::Stress;
        return true;
    }
    return false;
}

namespace layout_detail {

// [SECTION] Portable maths
void portable_sincos(double a, double& s, double& c) {
    const double two_pi = 2.0 * kPi;
    a -= two_pi * std::floor(a / two_pi); // floor is exact
    if (a > kPi) a -= two_pi;
    const double a2 = a * a;
    // Horner over 1/(2k)! and 1/(2k+1)!, up to a^25: |error| < pi^27/27! ~ 3e-15.
    double cs = 1.0, sn = 1.0;
    for (int k = 13; k >= 1; --k) {
        cs = 1.0 - a2 / ((2.0 * k - 1.0) * (2.0 * k)) * cs;
        sn = 1.0 - a2 / ((2.0 * k) * (2.0 * k + 1.0)) * sn;
    }
    c = cs;
    s = a * sn;
}

double portable_log(double x) {
    if (!(x > 0)) return -INFINITY;
    int e = 0;
    const double m = std::frexp(x, &e); // x = m 2^e, m in [0.5, 1): exact
    // log m = 2 atanh(z), z = (m - 1) / (m + 1), |z| <= 1/3.
    const double z = (m - 1.0) / (m + 1.0), z2 = z * z;
    double sum = 0.0;
    for (int k = 27; k >= 1; k -= 2) sum = 1.0 / k + z2 * sum;
    return 2.0 * z * sum + e * 0.69314718055994530942;
}

float decay_for(float ratio, int steps) {
    if (!(ratio > 0.0f && ratio < 1.0f) || steps < 1) return 0.0227627790f;
    double lo = 0.0, hi = 1.0;
    for (int it = 0; it < 60; ++it) {
        const double mid = 0.5 * (lo + hi);
        double v = 1.0;
        for (int s = 0; s < steps; ++s) v *= 1.0 - mid;
        if (v > ratio) lo = mid;
        else hi = mid;
    }
    return static_cast<float>(hi);
}

// [SECTION] Pivot MDS
// Pivot MDS (Brandes & Pich 2006) of one connected component: hop distances to k
// pivots picked by max-min, double-centred, projected on the two leading eigenvectors
// of C^T C. Gives the force simulation a start whose global shape is already right,
// which is what lets big sparse graphs (power grids, citation trees) untangle in 300
// steps instead of folding over themselves. Writes unscaled coordinates to ox, oy.
void pivot_mds(const std::vector<std::uint32_t>& comp, const std::vector<std::uint32_t>& offsets,
               const std::vector<std::uint32_t>& targets, std::vector<std::int32_t>& local,
               std::uint64_t& rng, std::vector<double>& ox, std::vector<double>& oy) {
    const std::size_t c = comp.size();
    const std::size_t k = std::min<std::size_t>(50, c);
    for (std::size_t i = 0; i < c; ++i) local[comp[i]] = static_cast<std::int32_t>(i);
    std::vector<float> dist2(c * k);
    std::vector<std::int32_t> hops(c);
    std::vector<std::int32_t> min_hops(c, 0x7fffffff);
    std::vector<std::uint32_t> queue;
    std::size_t pivot = static_cast<std::size_t>(splitmix64(rng) % c);
    for (std::size_t p = 0; p < k; ++p) {
        std::fill(hops.begin(), hops.end(), -1);
        queue.assign(1, comp[pivot]);
        hops[pivot] = 0;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const std::uint32_t u = queue[head];
            const std::int32_t hu = hops[static_cast<std::size_t>(local[u])];
            for (std::uint32_t e = offsets[u]; e < offsets[u + 1]; ++e) {
                const auto v = static_cast<std::size_t>(local[targets[e]]);
                if (hops[v] < 0) {
                    hops[v] = hu + 1;
                    queue.push_back(targets[e]);
                }
            }
        }
        std::size_t next = 0;
        for (std::size_t i = 0; i < c; ++i) {
            const float h = static_cast<float>(hops[i]);
            dist2[i * k + p] = h * h;
            min_hops[i] = std::min(min_hops[i], hops[i]);
            if (min_hops[i] > min_hops[next]) next = i;
        }
        pivot = next;
    }
    // Double centring.
    std::vector<double> col_mean(k, 0.0);
    double grand = 0;
    for (std::size_t i = 0; i < c; ++i)
        for (std::size_t p = 0; p < k; ++p) col_mean[p] += dist2[i * k + p];
    for (double& m : col_mean) {
        m /= static_cast<double>(c);
        grand += m;
    }
    grand /= static_cast<double>(k);
    for (std::size_t i = 0; i < c; ++i) {
        double row = 0;
        for (std::size_t p = 0; p < k; ++p) row += dist2[i * k + p];
        row /= static_cast<double>(k);
        for (std::size_t p = 0; p < k; ++p)
            dist2[i * k + p] = static_cast<float>(
                -0.5 * (dist2[i * k + p] - row - col_mean[p] + grand));
    }
    // B = C^T C (k x k), then power iteration with deflation for two eigenvectors.
    std::vector<double> b(k * k, 0.0);
    for (std::size_t i = 0; i < c; ++i)
        for (std::size_t p = 0; p < k; ++p) {
            const double cp = dist2[i * k + p];
            for (std::size_t q = p; q < k; ++q) b[p * k + q] += cp * dist2[i * k + q];
        }
    for (std::size_t p = 0; p < k; ++p)
        for (std::size_t q = 0; q < p; ++q) b[p * k + q] = b[q * k + p];
    std::vector<double> vec[2] = {std::vector<double>(k), std::vector<double>(k)};
    std::vector<double> tmp(k);
    for (int d = 0; d < 2; ++d) {
        for (double& v : vec[d]) v = uniform01(rng) - 0.5;
        for (int it = 0; it < 200; ++it) {
            if (d == 1) { // keep orthogonal to the first
                double dot = 0;
                for (std::size_t p = 0; p < k; ++p) dot += vec[1][p] * vec[0][p];
                for (std::size_t p = 0; p < k; ++p) vec[1][p] -= dot * vec[0][p];
            }
            double norm = 0;
            for (std::size_t p = 0; p < k; ++p) {
                double sum = 0;
                for (std::size_t q = 0; q < k; ++q) sum += b[p * k + q] * vec[d][q];
                tmp[p] = sum;
                norm += sum * sum;
            }
            norm = std::sqrt(norm);
            if (!(norm > 1e-300)) break;
            for (std::size_t p = 0; p < k; ++p) vec[d][p] = tmp[p] / norm;
        }
    }
    ox.assign(c, 0.0);
    oy.assign(c, 0.0);
    for (std::size_t i = 0; i < c; ++i)
        for (std::size_t p = 0; p < k; ++p) {
            ox[i] += dist2[i * k + p] * vec[0][p];
            oy[i] += dist2[i * k + p] * vec[1][p];
        }
    for (std::size_t i = 0; i < c; ++i) local[comp[i]] = -1;
}


} // namespace layout_detail

using namespace layout_detail;

// [SECTION] Setup
void ForceLayout::reset(Graph& g, const LayoutParams& p) {
    graph_ = &g;
    params_ = p;
    alpha_ = p.alpha;
    iterations_ = 0;
    mean_movement_ = 0.0f;
    moved_converged_ = false;
    used_multilevel_ = false;
    step_ms_estimate_ = 0.0;
    rng_ = p.seed;
    synced_nodes_ = 0;
    synced_edges_ = static_cast<std::size_t>(-1);
    vx_.clear();
    vy_.clear();
    anchor_x_.clear();
    anchor_y_.clear();
    anchor_count_ = 0;
    fa_old_fx_.clear();
    fa_old_fy_.clear();
    fa_speed_ = 1.0f;
    fa_speed_efficiency_ = 1.0f;
    ring_focus_ = kNoNode;
    st_built_ = false;
    packed_ = false;
    sync_graph();
    if (used_multilevel_) {
        // The multilevel start is already untangled: cool from a low temperature over a
        // short schedule (the point of the multilevel start for 10k-100k nodes).
        alpha_ = std::min(p.alpha, 0.1f);
        params_.alpha_decay = decay_for(params_.alpha_min / alpha_ * 0.999f,
                                        std::max(params_.multilevel_final_steps, 1));
    }
}

void ForceLayout::build_csr() {
    const std::size_t n = synced_nodes_;
    csr_off_.assign(n + 1, 0);
    csr_adj_.resize(2 * link_s_.size());
    for (std::size_t e = 0; e < link_s_.size(); ++e) {
        ++csr_off_[link_s_[e] + 1];
        ++csr_off_[link_t_[e] + 1];
    }
    for (std::size_t i = 0; i < n; ++i) csr_off_[i + 1] += csr_off_[i];
    scratch_.assign(csr_off_.begin(), csr_off_.end() - 1);
    for (std::size_t e = 0; e < link_s_.size(); ++e) {
        csr_adj_[scratch_[link_s_[e]]++] = link_t_[e];
        csr_adj_[scratch_[link_t_[e]]++] = link_s_[e];
    }
}

void ForceLayout::sync_graph() {
    Graph& g = *graph_;
    const std::size_t n = g.node_count();
    // Guard against callers that resized only some of the node arrays.
    if (g.x.size() < n) g.x.resize(n, 0.0f);
    if (g.y.size() < n) g.y.resize(n, 0.0f);
    if (g.pinned.size() < n) g.pinned.resize(n, 0);
    if (g.has_position.size() < n) g.has_position.resize(n, 0);
    const bool nodes_changed = n != synced_nodes_;
    const bool edges_changed = g.edge_count() != synced_edges_;
    const bool ring_changed = params_.radial_focus != ring_focus_;
    if (!nodes_changed && !edges_changed) {
        if (ring_changed) compute_rings();
        return;
    }

    // Links: drop self-loops and dangling indices once, so the hot loop needs no checks.
    link_s_.clear();
    link_t_.clear();
    link_w_.clear();
    degree_.assign(n, 0);
    double wsum = 0;
    const float infl = params_.weight_influence;
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        const std::uint32_t s = g.edge_source[e], t = g.edge_target[e];
        if (s >= n || t >= n || s == t) continue;
        link_s_.push_back(s);
        link_t_.push_back(t);
        float w = e < g.edge_weight.size() ? g.edge_weight[e] : 1.0f;
        if (!(w > 0.0f) || !std::isfinite(w)) w = 1.0f;
        // 0 and 1 (the usual influences) stay exact; others go through pow.
        const float wi = infl == 0.0f ? 1.0f
                         : infl == 1.0f ? w
                                        : static_cast<float>(std::pow(w, infl));
        link_w_.push_back(wi);
        wsum += wi;
        ++degree_[s];
        ++degree_[t];
    }
    const std::size_t m = link_s_.size();
    const float inv_wmean = m && wsum > 0 ? static_cast<float>(static_cast<double>(m) / wsum) : 1.0f;
    link_bias_.resize(m);
    link_k_.resize(m);
    link_len_.resize(m);
    for (std::size_t e = 0; e < m; ++e) {
        const float ds = static_cast<float>(degree_[link_s_[e]]);
        const float dt = static_cast<float>(degree_[link_t_[e]]);
        link_w_[e] *= inv_wmean;
        link_bias_[e] = ds / (ds + dt); // d3: the better-connected end moves less
        const float base = params_.link_strength >= 0 ? params_.link_strength
                                                      : 1.0f / std::min(ds, dt);
        link_k_[e] = std::min(base * link_w_[e], std::max(base, 1.0f));
        const float stretch = link_w_[e] == 1.0f ? 1.0f : 1.0f / std::sqrt(link_w_[e]);
        link_len_[e] = params_.link_distance * std::min(std::max(stretch, 0.4f), 2.5f);
    }

    // Per-node charge weights, normalised to mean 1 so `charge` keeps d3's scale.
    charge_.assign(n, 1.0f);
    if (params_.charge_by_degree && n > 0) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            charge_[i] = std::sqrt(static_cast<float>(degree_[i]) + 1.0f);
            sum += charge_[i];
        }
        const float inv_mean = static_cast<float>(static_cast<double>(n) / sum);
        for (float& c : charge_) c *= inv_mean;
    }
    fa_mass_.resize(n);
    for (std::size_t i = 0; i < n; ++i) fa_mass_[i] = static_cast<float>(degree_[i]) + 1.0f;

    const std::size_t old_n = synced_nodes_;
    synced_nodes_ = n;
    build_csr();
    st_built_ = false; // the stress terms follow the graph on the next stress step

    if (iterations_ > 0) moved_converged_ = false; // the graph changed under a settled layout
    if (nodes_changed) {
        const std::size_t first_new = std::min(old_n, n);
        vx_.resize(n, 0.0f);
        vy_.resize(n, 0.0f);
        // Growth under a running layout: hold the old nodes where they are.
        anchor_x_.resize(n, NAN);
        anchor_y_.resize(n, NAN);
        if (iterations_ > 0 && params_.incremental_anchor > 0.0f && n > first_new) {
            anchor_count_ = 0;
            for (std::size_t i = 0; i < first_new; ++i) {
                anchor_x_[i] = g.x[i];
                anchor_y_[i] = g.y[i];
                ++anchor_count_;
            }
        }
        seed_positions_from(first_new);
        fa_old_fx_.resize(n, 0.0f);
        fa_old_fy_.resize(n, 0.0f);
    }
    synced_edges_ = g.edge_count();
    compute_rings();
}

void ForceLayout::compute_rings() {
    ring_focus_ = params_.radial_focus;
    const std::size_t n = synced_nodes_;
    if (ring_focus_ >= n) {
        ring_.clear();
        return;
    }
    std::vector<std::int32_t> hops(n, -1);
    scratch_.assign(1, ring_focus_);
    hops[ring_focus_] = 0;
    std::int32_t max_hop = 0;
    for (std::size_t head = 0; head < scratch_.size(); ++head) {
        const std::uint32_t u = scratch_[head];
        for (std::uint32_t k = csr_off_[u]; k < csr_off_[u + 1]; ++k) {
            const std::uint32_t v = csr_adj_[k];
            if (hops[v] >= 0) continue;
            hops[v] = hops[u] + 1;
            max_hop = std::max(max_hop, hops[v]);
            scratch_.push_back(v);
        }
    }
    const float spacing =
        params_.ring_spacing > 0.0f ? params_.ring_spacing : 2.0f * std::max(params_.link_distance, 1.0f);
    ring_.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        ring_[i] = static_cast<float>(hops[i] >= 0 ? hops[i] : max_hop + 1) * spacing;
}

// Nodes [first, n) without a usable position get one. A node next to an already placed
// node starts beside it (breadth first, so chains grow outwards from what is placed);
// big components with nothing placed come from pivot MDS or the multilevel layout; the
// rest go on a phyllotaxis spiral, in a seeded order, around the placed nodes.
void ForceLayout::seed_positions_from(std::size_t first) {
    Graph& g = *graph_;
    const std::size_t n = g.node_count();
    std::vector<std::uint8_t> placed(n, 0);
    std::vector<std::uint32_t> queue;
    double cx = 0, cy = 0;
    std::size_t placed_count = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const bool finite = std::isfinite(g.x[i]) && std::isfinite(g.y[i]);
        const bool keep = i < first || g.pinned[i] || g.has_position[i];
        if (keep && finite) {
            placed[i] = 1;
            queue.push_back(static_cast<std::uint32_t>(i));
            cx += g.x[i];
            cy += g.y[i];
            ++placed_count;
        }
    }
    if (placed_count == n) return;
    if (placed_count > 0) {
        cx /= static_cast<double>(placed_count);
        cy /= static_cast<double>(placed_count);
    } else {
        cx = params_.center_x;
        cy = params_.center_y;
    }

    const std::vector<std::uint32_t>& offsets = csr_off_;
    const std::vector<std::uint32_t>& targets = csr_adj_;
    // Neighbours of placed nodes, breadth first: a new node starts within 0.5-1 link
    // distance of the node it attaches to, on the side away from that node's
    // neighbours' centre when it has some (so it lands in free space, not across edges).
    const float near = std::max(params_.link_distance, 1.0f);
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::uint32_t u = queue[head];
        double ax = 0, ay = 0;
        int an = 0;
        for (std::uint32_t k = offsets[u]; k < offsets[u + 1]; ++k)
            if (placed[targets[k]]) {
                ax += g.x[targets[k]] - g.x[u];
                ay += g.y[targets[k]] - g.y[u];
                ++an;
            }
        // Unit vector away from the placed neighbours' centre (no atan2: see the header).
        const bool has_dir = an > 0 && (ax != 0.0 || ay != 0.0);
        double ux = 1.0, uy = 0.0;
        if (has_dir) {
            const double l = std::sqrt(ax * ax + ay * ay);
            ux = -ax / l;
            uy = -ay / l;
        }
        for (std::uint32_t k = offsets[u]; k < offsets[u + 1]; ++k) {
            const std::uint32_t v = targets[k];
            if (placed[v]) continue;
            // Within +-90 degrees of "away" when there is a side to avoid, else anywhere.
            const double a = has_dir ? (uniform01(rng_) - 0.5) * kPi : 2.0 * kPi * uniform01(rng_);
            const double r = near * (0.5 + 0.5 * uniform01(rng_));
            double s, c;
            portable_sincos(a, s, c);
            g.x[v] = static_cast<float>(g.x[u] + r * (ux * c - uy * s));
            g.y[v] = static_cast<float>(g.y[u] + r * (ux * s + uy * c));
            placed[v] = 1;
            queue.push_back(v);
        }
    }

    // Big components with nothing placed: pivot MDS (or multilevel), scaled to the link
    // distance.
    if (params_.initial_mds) {
        std::vector<std::int32_t> local(n, -1);
        std::vector<std::uint32_t> comp;
        std::vector<double> ox, oy;
        for (std::size_t start = 0; start < n; ++start) {
            if (placed[start]) continue;
            comp.assign(1, static_cast<std::uint32_t>(start));
            placed[start] = 2; // 2: being collected into this component
            for (std::size_t head = 0; head < comp.size(); ++head)
                for (std::uint32_t e = offsets[comp[head]]; e < offsets[comp[head] + 1]; ++e)
                    if (!placed[targets[e]]) {
                        placed[targets[e]] = 2;
                        comp.push_back(targets[e]);
                    }
            // The stress model starts every component of 3+ nodes from pivot MDS: it
            // keeps the start's global shape, and a spiral is a poor one.
            const bool stress = params_.model == LayoutModel::Stress;
            const bool use = comp.size() >= (stress ? 3u : 20u);
            for (const std::uint32_t v : comp) placed[v] = use ? 1 : 3; // 3: spiral later
            if (!use) continue;
            if (!stress && params_.multilevel_min_nodes > 0 && comp.size() >= params_.multilevel_min_nodes) {
                multilevel_place(comp, offsets, targets, params_, cx, cy, rng_, g.x, g.y);
                used_multilevel_ = true;
                continue;
            }
            pivot_mds(comp, offsets, targets, local, rng_, ox, oy);
            // Mean edge length, through each node's slot in comp.
            double len = 0;
            std::size_t count = 0;
            for (std::size_t i = 0; i < comp.size(); ++i) local[comp[i]] = static_cast<std::int32_t>(i);
            for (std::size_t i = 0; i < comp.size(); ++i)
                for (std::uint32_t e = offsets[comp[i]]; e < offsets[comp[i] + 1]; ++e) {
                    const auto j = static_cast<std::size_t>(local[targets[e]]);
                    const double dx = ox[i] - ox[j], dy = oy[i] - oy[j];
                    len += std::sqrt(dx * dx + dy * dy);
                    ++count;
                }
            for (std::size_t i = 0; i < comp.size(); ++i) local[comp[i]] = -1;
            const double scale =
                len > 0 ? static_cast<double>(params_.link_distance) * static_cast<double>(count) / len : 1.0;
            for (std::size_t i = 0; i < comp.size(); ++i) {
                g.x[comp[i]] = static_cast<float>(cx + ox[i] * scale);
                g.y[comp[i]] = static_cast<float>(cy + oy[i] * scale);
            }
        }
        for (auto& p : placed) p = p == 3 ? 0 : p;
    }

    // The rest: spiral in a seeded order (Fisher-Yates), so different seeds differ.
    std::vector<std::uint32_t> rest;
    for (std::size_t i = 0; i < n; ++i)
        if (!placed[i]) rest.push_back(static_cast<std::uint32_t>(i));
    for (std::size_t i = rest.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(splitmix64(rng_) % i);
        std::swap(rest[i - 1], rest[j]);
    }
    const double turn = 2.0 * kPi * uniform01(rng_);
    for (std::size_t k = 0; k < rest.size(); ++k) {
        const std::uint32_t i = rest[k];
        const double r = params_.initial_radius * std::sqrt(0.5 + static_cast<double>(k));
        double s, c;
        portable_sincos(turn + static_cast<double>(k) * kGoldenAngle, s, c);
        g.x[i] = static_cast<float>(cx + r * c);
        g.y[i] = static_cast<float>(cy + r * s);
    }
}

// [SECTION] d3 forces
void ForceLayout::apply_many_body(float alpha) {
    Graph& g = *graph_;
    const std::size_t n = g.node_count();
    if (n < 2 || params_.charge == 0.0f) return;
    tree_.build(g.x.data(), g.y.data(), n, charge_.data());
    const float k = -params_.charge * alpha; // repulsion() points away; charge < 0 repels
    const float dmin2 = params_.charge_distance_min * params_.charge_distance_min;
    // Query in the tree's own (spatial) order: neighbouring queries walk the same cells,
    // which keeps them in cache on big graphs. Each node's sum is independent of the
    // order, so positions are unchanged.
    for (const std::uint32_t i : tree_.point_index()) {
        if (g.pinned[i]) continue;
        float fx = 0, fy = 0;
        tree_.repulsion(i, g.x[i], g.y[i], params_.theta, dmin2, fx, fy);
        vx_[i] += k * fx;
        vy_[i] += k * fy;
    }
}

void ForceLayout::apply_links(float alpha) {
    Graph& g = *graph_;
    const std::size_t m = link_s_.size();
    for (int it = 0; it < params_.link_iterations; ++it) {
        for (std::size_t e = 0; e < m; ++e) {
            const std::uint32_t s = link_s_[e], t = link_t_[e];
            // d3 looks ahead by the velocities already accumulated this step.
            float dx = g.x[t] + vx_[t] - g.x[s] - vx_[s];
            float dy = g.y[t] + vy_[t] - g.y[s] - vy_[s];
            if (dx == 0.0f) dx = jiggle();
            if (dy == 0.0f) dy = jiggle();
            const float l = std::sqrt(dx * dx + dy * dy);
            const float f = (l - link_len_[e]) / l * alpha * link_k_[e];
            dx *= f;
            dy *= f;
            // A pinned end can't take its share, so the free end takes all of it.
            float b = link_bias_[e];
            if (g.pinned[s] && !g.pinned[t]) b = 1.0f;
            else if (g.pinned[t] && !g.pinned[s]) b = 0.0f;
            vx_[t] -= dx * b;
            vy_[t] -= dy * b;
            vx_[s] += dx * (1.0f - b);
            vy_[s] += dy * (1.0f - b);
        }
    }
}

void ForceLayout::apply_gravity(float alpha) {
    if (params_.gravity == 0.0f) return;
    Graph& g = *graph_;
    // In radial mode the rings hold the layout together; gravity would squash them.
    const float k = params_.gravity * alpha * (ring_.empty() ? 1.0f : 0.1f);
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        vx_[i] += (params_.center_x - g.x[i]) * k;
        vy_[i] += (params_.center_y - g.y[i]) * k;
    }
}

// d3 forceRadial: towards the node's ring, along the line from the centre.
void ForceLayout::apply_radial(float alpha) {
    if (ring_.empty()) return;
    Graph& g = *graph_;
    const float k = params_.radial_strength * alpha;
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        if (g.pinned[i]) continue;
        float dx = g.x[i] - params_.center_x, dy = g.y[i] - params_.center_y;
        if (dx == 0.0f && dy == 0.0f) dx = jiggle();
        const float r = std::sqrt(dx * dx + dy * dy);
        if (!(r > 0.0f)) continue;
        const float f = (ring_[i] - r) * k / r;
        vx_[i] += dx * f;
        vy_[i] += dy * f;
    }
}

// Incremental growth: a spring to where each old node was when the graph grew.
void ForceLayout::apply_anchors(float alpha) {
    if (anchor_count_ == 0) return;
    Graph& g = *graph_;
    const float k = params_.incremental_anchor * alpha;
    for (std::size_t i = 0; i < anchor_x_.size(); ++i) {
        if (std::isnan(anchor_x_[i]) || g.pinned[i]) continue;
        vx_[i] += (anchor_x_[i] - g.x[i]) * k;
        vy_[i] += (anchor_y_[i] - g.y[i]) * k;
    }
}

// d3 forceCollide: overlapping disks (at the predicted positions x + v) are pushed apart
// along their centre line, the smaller disk moving more (share r_j^2 / (r_i^2 + r_j^2)).
void ForceLayout::apply_collision() {
    Graph& g = *graph_;
    const std::size_t n = g.node_count();
    const bool per_node = params_.node_radius.size() >= n;
    if (n < 2 || (!per_node && params_.collide_radius <= 0.0f)) return;
    std::vector<float>& px = fa_fx_; // scratch: the FA2 force buffers are free in d3 mode
    std::vector<float>& py = fa_fy_;
    std::vector<float> radius(n);
    px.resize(n);
    py.resize(n);
    float max_r = 0.0f;
    for (std::size_t i = 0; i < n; ++i) {
        px[i] = g.x[i] + vx_[i];
        py[i] = g.y[i] + vy_[i];
        const float r = (per_node ? params_.node_radius[i] : params_.collide_radius) +
                        params_.collide_padding;
        radius[i] = std::max(r, 0.0f);
        max_r = std::max(max_r, radius[i]);
    }
    if (!(max_r > 0.0f)) return;
    collide_tree_.build(px.data(), py.data(), n, nullptr, radius.data());
    const float strength = params_.collide_strength;
    for (std::size_t i = 0; i < n; ++i) {
        const float ri = radius[i];
        if (!(ri > 0.0f)) continue;
        collide_tree_.within(px[i], py[i], ri, scratch_);
        for (const std::uint32_t j : scratch_) {
            if (j <= i) continue; // each pair once
            const float rj = radius[j], r = ri + rj;
            float dx = px[i] - px[j], dy = py[i] - py[j];
            float l = dx * dx + dy * dy;
            if (!(l < r * r)) continue;
            if (dx == 0.0f) { dx = jiggle(); l += dx * dx; }
            if (dy == 0.0f) { dy = jiggle(); l += dy * dy; }
            l = std::sqrt(l);
            const float push = (r - l) / l * strength;
            const float share_j = ri * ri / (ri * ri + rj * rj); // j moves by i's share
            const bool pi = g.pinned[i] != 0, pj = g.pinned[j] != 0;
            if (pi && pj) continue;
            const float si = pj ? 1.0f : pi ? 0.0f : 1.0f - share_j;
            const float sj = pi ? 1.0f : pj ? 0.0f : share_j;
            vx_[i] += dx * push * si;
            vy_[i] += dy * push * si;
            vx_[j] -= dx * push * sj;
            vy_[j] -= dy * push * sj;
        }
    }
}

float ForceLayout::jiggle() { return (uniform01(rng_) - 0.5f) * 1e-6f; }

// [SECTION] Integration
void ForceLayout::integrate() {
    Graph& g = *graph_;
    const std::size_t n = g.node_count();
    const float keep = 1.0f - params_.velocity_decay;
    double moved = 0;
    std::size_t free_count = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (g.pinned[i]) {
            vx_[i] = 0.0f;
            vy_[i] = 0.0f;
            continue;
        }
        float vx = vx_[i] * keep, vy = vy_[i] * keep;
        // Never let one bad number spread: a non-finite velocity is dropped.
        if (!std::isfinite(vx) || !std::isfinite(vy)) vx = vy = 0.0f;
        vx_[i] = vx;
        vy_[i] = vy;
        g.x[i] += vx;
        g.y[i] += vy;
        moved += std::sqrt(static_cast<double>(vx) * vx + static_cast<double>(vy) * vy);
        ++free_count;
    }
    finish_movement(moved, free_count);
}

// Mean movement and the sticky movement-convergence flag, for both models.
void ForceLayout::finish_movement(double moved, std::size_t free_count) {
    const Graph& g = *graph_;
    mean_movement_ = free_count ? static_cast<float>(moved / static_cast<double>(free_count)) : 0.0f;
    if (free_count == 0) {
        moved_converged_ = true;
        return;
    }
    float min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        min_x = std::min(min_x, g.x[i]);
        max_x = std::max(max_x, g.x[i]);
        min_y = std::min(min_y, g.y[i]);
        max_y = std::max(max_y, g.y[i]);
    }
    const float w = max_x - min_x, h = max_y - min_y;
    const float size = std::max(std::sqrt(w * w + h * h), params_.link_distance);
    // Sticky until reheat()/reset(), so converged() and progress() never step backwards.
    moved_converged_ = moved_converged_ || (params_.movement_tolerance > 0.0f &&
                                            mean_movement_ < params_.movement_tolerance * size);
}

// [SECTION] Driving
void ForceLayout::step() {
    if (!graph_) return;
    sync_graph();
    alpha_ += (params_.alpha_target - alpha_) * params_.alpha_decay;
    ++iterations_;
    if (graph_->node_count() == 0) {
        moved_converged_ = true;
        return;
    }
    if (params_.model == LayoutModel::ForceAtlas2) {
        step_fa2();
    } else if (params_.model == LayoutModel::Stress) {
        step_stress();
    } else {
        apply_many_body(alpha_);
        apply_links(alpha_);
        apply_gravity(alpha_);
        apply_radial(alpha_);
        apply_anchors(alpha_);
        apply_collision();
        integrate();
    }
    if (params_.pack_on_converge && params_.model != LayoutModel::Stress && !packed_ && converged()) {
        pack_components(*graph_, params_);
        packed_ = true;
    }
    if (anchor_count_ > 0 && converged()) { // settled again: the anchors have done their job
        std::fill(anchor_x_.begin(), anchor_x_.end(), NAN);
        std::fill(anchor_y_.begin(), anchor_y_.end(), NAN);
        anchor_count_ = 0;
    }
}

int ForceLayout::run_for(double budget_ms) {
    using Clock = std::chrono::steady_clock;
    if (!graph_ || !(budget_ms > 0)) return 0;
    const auto start = Clock::now();
    int steps = 0;
    while (!converged()) {
        const auto before = Clock::now();
        const double elapsed = std::chrono::duration<double, std::milli>(before - start).count();
        if (steps > 0 && elapsed + step_ms_estimate_ > budget_ms) break;
        step();
        ++steps;
        const double took =
            std::chrono::duration<double, std::milli>(Clock::now() - before).count();
        // Smoothed, but quick to follow a jump (graph grew, tab was throttled).
        step_ms_estimate_ = step_ms_estimate_ > 0 ? 0.7 * step_ms_estimate_ + 0.3 * took : took;
    }
    return steps;
}

int ForceLayout::run(int max_iterations) {
    int steps = 0;
    while (steps < max_iterations && graph_ && !converged()) {
        step();
        ++steps;
    }
    return steps;
}

bool ForceLayout::converged() const {
    return alpha_ < params_.alpha_min || moved_converged_;
}

float ForceLayout::progress() const {
    if (converged()) return 1.0f;
    if (!(params_.alpha_min > 0.0f && params_.alpha_min < 1.0f) || !(alpha_ > 0.0f)) return 0.0f;
    // UI only: a libm log is fine here (it never feeds back into positions).
    const float p = std::log(alpha_) / std::log(params_.alpha_min);
    return std::min(std::max(p, 0.0f), 1.0f);
}

void ForceLayout::pin(std::uint32_t node, float x, float y) {
    if (!graph_ || node >= graph_->node_count()) return;
    sync_graph();
    graph_->pinned[node] = 1;
    graph_->x[node] = x;
    graph_->y[node] = y;
    vx_[node] = 0.0f;
    vy_[node] = 0.0f;
}

void ForceLayout::unpin(std::uint32_t node) {
    if (!graph_ || node >= graph_->node_count() || node >= graph_->pinned.size()) return;
    graph_->pinned[node] = 0;
}

void ForceLayout::reheat(float alpha) {
    alpha_ = alpha;
    moved_converged_ = false;
    packed_ = false;
}

void ForceLayout::add_nodes_incremental(float alpha) {
    if (!graph_) return;
    sync_graph();
    reheat(alpha);
}

} // namespace rgv
