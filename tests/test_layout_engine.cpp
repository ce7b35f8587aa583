// test_layout_engine.cpp — the layout engine's newer parts: golden positions, the
// ForceAtlas2 model, weighted springs, collision, radial rings, incremental growth,
// the multilevel start, portable maths and QuadTree::within. Small graphs only.
//
// Index
//   Helpers
//   Golden positions    a seed gives these exact numbers (native and wasm alike)
//   ForceAtlas2         determinism, pins, quality floor
//   Forces              weights, collision, radial rings
//   Incremental         new nodes start beside their anchors; old nodes' drift bound
//   Multilevel          small graph forced through the multilevel path
//   Internals           portable sin/cos/log, decay schedule, QuadTree::within
#include "core/layout.h"
#include "core/layout_internal.h"
#include "core/layout_metrics.h"

#include <doctest/doctest.h>

#include "test_util.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

using namespace rgv;

namespace {

// [SECTION] Helpers
void add_n(Graph& g, int n) {
    const int first = static_cast<int>(g.node_count());
    for (int i = 0; i < n; ++i) g.add_node("v" + std::to_string(first + i), "person", "");
}


double dist(const Graph& g, std::size_t a, std::size_t b) {
    return std::hypot(static_cast<double>(g.x[a]) - g.x[b], static_cast<double>(g.y[a]) - g.y[b]);
}

bool finite(const Graph& g) {
    for (std::size_t i = 0; i < g.node_count(); ++i)
        if (!std::isfinite(g.x[i]) || !std::isfinite(g.y[i])) return false;
    return true;
}

// A w x h grid graph.
Graph grid(int w, int h) {
    Graph g;
    add_n(g, w * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const auto i = static_cast<std::uint32_t>(y * w + x);
            if (x + 1 < w) g.add_edge(i, i + 1, "link");
            if (y + 1 < h) g.add_edge(i, i + static_cast<std::uint32_t>(w), "link");
        }
    return g;
}

} // namespace

