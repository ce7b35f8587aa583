// test_quadtree.cpp — the Barnes-Hut quadtree: structure, mass, forces, picking.
//
// Index
//   Helpers        seeded points, brute-force references
//   Structure      ranges, bounds, mass and centre of mass vs brute force
//   Degenerate     empty, coincident, non-finite input
//   Repulsion      Barnes-Hut vs exact sum
//   Picking        nearest() vs brute force, with and without radii
#include "core/quadtree.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

using rgv::QuadTree;

namespace {

// [SECTION] Helpers
struct Rng {
    std::uint64_t s;
    explicit Rng(std::uint64_t seed) : s(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    float uniform(float lo, float hi) {
        return lo + (hi - lo) * static_cast<float>(next() >> 40) / 16777216.0f;
    }
};

// Points in a few clusters of very different density, the hard case for a quadtree.
void clustered_points(std::size_t n, std::uint64_t seed, std::vector<float>& x,
                      std::vector<float>& y) {
    Rng r(seed);
    x.resize(n);
    y.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const int c = static_cast<int>(r.next() % 3);
        const float spread = c == 0 ? 1000.0f : c == 1 ? 20.0f : 0.5f;
        const float ox = c == 0 ? 0.0f : c == 1 ? 300.0f : -250.0f;
        x[i] = ox + r.uniform(-spread, spread);
        y[i] = r.uniform(-spread, spread) * 0.7f;
    }
}

void brute_repulsion(const std::vector<float>& x, const std::vector<float>& y,
                     const std::vector<float>& m, std::size_t self, double& fx, double& fy) {
    fx = fy = 0;
    for (std::size_t j = 0; j < x.size(); ++j) {
        if (j == self) continue;
        const double dx = static_cast<double>(x[self]) - x[j];
        const double dy = static_cast<double>(y[self]) - y[j];
        const double l = dx * dx + dy * dy;
        fx += m[j] * dx / l;
        fy += m[j] * dy / l;
    }
}

std::uint32_t brute_nearest(const std::vector<float>& x, const std::vector<float>& y,
                            const float* radius, float px, float py, float max_dist) {
    std::uint32_t best = QuadTree::kNone;
    float best_gap = max_dist;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const float dx = px - x[i], dy = py - y[i];
        const float gap = std::sqrt(dx * dx + dy * dy) - (radius ? radius[i] : 0.0f);
        if (gap < best_gap || (gap == best_gap && best == QuadTree::kNone)) {
            best = static_cast<std::uint32_t>(i);
            best_gap = gap;
        }
    }
    return best;
}

} // namespace

