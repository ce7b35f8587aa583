// quadtree.cpp — see quadtree.h.
//
// Index
//   Helpers      coincidence direction (deterministic, antisymmetric)
//   Building     bounds, recursive in-place partition, bottom-up mass
//   Repulsion    iterative traversal with an explicit stack
//   Picking      depth-first, nearest child first, pruned on the tight boxes; within()
#include "core/quadtree.h"

#include <algorithm>
#include <cmath>

namespace rgv {

namespace {

// [SECTION] Helpers
// Bounded traversal stacks: depth-first with at most 4 children pushed per level.
constexpr int kStackSize = 4 * (QuadTree::kMaxDepth + 2);

std::uint64_t mix64(std::uint64_t z) {
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Unit direction to push `self` away from a point at exactly the same place. It depends
// only on the unordered pair and flips with the order, so the two points get opposite
// pushes (momentum stays balanced) and the result is reproducible on every platform.
void coincident_direction(std::uint32_t self, std::uint32_t other, float& ux, float& uy) {
    const std::uint32_t lo = std::min(self, other), hi = std::max(self, other);
    const std::uint64_t h = mix64((static_cast<std::uint64_t>(lo) << 32) | hi);
    // 16 directions are plenty to break the symmetry; table keeps it exact and portable.
    static const float kCos[16] = {1.0f, 0.9238795f, 0.7071068f, 0.3826834f, 0.0f,
                                   -0.3826834f, -0.7071068f, -0.9238795f, -1.0f, -0.9238795f,
                                   -0.7071068f, -0.3826834f, 0.0f, 0.3826834f, 0.7071068f,
                                   0.9238795f};
    const unsigned k = static_cast<unsigned>(h & 15u);
    const float sign = self < other ? 1.0f : -1.0f;
    ux = sign * kCos[k];
    uy = sign * kCos[(k + 12u) & 15u]; // sin(a) = cos(a - 90deg)
}

} // namespace

// [SECTION] Building
void QuadTree::clear() {
    cells_.clear();
    index_.clear();
    px_.clear();
    py_.clear();
    pm_.clear();
    pr_.clear();
    slot_.clear();
}

void QuadTree::build(const float* x, const float* y, std::size_t n, const float* mass,
                     const float* radius, std::uint32_t leaf_capacity) {
    clear();
    leaf_capacity_ = std::max<std::uint32_t>(1, leaf_capacity);
    slot_.assign(n, kNone);

    float min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
        index_.push_back(static_cast<std::uint32_t>(i));
        min_x = std::min(min_x, x[i]);
        max_x = std::max(max_x, x[i]);
        min_y = std::min(min_y, y[i]);
        max_y = std::max(max_y, y[i]);
    }
    if (index_.empty()) return;

    // A square root cell a hair larger than the bounding box, so the largest coordinate
    // is strictly inside [x0, x0 + size).
    float extent = std::max(max_x - min_x, max_y - min_y);
    const float magnitude = std::max({std::fabs(min_x), std::fabs(max_x), std::fabs(min_y),
                                      std::fabs(max_y), 1.0f});
    extent = std::max(extent * 1.0001f, magnitude * 1e-6f);
    Cell root;
    root.x0 = min_x;
    root.y0 = min_y;
    root.size = extent;
    root.begin = 0;
    root.end = static_cast<std::uint32_t>(index_.size());
    cells_.push_back(root);
    build_cell(0, 0, x, y);

