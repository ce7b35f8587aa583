// test_layout.cpp — the force layout engine and the layout quality metrics.
//
// Index
//   Helpers        small graphs, finiteness, karate loader
//   Determinism    same seed bit-identical, different seed different
//   Pins           pinned and positioned nodes
//   Driving        convergence, progress, run_for, reheat, graph growth
//   Robustness     degenerate graphs never produce NaN
//   Quality        structure shows in the layout; karate scores
//   Metrics        the LAYOUT_METRICS.md scores on hand-checked cases
#include "core/layout.h"
#include "core/layout_metrics.h"

#include <doctest/doctest.h>

#include "test_util.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace rgv;

namespace {

// [SECTION] Helpers
void add_nodes(Graph& g, int n) {
    const int first = static_cast<int>(g.node_count());
    for (int i = 0; i < n; ++i) g.add_node("n" + std::to_string(first + i), "person", "");
}

Graph path_graph(int n) {
    Graph g;
    add_nodes(g, n);
    for (int i = 0; i + 1 < n; ++i) g.add_edge(i, i + 1, "link");
    return g;
}

// Two k-cliques joined by a single edge.
Graph two_cliques(int k) {
    Graph g;
    add_nodes(g, 2 * k);
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < k; ++i)
            for (int j = i + 1; j < k; ++j) g.add_edge(c * k + i, c * k + j, "link");
    g.add_edge(0, k, "bridge");
    return g;
}

// The sample slice's shape: a researcher, works, co-authors, topics.
Graph researcher_graph() {
    Graph g;
    g.add_node("me", "person", "me");
    for (int w = 0; w < 10; ++w) {
        const auto work = g.add_node("w" + std::to_string(w), "work", "");
        g.add_edge(0, work, "authored");
    }
    for (int a = 0; a < 30; ++a) {
        const auto person = g.add_node("a" + std::to_string(a), "person", "");
        g.add_edge(person, 1 + (a % 10), "authored");
        if (a % 4 == 0) g.add_edge(person, 1 + ((a + 3) % 10), "authored");
    }
    for (int t = 0; t < 4; ++t) {
        const auto topic = g.add_node("t" + std::to_string(t), "topic", "");
        for (int w = t; w < 10; w += 4) g.add_edge(1 + w, topic, "about");
    }
    return g;
}

bool all_finite(const Graph& g) {
    for (std::size_t i = 0; i < g.node_count(); ++i)
        if (!std::isfinite(g.x[i]) || !std::isfinite(g.y[i])) return false;
    return true;
}

double dist(const Graph& g, std::size_t a, std::size_t b) {
    return std::hypot(static_cast<double>(g.x[a]) - g.x[b], static_cast<double>(g.y[a]) - g.y[b]);
}

} // namespace

