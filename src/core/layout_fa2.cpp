// layout_fa2.cpp — the ForceAtlas2 model of ForceLayout (Jacomy, Venturini, Heymann,
// Bastian 2014), following Gephi's ForceAtlas2 and graphology-layout-forceatlas2.
//
// Index
//   Forces          degree-scaled repulsion (Barnes-Hut), attraction (linear or LinLog),
//                      gravity (normal or strong), radial rings, anchors
//   Adaptive speed  global swinging / traction -> speed; per-node swinging damping
//   Move            displacement, cooled at the end of the alpha schedule
//
// Forces are computed into fa_fx_/fa_fy_ (the previous step's kept in fa_old_*), then
// every free node moves by F * speed / (1 + sqrt(speed * swinging)).
#include "core/layout.h"
#include "core/layout_internal.h"

#include <algorithm>
#include <cmath>

namespace rgv {

using namespace layout_detail;

void ForceLayout::step_fa2() {
    Graph& g = *graph_;
    const std::size_t n = g.node_count();
    fa_fx_.assign(n, 0.0f);
    fa_fy_.assign(n, 0.0f);
    if (fa_old_fx_.size() < n) {
        fa_old_fx_.resize(n, 0.0f);
        fa_old_fy_.resize(n, 0.0f);
    }
    const std::vector<float>& mass = fa_mass_;

    // [SECTION] Forces
    // Repulsion kr m_i m_j / d: the quadtree sums m_j (p - x_j) / d^2 = m_j / d along the
    // unit direction, so multiply by kr m_i.
    if (n >= 2 && params_.fa2_scaling > 0.0f) {
        tree_.build(g.x.data(), g.y.data(), n, mass.data());
        const float dmin2 = params_.charge_distance_min * params_.charge_distance_min;
        for (const std::uint32_t i : tree_.point_index()) { // spatial order: cache-friendly
            if (g.pinned[i]) continue;
            float fx = 0, fy = 0;
            tree_.repulsion(i, g.x[i], g.y[i], params_.theta, dmin2, fx, fy);
            const float k = params_.fa2_scaling * mass[i];
            fa_fx_[i] += k * fx;
            fa_fy_[i] += k * fy;
        }
    }
    // Gravity kg m_i towards the centre (strong: proportional to the distance too).
    if (params_.fa2_gravity > 0.0f) {
        for (std::size_t i = 0; i < n; ++i) {
            const float dx = g.x[i] - params_.center_x, dy = g.y[i] - params_.center_y;
            const float d = std::sqrt(dx * dx + dy * dy);
            if (!(d > 0.0f)) continue;
            const float f = params_.fa2_strong_gravity ? params_.fa2_gravity * mass[i]
                                                        : params_.fa2_gravity * mass[i] / d;
            fa_fx_[i] -= dx * f;
            fa_fy_[i] -= dy * f;
        }
    }
    // Attraction w d (LinLog: w log(1 + d)) along each edge.
    for (std::size_t e = 0; e < link_s_.size(); ++e) {
        const std::uint32_t s = link_s_[e], t = link_t_[e];
        const float dx = g.x[s] - g.x[t], dy = g.y[s] - g.y[t];
        float f = -link_w_[e];
        if (params_.fa2_linlog) {
            const float d = std::sqrt(dx * dx + dy * dy);
            if (!(d > 0.0f)) continue;
            f *= static_cast<float>(portable_log(1.0 + static_cast<double>(d))) / d;
        }
        fa_fx_[s] += dx * f;
        fa_fy_[s] += dy * f;
        fa_fx_[t] -= dx * f;
        fa_fy_[t] -= dy * f;
    }
    // Radial rings and incremental anchors, in force units (scaled by mass like gravity).
    if (!ring_.empty()) {
        for (std::size_t i = 0; i < n; ++i) {
            const float dx = g.x[i] - params_.center_x, dy = g.y[i] - params_.center_y;
            const float r = std::sqrt(dx * dx + dy * dy);
            if (!(r > 0.0f)) continue;
            const float f = (ring_[i] - r) / r * params_.radial_strength * mass[i];
            fa_fx_[i] += dx * f;
            fa_fy_[i] += dy * f;
        }
    }
    if (anchor_count_ > 0) {
        for (std::size_t i = 0; i < anchor_x_.size() && i < n; ++i) {
            if (std::isnan(anchor_x_[i])) continue;
            const float k = params_.incremental_anchor * mass[i];
            fa_fx_[i] += (anchor_x_[i] - g.x[i]) * k;
            fa_fy_[i] += (anchor_y_[i] - g.y[i]) * k;
        }
    }

    // [SECTION] Adaptive speed
    double total_swinging = 0, total_traction = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (g.pinned[i]) continue;
        const double ox = fa_old_fx_[i], oy = fa_old_fy_[i], fx = fa_fx_[i], fy = fa_fy_[i];
        total_swinging += mass[i] * std::sqrt((ox - fx) * (ox - fx) + (oy - fy) * (oy - fy));
        total_traction += 0.5 * mass[i] * std::sqrt((ox + fx) * (ox + fx) + (oy + fy) * (oy + fy));
    }
    const double order = static_cast<double>(n);
    const double optimal_jt = 0.05 * std::sqrt(order);
    const double min_jt = std::sqrt(optimal_jt), max_jt = 10.0;
    double jt = params_.fa2_jitter_tolerance *
                std::max(min_jt, std::min(max_jt, optimal_jt * total_traction / (order * order)));
    const double min_speed_efficiency = 0.05;
    double eff = fa_speed_efficiency_, speed = fa_speed_;
    if (total_traction > 0 && total_swinging / total_traction > 2.0) {
        if (eff > min_speed_efficiency) eff *= 0.5;
        jt = std::max(jt, static_cast<double>(params_.fa2_jitter_tolerance));
    }
    const double target = total_swinging > 0 ? jt * eff * total_traction / total_swinging : 1e9;
    if (total_swinging > jt * total_traction) {
        if (eff > min_speed_efficiency) eff *= 0.7;
    } else if (speed < 1000) {
        eff *= 1.3;
    }
    const double max_rise = 0.5;
    speed = speed + std::min(target - speed, max_rise * speed);
    if (!(speed > 0) || !std::isfinite(speed)) speed = 1e-3;
    fa_speed_ = static_cast<float>(speed);
    fa_speed_efficiency_ = static_cast<float>(eff);