    // Copy the points in cell order so that queries read contiguous ranges.
    const std::size_t m = index_.size();
    px_.resize(m);
    py_.resize(m);
    pm_.resize(m);
    pr_.resize(m);
    for (std::size_t k = 0; k < m; ++k) {
        const std::uint32_t i = index_[k];
        px_[k] = x[i];
        py_[k] = y[i];
        pm_[k] = mass ? mass[i] : 1.0f;
        pr_[k] = radius ? radius[i] : 0.0f;
        slot_[i] = static_cast<std::uint32_t>(k);
    }
    // Mass and boxes bottom-up: children always have larger indices than their parent.
    for (std::size_t c = cells_.size(); c-- > 0;) finish_cell(static_cast<std::uint32_t>(c));
}

void QuadTree::build_cell(std::uint32_t c, std::uint32_t depth, const float* x,
                          const float* y) {
    Cell cell = cells_[c];
    cell.depth = static_cast<std::uint8_t>(depth);
    cells_[c].depth = cell.depth;
    const std::uint32_t count = cell.end - cell.begin;
    if (count <= leaf_capacity_ || depth >= static_cast<std::uint32_t>(kMaxDepth)) return;
    const float half = cell.size * 0.5f;
    const float mx = cell.x0 + half, my = cell.y0 + half;
    // Float precision exhausted: the points are as good as coincident, keep one leaf.
    if (!(mx > cell.x0) || !(my > cell.y0) || !(half > 0.0f)) return;

    // Stable partition into the quadrants 0..3 (bit 0: x >= mx, bit 1: y >= my), through
    // a scratch buffer: portable order (see the header), and one pass over the points.
    auto* first = index_.data() + cell.begin;
    std::uint32_t counts[4] = {0, 0, 0, 0};
    auto quadrant = [&](std::uint32_t i) {
        return (x[i] < mx ? 0u : 1u) | (y[i] < my ? 0u : 2u);
    };
    for (std::uint32_t k = 0; k < count; ++k) ++counts[quadrant(first[k])];
    std::uint32_t fill[4] = {0, counts[0], counts[0] + counts[1], counts[0] + counts[1] + counts[2]};
    part_.resize(count);
    for (std::uint32_t k = 0; k < count; ++k) part_[fill[quadrant(first[k])]++] = first[k];
    std::copy(part_.begin(), part_.begin() + count, first);
    std::uint32_t* bounds[5] = {first, first + counts[0], first + counts[0] + counts[1],
                                first + counts[0] + counts[1] + counts[2], first + count};

    std::uint32_t children = 0;
    for (int q = 0; q < 4; ++q) children += bounds[q + 1] > bounds[q] ? 1 : 0;
    const auto first_child = static_cast<std::uint32_t>(cells_.size());
    cells_[c].first_child = first_child;
    cells_[c].child_count = static_cast<std::uint8_t>(children);
    cells_.resize(cells_.size() + children);
    std::uint32_t k = first_child;
    for (int q = 0; q < 4; ++q) {
        if (bounds[q + 1] == bounds[q]) continue;
        Cell& child = cells_[k++];
        child.x0 = (q & 1) ? mx : cell.x0;
        child.y0 = (q & 2) ? my : cell.y0;
        child.size = half;
        child.begin = static_cast<std::uint32_t>(bounds[q] - index_.data());
        child.end = static_cast<std::uint32_t>(bounds[q + 1] - index_.data());
    }
    for (std::uint32_t i = 0; i < children; ++i) build_cell(first_child + i, depth + 1, x, y);
}

void QuadTree::finish_cell(std::uint32_t c) {
    Cell& cell = cells_[c];
    double mass = 0, sx = 0, sy = 0;
    float max_r = 0;
    float bx0 = INFINITY, by0 = INFINITY, bx1 = -INFINITY, by1 = -INFINITY;
    if (cell.child_count == 0) {
        for (std::uint32_t k = cell.begin; k < cell.end; ++k) {
            mass += pm_[k];
            sx += static_cast<double>(pm_[k]) * px_[k];
            sy += static_cast<double>(pm_[k]) * py_[k];
            max_r = std::max(max_r, pr_[k]);
            bx0 = std::min(bx0, px_[k]);
            bx1 = std::max(bx1, px_[k]);
            by0 = std::min(by0, py_[k]);
            by1 = std::max(by1, py_[k]);
        }
    } else {
        for (std::uint32_t i = 0; i < cell.child_count; ++i) {
            const Cell& ch = cells_[cell.first_child + i];
            mass += ch.mass;
            sx += static_cast<double>(ch.mass) * ch.cx;
            sy += static_cast<double>(ch.mass) * ch.cy;
            max_r = std::max(max_r, ch.max_radius);
            bx0 = std::min(bx0, ch.min_x);
            bx1 = std::max(bx1, ch.max_x);
            by0 = std::min(by0, ch.min_y);
            by1 = std::max(by1, ch.max_y);
        }
    }
    cell.mass = static_cast<float>(mass);
    if (mass > 0) {
        cell.cx = static_cast<float>(sx / mass);
        cell.cy = static_cast<float>(sy / mass);
    } else { // massless cell: the box centre, so it stays finite
        cell.cx = 0.5f * (bx0 + bx1);
        cell.cy = 0.5f * (by0 + by1);
    }
    // Rounding of the weighted mean may leave the box by an ulp; keep it inside.
    cell.cx = std::min(std::max(cell.cx, bx0), bx1);
    cell.cy = std::min(std::max(cell.cy, by0), by1);
    cell.max_radius = max_r;
    cell.min_x = bx0;
    cell.min_y = by0;
    cell.max_x = bx1;
    cell.max_y = by1;
}

// [SECTION] Repulsion
void QuadTree::repulsion(std::uint32_t self, float px, float py, float theta, float min_dist2,
                         float& fx, float& fy) const {
    if (cells_.empty()) return;
    const std::uint32_t self_slot = self < slot_.size() ? slot_[self] : kNone;
    const float theta2 = theta > 0 ? theta * theta : 0.0f;
    const float coincident_scale = min_dist2 > 0 ? 1.0f / std::sqrt(min_dist2) : 1.0f;
    float ax = 0, ay = 0;

    std::uint32_t stack[kStackSize];
    int sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
        const Cell& c = cells_[stack[--sp]];
        if (!(c.mass > 0)) continue;
        const bool contains =
            self_slot != kNone
                ? (self_slot >= c.begin && self_slot < c.end)
                : (px >= c.x0 && px < c.x0 + c.size && py >= c.y0 && py < c.y0 + c.size);
        if (!contains && theta2 > 0) {
            const float dx = px - c.cx, dy = py - c.cy;
            float l = dx * dx + dy * dy;
            if (c.size * c.size < theta2 * l) { // far enough: one body at the centre of mass
                if (l < min_dist2) l = std::sqrt(min_dist2 * l);
                ax += c.mass * dx / l;
                ay += c.mass * dy / l;
                continue;
            }
        }
        if (c.child_count == 0) {
            for (std::uint32_t k = c.begin; k < c.end; ++k) {
                if (k == self_slot) continue;
                const float dx = px - px_[k], dy = py - py_[k];
                float l = dx * dx + dy * dy;
                if (l == 0.0f) {
                    float ux, uy;
                    coincident_direction(self, index_[k], ux, uy);
                    ax += pm_[k] * ux * coincident_scale;
                    ay += pm_[k] * uy * coincident_scale;
                    continue;
                }
                if (l < min_dist2) l = std::sqrt(min_dist2 * l);
                ax += pm_[k] * dx / l;
                ay += pm_[k] * dy / l;
            }
        } else {
            for (std::uint32_t i = 0; i < c.child_count; ++i) stack[sp++] = c.first_child + i;
        }
    }
    fx += ax;
    fy += ay;
}