TEST_SUITE("layout") {

// [SECTION] Determinism
TEST_CASE("same seed gives bit-identical positions; another seed differs") {
    auto run = [](std::uint64_t seed) {
        Graph g = researcher_graph();
        LayoutParams p;
        p.seed = seed;
        ForceLayout layout;
        layout.reset(g, p);
        layout.run(120);
        return g;
    };
    const Graph a = run(42), b = run(42), c = run(43);
    REQUIRE(a.node_count() == b.node_count());
    CHECK(std::memcmp(a.x.data(), b.x.data(), a.x.size() * sizeof(float)) == 0);
    CHECK(std::memcmp(a.y.data(), b.y.data(), a.y.size() * sizeof(float)) == 0);
    CHECK(std::memcmp(a.x.data(), c.x.data(), a.x.size() * sizeof(float)) != 0);
}

// [SECTION] Pins
TEST_CASE("pinned nodes stay exactly put; positioned nodes keep their start") {
    Graph g = researcher_graph();
    g.x[5] = 123.5f;
    g.y[5] = -7.25f;
    g.has_position[5] = 1;
    ForceLayout layout;
    layout.reset(g, LayoutParams{});
    CHECK(g.x[5] == 123.5f); // reset keeps given positions
    CHECK(g.y[5] == -7.25f);
    layout.pin(0, 0.0f, 0.0f); // the focal researcher, as the viewer does
    layout.pin(7, 55.0f, 66.0f);
    CHECK(g.pinned[0] == 1);
    layout.run(300);
    CHECK(g.x[0] == 0.0f);
    CHECK(g.y[0] == 0.0f);
    CHECK(g.x[7] == 55.0f);
    CHECK(g.y[7] == 66.0f);
    CHECK(g.x[5] != 123.5f); // has_position alone does not pin

    // A drag: pin elsewhere, reheat, it stays where it was dropped; others follow.
    const float before = g.x[8];
    layout.pin(7, -200.0f, 10.0f);
    layout.reheat();
    layout.run(300);
    CHECK(g.x[7] == -200.0f);
    CHECK(g.y[7] == 10.0f);
    CHECK(g.x[8] != before);

    layout.unpin(7);
    CHECK(g.pinned[7] == 0);
    layout.reheat();
    layout.step();
    CHECK((g.x[7] != -200.0f || g.y[7] != 10.0f));
}

TEST_CASE("nodes pinned before reset keep their position and seed their neighbours") {
    Graph g = path_graph(5);
    g.pinned[0] = 1;
    g.x[0] = 1000.0f;
    g.y[0] = 1000.0f;
    ForceLayout layout;
    layout.reset(g, LayoutParams{});
    CHECK(g.x[0] == 1000.0f);
    CHECK(dist(g, 0, 1) <= 31.0); // starts beside its placed neighbour
    layout.run(300);
    CHECK(g.x[0] == 1000.0f);
    CHECK(g.y[0] == 1000.0f);
    CHECK(all_finite(g));
}

// [SECTION] Driving
TEST_CASE("converges within the cooling schedule; progress is monotonic in [0, 1]") {
    Graph g = researcher_graph();
    ForceLayout layout;
    layout.reset(g, LayoutParams{});
    CHECK(!layout.converged());
    CHECK(layout.progress() == doctest::Approx(0.0f));
    float last = layout.progress();
    int steps = 0;
    while (!layout.converged() && steps < 1000) {
        layout.step();
        ++steps;
        const float p = layout.progress();
        CHECK(p >= last);
        CHECK(p >= 0.0f);
        CHECK(p <= 1.0f);
        last = p;
    }
    CHECK(layout.converged());
    CHECK(steps <= 301); // alpha reaches alpha_min after ~300 steps at the latest
    CHECK(layout.iterations() == static_cast<std::uint32_t>(steps));
    CHECK(layout.progress() == 1.0f);
    CHECK(layout.run(100) == 0); // nothing left to do

    layout.reheat(0.3f);
    CHECK(!layout.converged());
    CHECK(layout.progress() < 1.0f);
    CHECK(layout.progress() > 0.0f);
    CHECK(layout.run(1000) > 0);
    CHECK(layout.converged());
}

TEST_CASE("the movement test ends a settled layout early") {
    Graph g = path_graph(10);
    LayoutParams p;
    ForceLayout layout;
    layout.reset(g, p);
    layout.run(1000);
    // Reload the settled positions as given positions: nothing should need to move much.
    for (auto& h : g.has_position) h = 1;
    p.alpha = 0.05f;
    layout.reset(g, p);
    const int steps = layout.run(1000);
    CHECK(steps < 150);
    CHECK(layout.converged());
    CHECK(layout.progress() == 1.0f);
}

TEST_CASE("run_for keeps roughly to its budget") {
    Graph g;
    add_nodes(g, 3000);
    for (std::uint32_t i = 1; i < 3000; ++i) g.add_edge(i, (i * 7919u) % i, "link");
    ForceLayout layout;
    layout.reset(g, LayoutParams{});
    CHECK(layout.run_for(0.0) == 0);
    const auto start = std::chrono::steady_clock::now();
    const int steps = layout.run_for(30.0);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    CHECK(steps >= 1);
    CHECK(layout.iterations() == static_cast<std::uint32_t>(steps));
    // One step of slack: the estimate can only know the steps already taken.
    CHECK(ms < 30.0 + 3.0 * ms / steps + 5.0);
    CHECK(all_finite(g));
}

TEST_CASE("nodes and edges added after reset are picked up") {
    Graph g = path_graph(6);
    ForceLayout layout;
    layout.reset(g, LayoutParams{});
    layout.run(50);
    add_nodes(g, 3);
    g.add_edge(5, 6, "link");
    g.add_edge(6, 7, "link");
    layout.reheat();
    layout.run(300);
    CHECK(all_finite(g));
    CHECK(dist(g, 5, 6) < 60.0);   // the new node joined its neighbour
    CHECK(dist(g, 6, 8) > 1.0);    // and the unconnected new one was placed apart
}

// [SECTION] Robustness
TEST_CASE("degenerate graphs never produce NaN") {
    ForceLayout layout;
    SUBCASE("no nodes") {
        Graph g;
        layout.reset(g, LayoutParams{});
        CHECK(layout.run(10) <= 1);
        CHECK(layout.converged());
        CHECK(layout.progress() == 1.0f);
    }
    SUBCASE("one node") {
        Graph g;
        add_nodes(g, 1);
        layout.reset(g, LayoutParams{});
        layout.run(300);
        CHECK(all_finite(g));
    }
    SUBCASE("every node at the same given position") {
        Graph g = two_cliques(6);
        for (std::size_t i = 0; i < g.node_count(); ++i) {
            g.x[i] = 3.0f;
            g.y[i] = 3.0f;
            g.has_position[i] = 1;
        }
        layout.reset(g, LayoutParams{});
        layout.run(300);
        CHECK(all_finite(g));
        for (std::size_t i = 0; i < g.node_count(); ++i)
            for (std::size_t j = i + 1; j < g.node_count(); ++j) CHECK(dist(g, i, j) > 0.5);
    }
    SUBCASE("no edges, self-loops, parallel edges, dangling indices") {
        Graph g;
        add_nodes(g, 40);
        g.add_edge(3, 3, "self");
        g.add_edge(1, 2, "a");
        g.add_edge(1, 2, "a");
        g.add_edge(2, 1, "b");
        g.add_edge(4, 999, "dangling");
        layout.reset(g, LayoutParams{});
        layout.run(300);
        CHECK(all_finite(g));
    }
    SUBCASE("everything pinned") {
        Graph g = path_graph(4);
        for (auto& p : g.pinned) p = 1;
        layout.reset(g, LayoutParams{});
        CHECK(layout.run(300) == 1);
        CHECK(layout.converged());
        CHECK(all_finite(g));
    }
    SUBCASE("extreme parameters") {
        Graph g = two_cliques(5);
        LayoutParams p;
        p.theta = 0.0f;
        p.charge_distance_min = 0.0f;
        p.link_distance = 0.0f;
        p.gravity = 0.0f;
        layout.reset(g, p);
        layout.run(300);
        CHECK(all_finite(g));
    }
}

TEST_CASE("disconnected pieces stay together") {
    Graph g;
    add_nodes(g, 60); // 20 isolated nodes, 10 pairs, a 20-path
    for (int i = 20; i < 40; i += 2) g.add_edge(i, i + 1, "link");
    for (int i = 40; i < 59; ++i) g.add_edge(i, i + 1, "link");
    ForceLayout layout;
    layout.reset(g, LayoutParams{});
    layout.run(300);
    double far = 0;
    for (std::size_t i = 0; i < g.node_count(); ++i)
        far = std::max(far, std::hypot(static_cast<double>(g.x[i]), static_cast<double>(g.y[i])));
    CHECK(far < 600.0); // 60 nodes with link distance 30 fit well inside this
    CHECK(far > 50.0);  // but are not crushed together either
}

// [SECTION] Quality
TEST_CASE("two cliques joined by one edge end up as two separate groups") {
    Graph g = two_cliques(8);
    ForceLayout layout;
    layout.reset(g, LayoutParams{});
    layout.run(300);
    double inside = 0, across = 0;
    int n_inside = 0, n_across = 0;
    for (int i = 0; i < 16; ++i)
        for (int j = i + 1; j < 16; ++j) {
            if ((i < 8) == (j < 8)) {
                inside += dist(g, i, j);
                ++n_inside;
            } else {
                across += dist(g, i, j);
                ++n_across;
            }
        }
    CHECK(inside / n_inside < 0.5 * (across / n_across));
    // And connected pairs are closer than unconnected ones overall.
    Graph r = researcher_graph();
    layout.reset(r, LayoutParams{});
    layout.run(300);
    double edges = 0;
    for (std::size_t e = 0; e < r.edge_count(); ++e) edges += dist(r, r.edge_source[e], r.edge_target[e]);
    double all = 0;
    int pairs = 0;
    for (std::size_t i = 0; i < r.node_count(); ++i)
        for (std::size_t j = i + 1; j < r.node_count(); ++j, ++pairs) all += dist(r, i, j);
    CHECK(edges / static_cast<double>(r.edge_count()) < 0.5 * all / pairs);
}

TEST_CASE("the researcher sample comes out untangled and spread") {
    Graph g = researcher_graph();
    ForceLayout layout;
    layout.reset(g, LayoutParams{});
    layout.pin(0, 0.0f, 0.0f);
    layout.run(300);
    const LayoutMetrics m = measure_layout(g);
    CHECK(m.crossings_per_edge < 0.35); // 0.21-0.29 over seeds 1-12
    CHECK(m.edge_length_cv < 0.5);
    double closest = 1e30;
    for (std::size_t i = 0; i < g.node_count(); ++i)
        for (std::size_t j = i + 1; j < g.node_count(); ++j) closest = std::min(closest, dist(g, i, j));
    CHECK(closest > 3.0); // no two nodes on top of each other
}

#ifdef RGV_SHARED_DATA_DIR
TEST_CASE("karate club: quality in line with d3-force or better") {
    Graph g;
    if (!rgv::test::load_shared_graph("karate", g)) {
        MESSAGE("karate.json not found under " RGV_SHARED_DATA_DIR "; skipped");
        return;
    }
    REQUIRE(g.node_count() == 34);
    REQUIRE(g.edge_count() == 78);
    ForceLayout layout;
    layout.reset(g, LayoutParams{});
    layout.run(300);
    REQUIRE(all_finite(g));
    const LayoutMetrics m = measure_layout(g);
    MESSAGE("karate: stress " << m.stress << ", NP " << m.neighbourhood << ", crossings/edge "
                              << m.crossings_per_edge << ", edge-length CV " << m.edge_length_cv);
    CHECK(m.stress < 0.12); // 0.08 here; d3-force-like engines get ~0.1
    CHECK(m.neighbourhood > 0.2);
    CHECK(m.crossings_per_edge < 1.5);
    CHECK(m.edge_length_cv < 0.5);
    // Zachary's two factions (Mr Hi's and the officer's, as networkx's "club") end up
    // apart: members are closer to their own faction than to the other one.
    const int officer[] = {9, 14, 15, 18, 20, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33};
    std::vector<int> side(34, 0);
    for (int i : officer) side[static_cast<std::size_t>(i)] = 1;
    double same = 0, other = 0;
    int n_same = 0, n_other = 0;
    for (std::size_t i = 0; i < 34; ++i)
        for (std::size_t j = i + 1; j < 34; ++j) {
            if (side[i] == side[j]) { same += dist(g, i, j); ++n_same; }
            else { other += dist(g, i, j); ++n_other; }
        }
    MESSAGE("karate factions: within " << same / n_same << ", across " << other / n_other);
    CHECK(same / n_same < 0.75 * (other / n_other));
}
#endif

} // TEST_SUITE