    // [SECTION] Move
    // Full speed while alpha > 0.1, then damped in proportion, so the last steps settle
    // (FA2 itself never stops; the alpha schedule gives progress and an end).
    const float cool = std::min(1.0f, alpha_ / 0.1f) / std::max(params_.fa2_slow_down, 1e-3f);
    double moved = 0;
    std::size_t free_count = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const float fx = fa_fx_[i], fy = fa_fy_[i];
        if (g.pinned[i]) {
            fa_old_fx_[i] = fx;
            fa_old_fy_[i] = fy;
            continue;
        }
        const float sx = fa_old_fx_[i] - fx, sy = fa_old_fy_[i] - fy;
        const float swinging = mass[i] * std::sqrt(sx * sx + sy * sy);
        const float factor = static_cast<float>(speed) /
                             (1.0f + std::sqrt(static_cast<float>(speed) * swinging)) * cool;
        float mx = fx * factor, my = fy * factor;
        if (!std::isfinite(mx) || !std::isfinite(my)) mx = my = 0.0f;
        g.x[i] += mx;
        g.y[i] += my;
        fa_old_fx_[i] = fx;
        fa_old_fy_[i] = fy;
        moved += std::sqrt(static_cast<double>(mx) * mx + static_cast<double>(my) * my);
        ++free_count;
    }
    finish_movement(moved, free_count);
}

} // namespace rgv