// [SECTION] Picking
std::uint32_t QuadTree::nearest(float px, float py, float max_dist) const {
    if (cells_.empty() || !(max_dist >= 0) || !std::isfinite(px) || !std::isfinite(py))
        return kNone;
    std::uint32_t best = kNone;
    float best_gap = max_dist;

    // Lower bound of the gap to any point of a cell: distance to its tight box minus the
    // largest radius inside. Rounding is monotonic, so it never exceeds a point's own gap.
    auto cell_gap = [&](const Cell& c) {
        const float dx = std::max(std::max(c.min_x - px, px - c.max_x), 0.0f);
        const float dy = std::max(std::max(c.min_y - py, py - c.max_y), 0.0f);
        return std::sqrt(dx * dx + dy * dy) - c.max_radius;
    };

    std::uint32_t stack[kStackSize];
    int sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
        const Cell& c = cells_[stack[--sp]];
        if (cell_gap(c) > best_gap) continue;
        if (c.child_count == 0) {
            for (std::uint32_t k = c.begin; k < c.end; ++k) {
                const float dx = px - px_[k], dy = py - py_[k];
                const float gap = std::sqrt(dx * dx + dy * dy) - pr_[k];
                const std::uint32_t idx = index_[k];
                if (gap < best_gap || (gap == best_gap && (best == kNone || idx < best))) {
                    best = idx;
                    best_gap = gap;
                }
            }
            continue;
        }
        // Push the farthest child first so the nearest is searched first and shrinks
        // best_gap early.
        std::uint32_t order[4];
        float gaps[4];
        const std::uint32_t n = c.child_count;
        for (std::uint32_t i = 0; i < n; ++i) {
            order[i] = c.first_child + i;
            gaps[i] = cell_gap(cells_[order[i]]);
        }
        for (std::uint32_t i = 1; i < n; ++i) // insertion sort, descending gap
            for (std::uint32_t j = i; j > 0 && gaps[j] > gaps[j - 1]; --j) {
                std::swap(gaps[j], gaps[j - 1]);
                std::swap(order[j], order[j - 1]);
            }
        for (std::uint32_t i = 0; i < n; ++i)
            if (gaps[i] <= best_gap) stack[sp++] = order[i];
    }
    return best;
}

void QuadTree::within(float px, float py, float max_dist, std::vector<std::uint32_t>& out) const {
    out.clear();
    if (cells_.empty() || !(max_dist >= 0) || !std::isfinite(px) || !std::isfinite(py)) return;
    std::uint32_t stack[kStackSize];
    int sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
        const Cell& c = cells_[stack[--sp]];
        const float dx = std::max(std::max(c.min_x - px, px - c.max_x), 0.0f);
        const float dy = std::max(std::max(c.min_y - py, py - c.max_y), 0.0f);
        if (std::sqrt(dx * dx + dy * dy) - c.max_radius > max_dist) continue;
        if (c.child_count == 0) {
            for (std::uint32_t k = c.begin; k < c.end; ++k) {
                const float ex = px - px_[k], ey = py - py_[k];
                if (std::sqrt(ex * ex + ey * ey) - pr_[k] <= max_dist) out.push_back(index_[k]);
            }
            continue;
        }
        for (std::uint32_t i = 0; i < c.child_count; ++i) stack[sp++] = c.first_child + i;
    }
}

} // namespace rgv