// [SECTION] Metrics
TEST_SUITE("layout_metrics") {

TEST_CASE("a straight path is perfect; a bent one has the hand-computed stress") {
    Graph g = path_graph(3);
    g.x = {0.0f, 1.0f, 2.0f};
    g.y = {0.0f, 0.0f, 0.0f};
    CHECK(layout_stress(g) == doctest::Approx(0.0).epsilon(1e-12));
    CHECK(neighbourhood_preservation(g) == doctest::Approx(1.0));
    CHECK(crossings_per_edge(g) == 0.0);
    CHECK(edge_length_cv(g) == doctest::Approx(0.0));
    // Scale does not matter.
    g.x = {0.0f, 10.0f, 20.0f};
    CHECK(layout_stress(g) == doctest::Approx(0.0).epsilon(1e-12));

    // Equilateral triangle: r = 1, 1, 1/2 -> 1 - 2.5^2 / (3 * 2.25) = 1/13.5.
    g.x = {0.0f, 1.0f, 0.5f};
    g.y = {0.0f, 0.0f, 0.8660254f};
    CHECK(layout_stress(g) == doctest::Approx(1.0 - 6.25 / 6.75).epsilon(1e-6));

    // Node 2 pulled next to node 0: 0's nearest is 2 (graph says 1): Jaccard 0; node 1's
    // two nearest are {0, 2}: 1; node 2's nearest is 0 (graph says 1): 0. NP = 1/3.
    g.x = {0.0f, 1.0f, 0.2f};
    g.y = {0.0f, 0.0f, 0.5f};
    CHECK(neighbourhood_preservation(g) == doctest::Approx(1.0 / 3.0));
}

TEST_CASE("crossings and edge-length CV on a square with its diagonals") {
    Graph g;
    add_nodes(g, 4);
    g.x = {0.0f, 1.0f, 1.0f, 0.0f};
    g.y = {0.0f, 0.0f, 1.0f, 1.0f};
    for (int i = 0; i < 4; ++i) g.add_edge(i, (i + 1) % 4, "side");
    g.add_edge(0, 2, "diagonal");
    g.add_edge(1, 3, "diagonal");
    CHECK(crossings_per_edge(g) == doctest::Approx(1.0 / 6.0));
    // Lengths 1,1,1,1,r2,r2: mean (4 + 2 r2)/6, population std from the two values.
    const double r2 = std::sqrt(2.0), mean = (4 + 2 * r2) / 6;
    const double var = (4 * (1 - mean) * (1 - mean) + 2 * (r2 - mean) * (r2 - mean)) / 6;
    CHECK(edge_length_cv(g) == doctest::Approx(std::sqrt(var) / mean).epsilon(1e-6));
    // Edges that only touch at a shared end never count.
    g.x = {0.0f, 1.0f, 2.0f, 3.0f};
    g.y = {0.0f, 1.0f, 0.0f, 1.0f};
    CHECK(crossings_per_edge(g) > 0.0); // 0-1-2-3 zigzag: the long edges do cross
}

TEST_CASE("sampled stress and crossings approximate the exact values") {
    Graph g = researcher_graph();
    ForceLayout layout;
    layout.reset(g, LayoutParams{});
    layout.run(300);
    const double exact = layout_stress(g);
    const double sampled = layout_stress(g, 0, 20, 3); // force the sampled path
    CHECK(sampled == doctest::Approx(exact).epsilon(0.3));
    const double cx = crossings_per_edge(g);
    const double cs = crossings_per_edge(g, 0, 200000, 3);
    CHECK(cs == doctest::Approx(cx).epsilon(0.25).scale(0.05));
}

} // TEST_SUITE
