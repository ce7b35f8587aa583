// quadtree.h — a Barnes-Hut quadtree over flat x/y arrays, also used as a picking index.
//
// Index
//   Cell              one square cell (QuadTree::Cell): bounds, mass, centre of mass, point range
//   Building          build() from flat arrays, rebuilt from scratch every layout step
//   Repulsion         Barnes-Hut sum of m_j (p - x_j) / |p - x_j|^2 with a theta test
//   Picking           nearest(): closest point (optionally a disk) within a distance;
//                        within(): every point (disk) within a distance (collision)
//
// Why this shape: the layout rebuilds the tree every iteration, so a build must not touch
// the heap once the buffers have grown. Cells live in one vector; the points are copied,
// in cell order, into flat arrays so that every cell owns a contiguous range of them
// (leaf scans are linear reads, and a leaf may hold many points). Identical or nearly
// identical positions stop splitting at kMaxDepth and simply share a leaf.
//
// The partition is our own stable one (not std::partition, whose order differs between
// libstdc++ and libc++), so the summation order, and with it every rounding, is the same
// natively and in wasm.
//
// Points with a non-finite coordinate are left out of the tree (never reached by a
// query), so one bad value can't poison the bounds of all the others.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rgv {

class QuadTree {
public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    // Deep enough for ~1e-6 of the root size; below that float midpoints stop splitting.
    static constexpr int kMaxDepth = 20;

    // [SECTION] Cell
    struct Cell {
        float x0 = 0, y0 = 0, size = 0;   // square [x0, x0+size) x [y0, y0+size)
        float cx = 0, cy = 0;             // centre of mass
        float mass = 0;                   // sum of point masses
        float max_radius = 0;             // largest point radius inside (picking)
        float min_x = 0, min_y = 0, max_x = 0, max_y = 0; // tight box of the points (picking)
        std::uint32_t begin = 0, end = 0; // range in the point arrays (points())
        std::uint32_t first_child = kNone; // children are contiguous: first_child..+child_count
        std::uint8_t child_count = 0;     // 0 = leaf
        std::uint8_t depth = 0;
    };

    // [SECTION] Building
    // Builds over n points. mass (default 1 each) must be > 0 where given; radius
    // (default 0) is only used by nearest(). The arrays are copied, so they may change
    // or die after build(). leaf_capacity: a cell with at most this many points is a leaf.
    void build(const float* x, const float* y, std::size_t n, const float* mass = nullptr,
               const float* radius = nullptr, std::uint32_t leaf_capacity = 4);
    void build(const std::vector<float>& x, const std::vector<float>& y,
               const float* mass = nullptr, const float* radius = nullptr,
               std::uint32_t leaf_capacity = 4) {
        build(x.data(), y.data(), x.size() < y.size() ? x.size() : y.size(), mass, radius,
              leaf_capacity);
    }
    void clear();

    bool empty() const { return cells_.empty(); }
    std::size_t cell_count() const { return cells_.size(); }
    const Cell& cell(std::size_t i) const { return cells_[i]; }
    const Cell& root() const { return cells_[0]; } // only when !empty()
    // Points in the tree (finite ones only), in cell order. point_index[k] is the index of
    // the k-th stored point in the arrays given to build().
    std::size_t point_count() const { return index_.size(); }
    const std::vector<std::uint32_t>& point_index() const { return index_; }
    const std::vector<float>& point_x() const { return px_; }
    const std::vector<float>& point_y() const { return py_; }

    // [SECTION] Repulsion
    // Adds to (fx, fy) the sum over every point j != self of m_j * (p - x_j) / d^2, the
    // shape of an inverse-distance repulsion (d3 manyBody). Cells whose width / distance
    // to their centre of mass is below theta are taken as one body; a cell that contains
    // p is always opened, so a point never repels itself through an aggregate.
    // d^2 below min_dist2 is softened as in d3 (d^2 := sqrt(min_dist2 * d^2)), and exact
    // coincidence gets a tiny deterministic, antisymmetric direction so coincident points
    // separate instead of producing NaN. self may be kNone (a probe point).
    void repulsion(std::uint32_t self, float px, float py, float theta, float min_dist2,
                   float& fx, float& fy) const;

    // [SECTION] Picking
    // The point whose gap |p - x_i| - radius_i is smallest, among those with gap <=
    // max_dist; ties go to the lowest index. Returns kNone when none is that close.
    std::uint32_t nearest(float px, float py, float max_dist) const;
    // Replaces `out` with the indices of every point whose gap |p - x_i| - radius_i is at
    // most max_dist, in tree order.
    void within(float px, float py, float max_dist, std::vector<std::uint32_t>& out) const;

private:
    void build_cell(std::uint32_t cell, std::uint32_t depth, const float* x, const float* y);
    void finish_cell(std::uint32_t cell);

    std::vector<Cell> cells_;
    std::vector<std::uint32_t> index_; // original index of each stored point
    std::vector<float> px_, py_, pm_, pr_; // stored points, in cell order
    std::vector<std::uint32_t> slot_;  // original index -> position in the point arrays
    std::vector<std::uint32_t> part_;  // scratch for the stable partition
    std::uint32_t leaf_capacity_ = 4;
};

} // namespace rgv