TEST_SUITE("layout_engine") {

// [SECTION] Golden positions
// Recorded from this engine; the same bits come out natively (gcc, x86-64) and in wasm
// (emcc), because the simulation uses no libm transcendental and a portable quadtree
// partition. A change here means the engine's numbers changed: re-record on purpose.
TEST_CASE("golden positions for a seed (karate, both models)") {
    struct Golden { LayoutModel model; float x0, y0, x33, y33; };
    const Golden golden[] = {
        {LayoutModel::D3, -49.0643f, 1.86921f, 44.6196f, 6.51361f},
        {LayoutModel::ForceAtlas2, -30.8665f, -0.487927f, 24.7622f, 1.29654f},
    };
    for (const Golden& gd : golden) {
        Graph g = test::karate();
        LayoutParams p;
        p.model = gd.model;
        p.seed = 7;
        ForceLayout layout;
        layout.reset(g, p);
        layout.run(300);
        MESSAGE("model " << static_cast<int>(gd.model) << ": " << g.x[0] << ", " << g.y[0] << ", "
                         << g.x[33] << ", " << g.y[33]);
        CHECK(g.x[0] == doctest::Approx(gd.x0).epsilon(1e-4));
        CHECK(g.y[0] == doctest::Approx(gd.y0).epsilon(1e-4));
        CHECK(g.x[33] == doctest::Approx(gd.x33).epsilon(1e-4));
        CHECK(g.y[33] == doctest::Approx(gd.y33).epsilon(1e-4));
    }
}

// [SECTION] ForceAtlas2
TEST_CASE("ForceAtlas2: deterministic, converges, keeps pins, good karate picture") {
    auto run = [](std::uint64_t seed, bool linlog) {
        Graph g = test::karate();
        LayoutParams p;
        p.model = LayoutModel::ForceAtlas2;
        p.fa2_linlog = linlog;
        p.seed = seed;
        ForceLayout layout;
        layout.reset(g, p);
        layout.pin(0, 5.0f, -5.0f);
        const int steps = layout.run(1000);
        CHECK(layout.converged());
        CHECK(steps <= 301);
        CHECK(g.x[0] == 5.0f);
        CHECK(g.y[0] == -5.0f);
        CHECK(finite(g));
        return g;
    };
    const Graph a = run(3, false), b = run(3, false), c = run(4, false);
    CHECK(std::memcmp(a.x.data(), b.x.data(), a.x.size() * sizeof(float)) == 0);
    CHECK(std::memcmp(a.x.data(), c.x.data(), a.x.size() * sizeof(float)) != 0);
    const LayoutMetrics m = measure_layout(a);
    MESSAGE("karate fa2: stress " << m.stress << " NP " << m.neighbourhood << " crossings " << m.crossings_per_edge);
    CHECK(m.stress < 0.2);
    CHECK(m.neighbourhood > 0.3);
    CHECK(m.crossings_per_edge < 1.5);
    const Graph l = run(3, true);
    CHECK(measure_layout(l).neighbourhood > 0.25);
}

TEST_CASE("model names") {
    LayoutModel m = LayoutModel::D3;
    CHECK(parse_layout_model("fa2", m));
    CHECK(m == LayoutModel::ForceAtlas2);
    CHECK(parse_layout_model("d3", m));
    CHECK(m == LayoutModel::D3);
    CHECK(!parse_layout_model("sfdp", m));
    CHECK(!parse_layout_model(nullptr, m));
}

// [SECTION] Forces
TEST_CASE("heavier edges pull harder, in both models") {
    for (const LayoutModel model : {LayoutModel::D3, LayoutModel::ForceAtlas2}) {
        Graph g; // a hub with ten leaves; leaf 1's edge is 8x heavier than the others
        add_n(g, 11);
        for (std::uint32_t i = 1; i <= 10; ++i) g.add_edge(0, i, "link", i == 1 ? 8.0f : 1.0f);
        LayoutParams p;
        p.model = model;
        ForceLayout layout;
        layout.reset(g, p);
        layout.run(300);
        double others = 0;
        for (std::uint32_t i = 2; i <= 10; ++i) others += dist(g, 0, i) / 9.0;
        CHECK(dist(g, 0, 1) < 0.9 * others);
        // Influence 0 ignores weights: all leaves alike (within the jitter of the start).
        p.weight_influence = 0.0f;
        layout.reset(g, p);
        layout.run(300);
        others = 0;
        for (std::uint32_t i = 2; i <= 10; ++i) others += dist(g, 0, i) / 9.0;
        CHECK(dist(g, 0, 1) == doctest::Approx(others).epsilon(0.2));
    }
}

TEST_CASE("collision keeps disks apart") {
    Graph g = grid(6, 6);
    LayoutParams p;
    p.link_distance = 5.0f; // springs want the nodes far closer than their disks allow
    p.charge = -1.0f;
    p.node_radius.assign(g.node_count(), 6.0f);
    p.node_radius[0] = 12.0f;
    ForceLayout layout;
    layout.reset(g, p);
    layout.run(300);
    REQUIRE(finite(g));
    double worst = 1e30;
    for (std::size_t i = 0; i < g.node_count(); ++i)
        for (std::size_t j = i + 1; j < g.node_count(); ++j)
            worst = std::min(worst, dist(g, i, j) / (p.node_radius[i] + p.node_radius[j]));
    MESSAGE("closest pair at " << worst << " of the sum of radii");
    CHECK(worst > 0.85);
    // Without collision the same graph packs much tighter.
    p.node_radius.clear();
    layout.reset(g, p);
    layout.run(300);
    double closest = 1e30;
    for (std::size_t i = 0; i < g.node_count(); ++i)
        for (std::size_t j = i + 1; j < g.node_count(); ++j) closest = std::min(closest, dist(g, i, j));
    CHECK(closest < 10.0);
}

TEST_CASE("radial layout puts nodes on rings by hop distance") {
    Graph g; // focus 0; 6 at one hop, 12 at two, 6 at three
    add_n(g, 25);
    for (std::uint32_t i = 1; i <= 6; ++i) {
        g.add_edge(0, i, "link");
        g.add_edge(i, 6 + i, "link");
        g.add_edge(i, 12 + i, "link");
        g.add_edge(6 + i, 18 + i, "link");
    }
    g.add_edge(1, 2, "link");
    for (const LayoutModel model : {LayoutModel::D3, LayoutModel::ForceAtlas2}) {
        LayoutParams p;
        p.model = model;
        p.radial_focus = 0;
        ForceLayout layout;
        layout.reset(g, p);
        layout.pin(0, 0.0f, 0.0f);
        layout.run(300);
        REQUIRE(finite(g));
        for (std::size_t i = 1; i < 25; ++i) {
            const double r = std::hypot(static_cast<double>(g.x[i]), static_cast<double>(g.y[i]));
            const double want = (i <= 6 ? 1.0 : i <= 18 ? 2.0 : 3.0) * 2.0 * p.link_distance;
            CHECK(r == doctest::Approx(want).epsilon(0.2));
        }
    }
}

// [SECTION] Incremental
// The viewer's growth path: a settled layout, a neighbour's slice merged in (new nodes
// attached to old ones), add_nodes_incremental(), run to convergence. New nodes start
// within one link distance of a node they attach to, and old nodes drift little: mean
// under 0.25 link distances, every one under 1.5 (measured: see the MESSAGE).
TEST_CASE("incremental growth: new nodes start beside their anchors; bounded drift") {
    for (const LayoutModel model : {LayoutModel::D3, LayoutModel::ForceAtlas2}) {
        Graph g = test::karate();
        LayoutParams p;
        p.model = model;
        ForceLayout layout;
        layout.reset(g, p);
        layout.run(1000);
        const std::vector<float> x0 = g.x, y0 = g.y;
        double mean_edge = 0;
        for (std::size_t e = 0; e < g.edge_count(); ++e) mean_edge += dist(g, g.edge_source[e], g.edge_target[e]);
        mean_edge /= static_cast<double>(g.edge_count());
        // Eight new nodes: a chain of three off node 5, four leaves of node 33, one bridge.
        add_n(g, 8);
        g.add_edge(5, 34, "link");
        g.add_edge(34, 35, "link");
        g.add_edge(35, 36, "link");
        for (std::uint32_t i = 37; i <= 40; ++i) g.add_edge(33, i, "link");
        g.add_edge(41, 0, "link");
        g.add_edge(41, 33, "link");
        layout.add_nodes_incremental();
        CHECK(layout.anchored_count() == 34);
        CHECK(dist(g, 5, 34) <= 1.01 * p.link_distance);
        CHECK(dist(g, 34, 35) <= 1.01 * p.link_distance);
        CHECK(dist(g, 33, 38) <= 1.01 * p.link_distance);
        CHECK(std::min(dist(g, 0, 41), dist(g, 33, 41)) <= 1.01 * p.link_distance);
        layout.run(1000);
        CHECK(layout.converged());
        CHECK(layout.anchored_count() == 0);
        REQUIRE(finite(g));
        double sum = 0, worst = 0;
        for (std::size_t i = 0; i < 34; ++i) {
            const double d = std::hypot(static_cast<double>(g.x[i]) - x0[i], static_cast<double>(g.y[i]) - y0[i]);
            sum += d;
            worst = std::max(worst, d);
        }
        const double mean_drift = sum / 34.0 / mean_edge, max_drift = worst / mean_edge;
        MESSAGE("model " << static_cast<int>(model) << ": drift mean " << mean_drift << ", max "
                         << max_drift << " (in mean edge lengths)");
        CHECK(mean_drift < 0.25);
        CHECK(max_drift < 1.5);
        CHECK(dist(g, 5, 34) < 2.5 * mean_edge); // and the new ones joined in
    }
}

// [SECTION] Multilevel
TEST_CASE("multilevel start: a grid comes out untangled") {
    Graph g = grid(25, 24);
    LayoutParams p;
    p.multilevel_min_nodes = 200; // force the multilevel path on a small graph
    ForceLayout layout;
    layout.reset(g, p);
    CHECK(layout.used_multilevel());
    layout.run(1000);
    CHECK(layout.converged());
    REQUIRE(finite(g));
    const LayoutMetrics m = measure_layout(g);
    MESSAGE("grid 25x24 multilevel: stress " << m.stress << ", crossings/edge " << m.crossings_per_edge);
    CHECK(m.stress < 0.1);
    CHECK(m.crossings_per_edge < 0.25);
}

// [SECTION] Internals
TEST_CASE("portable maths agree with libm") {
    using namespace layout_detail;
    for (double a = -40.0; a < 40.0; a += 0.37) {
        double s, c;
        portable_sincos(a, s, c);
        CHECK(s == doctest::Approx(std::sin(a)).epsilon(1e-12).scale(1.0));
        CHECK(c == doctest::Approx(std::cos(a)).epsilon(1e-12).scale(1.0));
    }
    for (double x = 1e-6; x < 1e7; x *= 3.7) CHECK(portable_log(x) == doctest::Approx(std::log(x)).epsilon(1e-12));
    const float d = decay_for(0.001f, 300);
    CHECK(d == doctest::Approx(0.0227627790f).epsilon(1e-5));
}

TEST_CASE("QuadTree::within matches brute force") {
    std::vector<float> x, y, r;
    std::uint64_t s = 5;
    for (int i = 0; i < 500; ++i) {
        x.push_back(layout_detail::uniform01(s) * 100.0f);
        y.push_back(layout_detail::uniform01(s) * 100.0f);
        r.push_back(layout_detail::uniform01(s) * 3.0f);
    }
    QuadTree t;
    t.build(x.data(), y.data(), x.size(), nullptr, r.data());
    std::vector<std::uint32_t> got;
    for (int q = 0; q < 50; ++q) {
        const float px = layout_detail::uniform01(s) * 100.0f, py = layout_detail::uniform01(s) * 100.0f;
        t.within(px, py, 6.0f, got);
        std::sort(got.begin(), got.end());
        std::vector<std::uint32_t> want;
        for (std::uint32_t i = 0; i < x.size(); ++i)
            if (std::sqrt((px - x[i]) * (px - x[i]) + (py - y[i]) * (py - y[i])) - r[i] <= 6.0f) want.push_back(i);
        CHECK(got == want);
    }
}

} // TEST_SUITE
