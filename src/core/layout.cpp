// layout.cpp — see layout.h.
//
// Index
//   1. Random numbers      splitmix64: small, portable, same sequence native and wasm
//   2. Setup               reset, graph sync (caches), start positions
//   3. Forces              many-body, links, gravity (each adds alpha-scaled velocity)
//   4. Integration         velocity decay, move, movement measure
//   5. Driving             step, run_for, run, convergence, progress, pins, reheat
#include "core/layout.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace rgv {

namespace {

// 1. Random numbers ------------------------------------------------------------
std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Uniform in [0, 1) with 24 bits, exact in float.
float uniform01(std::uint64_t& state) {
    return static_cast<float>(splitmix64(state) >> 40) * (1.0f / 16777216.0f);
}

constexpr float kPi = 3.14159265358979f;
// d3's phyllotaxis angle, pi * (3 - sqrt(5)): successive points never line up.
constexpr float kGoldenAngle = 2.39996322972865f;

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

} // namespace

// 2. Setup ---------------------------------------------------------------------
void ForceLayout::reset(Graph& g, const LayoutParams& p) {
    graph_ = &g;
    params_ = p;
    alpha_ = p.alpha;
    iterations_ = 0;
    mean_movement_ = 0.0f;
    moved_converged_ = false;
    step_ms_estimate_ = 0.0;
    rng_ = p.seed;
    synced_nodes_ = 0;
    synced_edges_ = static_cast<std::size_t>(-1);
    vx_.clear();
    vy_.clear();
    sync_graph();
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
    if (!nodes_changed && !edges_changed) return;

    // Links: drop self-loops and dangling indices once, so the hot loop needs no checks.
    link_s_.clear();
    link_t_.clear();
    degree_.assign(n, 0);
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        const std::uint32_t s = g.edge_source[e], t = g.edge_target[e];
        if (s >= n || t >= n || s == t) continue;
        link_s_.push_back(s);
        link_t_.push_back(t);
        ++degree_[s];
        ++degree_[t];
    }
    const std::size_t m = link_s_.size();
    link_bias_.resize(m);
    link_k_.resize(m);
    for (std::size_t e = 0; e < m; ++e) {
        const float ds = static_cast<float>(degree_[link_s_[e]]);
        const float dt = static_cast<float>(degree_[link_t_[e]]);
        link_bias_[e] = ds / (ds + dt); // d3: the better-connected end moves less
        link_k_[e] = params_.link_strength >= 0 ? params_.link_strength
                                                : 1.0f / std::min(ds, dt);
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

    if (iterations_ > 0) moved_converged_ = false; // the graph changed under a settled layout
    if (nodes_changed) {
        const std::size_t first_new = std::min(synced_nodes_, n);
        vx_.resize(n, 0.0f);
        vy_.resize(n, 0.0f);
        synced_nodes_ = n;
        seed_positions_from(first_new);
    }
    synced_edges_ = g.edge_count();
}

// Nodes [first, n) without a usable position get one. A node next to an already placed
// node starts beside it (breadth first, so chains grow outwards from what is placed);
// the rest go on a phyllotaxis spiral, in a seeded order, around the placed nodes.
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

    // Neighbours of placed nodes, breadth first.
    std::vector<std::uint32_t> offsets(n + 1, 0), targets(2 * link_s_.size());
    for (std::size_t e = 0; e < link_s_.size(); ++e) {
        ++offsets[link_s_[e] + 1];
        ++offsets[link_t_[e] + 1];
    }
    for (std::size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
    {
        std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
        for (std::size_t e = 0; e < link_s_.size(); ++e) {
            targets[fill[link_s_[e]]++] = link_t_[e];
            targets[fill[link_t_[e]]++] = link_s_[e];
        }
    }
    const float near = std::max(params_.link_distance, 1.0f);
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::uint32_t u = queue[head];
        for (std::uint32_t k = offsets[u]; k < offsets[u + 1]; ++k) {
            const std::uint32_t v = targets[k];
            if (placed[v]) continue;
            const float a = 2.0f * kPi * uniform01(rng_);
            const float r = near * (0.5f + 0.5f * uniform01(rng_));
            g.x[v] = g.x[u] + r * std::cos(a);
            g.y[v] = g.y[u] + r * std::sin(a);
            placed[v] = 1;
            queue.push_back(v);
        }
    }

    // Big components with nothing placed: pivot MDS, scaled to the link distance.
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
            const bool use = comp.size() >= 20 && comp.size() <= 200000;
            for (const std::uint32_t v : comp) placed[v] = use ? 1 : 3; // 3: spiral later
            if (!use) continue;
            pivot_mds(comp, offsets, targets, local, rng_, ox, oy);
            // Mean edge length, through each node's slot in comp.
            double len = 0;
            std::size_t count = 0;
            for (std::size_t i = 0; i < comp.size(); ++i) local[comp[i]] = static_cast<std::int32_t>(i);
            for (std::size_t i = 0; i < comp.size(); ++i)
                for (std::uint32_t e = offsets[comp[i]]; e < offsets[comp[i] + 1]; ++e) {
                    const auto j = static_cast<std::size_t>(local[targets[e]]);
                    len += std::hypot(ox[i] - ox[j], oy[i] - oy[j]);
                    ++count;
                }
            for (std::size_t i = 0; i < comp.size(); ++i) local[comp[i]] = -1;
            const double scale = len > 0 ? params_.link_distance * count / len : 1.0;
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
    const float turn = 2.0f * kPi * uniform01(rng_);
    for (std::size_t k = 0; k < rest.size(); ++k) {
        const std::uint32_t i = rest[k];
        const float r = params_.initial_radius * std::sqrt(0.5f + static_cast<float>(k));
        const float a = turn + static_cast<float>(k) * kGoldenAngle;
        g.x[i] = static_cast<float>(cx) + r * std::cos(a);
        g.y[i] = static_cast<float>(cy) + r * std::sin(a);
    }
}