TEST_SUITE("quadtree") {

// [SECTION] Structure
TEST_CASE("cells partition the points; mass and centre of mass match brute force") {
    std::vector<float> x, y;
    clustered_points(3000, 7, x, y);
    std::vector<float> mass(x.size());
    Rng r(11);
    for (float& m : mass) m = r.uniform(0.5f, 3.0f);

    QuadTree t;
    t.build(x, y, mass.data());
    REQUIRE(!t.empty());
    REQUIRE(t.point_count() == x.size());
    CHECK(t.root().begin == 0);
    CHECK(t.root().end == x.size());

    // Every original index appears exactly once.
    std::vector<int> seen(x.size(), 0);
    for (std::uint32_t i : t.point_index()) ++seen[i];
    for (int s : seen) CHECK(s == 1);

    for (std::size_t c = 0; c < t.cell_count(); ++c) {
        const QuadTree::Cell& cell = t.cell(c);
        REQUIRE(cell.end > cell.begin);
        CHECK(cell.depth <= QuadTree::kMaxDepth);
        double m = 0, sx = 0, sy = 0;
        for (std::uint32_t k = cell.begin; k < cell.end; ++k) {
            const std::uint32_t i = t.point_index()[k];
            m += mass[i];
            sx += static_cast<double>(mass[i]) * x[i];
            sy += static_cast<double>(mass[i]) * y[i];
            // Inside the square cell and the tight box.
            CHECK(x[i] >= cell.x0);
            CHECK(x[i] < cell.x0 + cell.size);
            CHECK(y[i] >= cell.y0);
            CHECK(y[i] < cell.y0 + cell.size);
            CHECK(x[i] >= cell.min_x);
            CHECK(x[i] <= cell.max_x);
        }
        CHECK(cell.mass == doctest::Approx(m).epsilon(1e-5));
        CHECK(cell.cx == doctest::Approx(sx / m).epsilon(1e-5).scale(1000));
        CHECK(cell.cy == doctest::Approx(sy / m).epsilon(1e-5).scale(1000));
        if (cell.child_count > 0) { // children tile the parent's range, in order
            std::uint32_t at = cell.begin;
            for (std::uint32_t k = 0; k < cell.child_count; ++k) {
                const QuadTree::Cell& ch = t.cell(cell.first_child + k);
                CHECK(ch.begin == at);
                CHECK(ch.depth == cell.depth + 1);
                CHECK(ch.size == doctest::Approx(cell.size * 0.5f));
                at = ch.end;
            }
            CHECK(at == cell.end);
        } else {
            CHECK((cell.end - cell.begin <= 4 || cell.depth == QuadTree::kMaxDepth));
        }
    }
}

TEST_CASE("rebuilding reuses the tree and gives the same answer") {
    std::vector<float> x, y;
    clustered_points(500, 3, x, y);
    QuadTree a, b;
    a.build(x, y);
    std::vector<float> x2, y2;
    clustered_points(900, 4, x2, y2);
    b.build(x2, y2); // a different, bigger build first...
    b.build(x, y);   // ...then the same input as a
    REQUIRE(a.cell_count() == b.cell_count());
    for (std::size_t c = 0; c < a.cell_count(); ++c) {
        CHECK(a.cell(c).mass == b.cell(c).mass);
        CHECK(a.cell(c).cx == b.cell(c).cx);
    }
}

// [SECTION] Degenerate
TEST_CASE("empty input") {
    QuadTree t;
    t.build(nullptr, nullptr, 0);
    CHECK(t.empty());
    CHECK(t.nearest(0, 0, 1e9f) == QuadTree::kNone);
    float fx = 0, fy = 0;
    t.repulsion(QuadTree::kNone, 0, 0, 0.9f, 1.0f, fx, fy);
    CHECK(fx == 0.0f);
    CHECK(fy == 0.0f);
}

TEST_CASE("coincident points: bounded depth, finite, balanced pushes") {
    const std::size_t n = 1000;
    std::vector<float> x(n, 5.0f), y(n, -3.0f);
    x[0] = 6.0f; // one point apart so the root has a real size
    QuadTree t;
    t.build(x, y);
    CHECK(t.cell_count() <= 4 * (QuadTree::kMaxDepth + 2));
    for (std::size_t c = 0; c < t.cell_count(); ++c) CHECK(t.cell(c).depth <= QuadTree::kMaxDepth);

    double sum_x = 0, sum_y = 0;
    for (std::size_t i = 1; i < n; ++i) {
        float fx = 0, fy = 0;
        t.repulsion(static_cast<std::uint32_t>(i), x[i], y[i], 0.9f, 1.0f, fx, fy);
        REQUIRE(std::isfinite(fx));
        REQUIRE(std::isfinite(fy));
        CHECK(fx * fx + fy * fy > 0.0f); // pushed somewhere, not stuck
        sum_x += fx;
        sum_y += fy;
    }
    // Pushes among the coincident points cancel pairwise; what is left is the pull-free
    // push away from point 0, which is ~ -(n-1) * 1 along x.
    CHECK(std::fabs(sum_y) < 1e-2);
    CHECK(sum_x == doctest::Approx(-(double)(n - 1)).epsilon(1e-3));

    // All points identical: the root can't split at all.
    std::vector<float> same(50, 1.0f);
    t.build(same, same);
    float fx = 0, fy = 0;
    t.repulsion(3, 1.0f, 1.0f, 0.9f, 1.0f, fx, fy);
    CHECK(std::isfinite(fx));
    CHECK(fx * fx + fy * fy > 0.0f);
    CHECK(t.nearest(1.0f, 1.0f, 0.0f) == 0); // ties go to the lowest index
}

TEST_CASE("non-finite points are left out") {
    std::vector<float> x = {0.0f, NAN, 10.0f, INFINITY}, y = {0.0f, 1.0f, 0.0f, 2.0f};
    QuadTree t;
    t.build(x, y);
    CHECK(t.point_count() == 2);
    CHECK(t.root().mass == 2.0f);
    CHECK(t.root().cx == doctest::Approx(5.0f));
    CHECK(t.nearest(9.0f, 0.0f, 100.0f) == 2);
    float fx = 0, fy = 0;
    t.repulsion(0, 0.0f, 0.0f, 0.9f, 1.0f, fx, fy);
    CHECK(fx == doctest::Approx(-0.1f));
}

// [SECTION] Repulsion
TEST_CASE("Barnes-Hut force is close to the exact force; theta 0 is exact") {
    std::vector<float> x, y;
    clustered_points(2000, 21, x, y);
    std::vector<float> mass(x.size());
    Rng r(5);
    for (float& m : mass) m = r.uniform(0.5f, 2.0f);
    QuadTree t;
    t.build(x, y, mass.data());

    double worst_exact = 0, worst_small = 0, sum_small = 0, sum_d3 = 0;
    for (std::size_t i = 0; i < x.size(); i += 7) {
        double bx, by;
        brute_repulsion(x, y, mass, i, bx, by);
        const double norm = std::sqrt(bx * bx + by * by) + 1e-9;
        auto error = [&](float theta) {
            float fx = 0, fy = 0;
            // min_dist2 tiny: the softening must not hide differences here.
            t.repulsion(static_cast<std::uint32_t>(i), x[i], y[i], theta, 1e-12f, fx, fy);
            return std::hypot(fx - bx, fy - by) / norm;
        };
        const double e0 = error(0.0f), e1 = error(0.3f), e2 = error(0.9f);
        worst_exact = std::max(worst_exact, e0);
        worst_small = std::max(worst_small, e1);
        sum_small += e1;
        sum_d3 += e2;
    }
    const double samples = static_cast<double>((x.size() + 6) / 7);
    CHECK(worst_exact < 1e-3);
    CHECK(worst_small < 0.05);
    CHECK(sum_small / samples < 0.01);
    CHECK(sum_d3 / samples < 0.1); // d3's default theta is still a fair approximation
}

TEST_CASE("a probe point (self = kNone) feels every point") {
    std::vector<float> x = {1.0f, -1.0f, 0.0f}, y = {0.0f, 0.0f, 2.0f};
    QuadTree t;
    t.build(x, y);
    float fx = 0, fy = 0;
    t.repulsion(QuadTree::kNone, 0.0f, 0.0f, 0.0f, 1e-6f, fx, fy);
    CHECK(fx == doctest::Approx(0.0f));
    CHECK(fy == doctest::Approx(-0.5f));
}

// [SECTION] Picking
TEST_CASE("nearest agrees with brute force") {
    std::vector<float> x, y;
    clustered_points(4000, 99, x, y);
    std::vector<float> radius(x.size());
    Rng r(17);
    for (float& v : radius) v = r.uniform(0.0f, 8.0f);
    QuadTree plain, disks;
    plain.build(x, y);
    disks.build(x, y, nullptr, radius.data());

    int hits = 0;
    for (int q = 0; q < 3000; ++q) {
        float px, py;
        if (q % 3 == 0) { // exactly on a point
            const std::size_t i = r.next() % x.size();
            px = x[i];
            py = y[i];
        } else {
            px = r.uniform(-1100.0f, 1100.0f);
            py = r.uniform(-800.0f, 800.0f);
        }
        const float max_dist = q % 2 ? r.uniform(0.0f, 30.0f) : 1e30f;
        const std::uint32_t a = plain.nearest(px, py, max_dist);
        const std::uint32_t b = brute_nearest(x, y, nullptr, px, py, max_dist);
        CHECK(a == b);
        const std::uint32_t c = disks.nearest(px, py, max_dist);
        const std::uint32_t d = brute_nearest(x, y, radius.data(), px, py, max_dist);
        CHECK(c == d);
        hits += a != QuadTree::kNone;
    }
    CHECK(hits > 1000); // the test did exercise real hits
}

TEST_CASE("nearest respects max_dist and radius") {
    std::vector<float> x = {0.0f, 10.0f}, y = {0.0f, 0.0f}, radius = {1.0f, 4.0f};
    QuadTree t;
    t.build(x, y, nullptr, radius.data());
    CHECK(t.nearest(6.0f, 0.0f, 0.0f) == 1);  // inside node 1's disk (gap 0)
    CHECK(t.nearest(3.0f, 0.0f, 2.0f) == 0);  // gap 2 to node 0, 3 to node 1
    CHECK(t.nearest(0.0f, 5.0f, 3.9f) == QuadTree::kNone); // gap 4 > 3.9
    CHECK(t.nearest(0.0f, 5.0f, 4.0f) == 0);
    CHECK(t.nearest(0.0f, 0.0f, -1.0f) == QuadTree::kNone);
    CHECK(t.nearest(NAN, 0.0f, 10.0f) == QuadTree::kNone);
}

} // TEST_SUITE