// 3. Forces --------------------------------------------------------------------
void ForceLayout::apply_many_body(float alpha) {
    Graph& g = *graph_;
    const std::size_t n = g.node_count();
    if (n < 2 || params_.charge == 0.0f) return;
    tree_.build(g.x.data(), g.y.data(), n, charge_.data());
    const float k = -params_.charge * alpha; // repulsion() points away; charge < 0 repels
    const float dmin2 = params_.charge_distance_min * params_.charge_distance_min;
    for (std::size_t i = 0; i < n; ++i) {
        if (g.pinned[i]) continue;
        float fx = 0, fy = 0;
        tree_.repulsion(static_cast<std::uint32_t>(i), g.x[i], g.y[i], params_.theta, dmin2,
                        fx, fy);
        vx_[i] += k * fx;
        vy_[i] += k * fy;
    }
}

void ForceLayout::apply_links(float alpha) {
    Graph& g = *graph_;
    const float dist = params_.link_distance;
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
            const float f = (l - dist) / l * alpha * link_k_[e];
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
    const float k = params_.gravity * alpha;
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        vx_[i] += (params_.center_x - g.x[i]) * k;
        vy_[i] += (params_.center_y - g.y[i]) * k;
    }
}

float ForceLayout::jiggle() { return (uniform01(rng_) - 0.5f) * 1e-6f; }

// 4. Integration ---------------------------------------------------------------
void ForceLayout::integrate() {
    Graph& g = *graph_;
    const std::size_t n = g.node_count();
    const float keep = 1.0f - params_.velocity_decay;
    double moved = 0;
    std::size_t free_count = 0;
    float min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
    for (std::size_t i = 0; i < n; ++i) {
        if (g.pinned[i]) {
            vx_[i] = 0.0f;
            vy_[i] = 0.0f;
        } else {
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
        min_x = std::min(min_x, g.x[i]);
        max_x = std::max(max_x, g.x[i]);
        min_y = std::min(min_y, g.y[i]);
        max_y = std::max(max_y, g.y[i]);
    }
    mean_movement_ = free_count ? static_cast<float>(moved / static_cast<double>(free_count)) : 0.0f;
    if (free_count == 0) {
        moved_converged_ = true;
        return;
    }
    const float w = max_x - min_x, h = max_y - min_y;
    const float size = std::max(std::sqrt(w * w + h * h), params_.link_distance);
    // Sticky until reheat()/reset(), so converged() and progress() never step backwards.
    moved_converged_ = moved_converged_ || (params_.movement_tolerance > 0.0f &&
                                            mean_movement_ < params_.movement_tolerance * size);
}

// 5. Driving -------------------------------------------------------------------
void ForceLayout::step() {
    if (!graph_) return;
    sync_graph();
    alpha_ += (params_.alpha_target - alpha_) * params_.alpha_decay;
    ++iterations_;
    if (graph_->node_count() == 0) {
        moved_converged_ = true;
        return;
    }
    apply_many_body(alpha_);
    apply_links(alpha_);
    apply_gravity(alpha_);
    integrate();
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
}

} // namespace rgv
