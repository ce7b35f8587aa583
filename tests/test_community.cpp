// test_community.cpp — Louvain community detection.
//
// Index
//   Helpers       small graphs, karate loader
//   Structure     cliques split, karate's modularity, relabelling order
//   Determinism   same seed same partition
//   Robustness    empty graph, isolated nodes, self-loops, zero and NaN weights
#include "core/community.h"

#include <doctest/doctest.h>

#include "test_util.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

using namespace rgv;

namespace {

// [SECTION] Helpers
void add_nodes(Graph& g, int n) {
    const int first = static_cast<int>(g.node_count());
    for (int i = 0; i < n; ++i) g.add_node("n" + std::to_string(first + i), "person", "");
}

Graph two_cliques(int k) {
    Graph g;
    add_nodes(g, 2 * k);
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < k; ++i)
            for (int j = i + 1; j < k; ++j)
                g.add_edge(static_cast<std::uint32_t>(c * k + i), static_cast<std::uint32_t>(c * k + j), "link");
    g.add_edge(0, static_cast<std::uint32_t>(k), "bridge");
    return g;
}

} // namespace

TEST_SUITE("community") {

// [SECTION] Structure
TEST_CASE("two cliques joined by one edge split into two communities") {
    const Graph g = two_cliques(6);
    const Communities c = detect_communities(g);
    REQUIRE(c.community.size() == 12);
    CHECK(c.count == 2);
    CHECK(c.sizes == std::vector<std::uint32_t>{6, 6});
    for (int i = 0; i < 6; ++i) {
        CHECK(c.community[static_cast<std::size_t>(i)] == 0); // the clique holding node 0 is id 0
        CHECK(c.community[static_cast<std::size_t>(6 + i)] == 1);
    }
    // 2 x 15 internal edges of 31; each side has strength 31.
    const double expected = 30.0 / 31.0 - 0.5;
    CHECK(c.modularity == doctest::Approx(expected).epsilon(1e-9));
    CHECK(modularity(g, c.community) == doctest::Approx(expected).epsilon(1e-9));
}

TEST_CASE("communities are numbered by decreasing size, ties by smallest node") {
    Graph g;
    add_nodes(g, 9);
    // Node 0 alone; a triangle 1-2-3; a 5-clique 4..8.
    g.add_edge(1, 2, "l");
    g.add_edge(2, 3, "l");
    g.add_edge(1, 3, "l");
    for (std::uint32_t i = 4; i < 9; ++i)
        for (std::uint32_t j = i + 1; j < 9; ++j) g.add_edge(i, j, "l");
    const Communities c = detect_communities(g);
    CHECK(c.count == 3);
    CHECK(c.sizes == std::vector<std::uint32_t>{5, 3, 1});
    CHECK(c.community == std::vector<std::uint32_t>{2, 1, 1, 1, 0, 0, 0, 0, 0});
}

TEST_CASE("modularity of a partition matches the hand computation") {
    Graph g;
    add_nodes(g, 4);
    g.add_edge(0, 1, "l");
    g.add_edge(2, 3, "l");
    g.add_edge(1, 2, "l");
    // {0,1} {2,3}: inside 1 + 1 of m = 3; strengths 3 and 3 of 6.
    CHECK(modularity(g, {7, 7, 9, 9}) == doctest::Approx(2.0 / 3.0 - 0.5));
    CHECK(modularity(g, {0, 0, 0, 0}) == doctest::Approx(0.0));
    CHECK(modularity(g, {0, 0}) == 0.0); // wrong size
}

TEST_CASE("karate club: modularity at least 0.40") {
#ifdef RGV_SHARED_DATA_DIR
    Graph g;
    if (!rgv::test::load_shared_graph("karate", g)) {
        MESSAGE("karate.json not found under " RGV_SHARED_DATA_DIR "; skipped");
        return;
    }
    REQUIRE(g.node_count() == 34);
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        CommunityOptions o;
        o.seed = seed;
        const Communities c = detect_communities(g, o);
        CAPTURE(seed);
        CHECK(c.modularity >= 0.40);
        CHECK(c.modularity <= 0.4198 + 1e-4); // the best known partition
        CHECK(c.count >= 3);
        CHECK(c.count <= 5);
        CHECK(c.modularity == doctest::Approx(modularity(g, c.community)));
        // Mr Hi (0) and the officer (33) lead different communities.
        CHECK(c.community[0] != c.community[33]);
    }
#else
    MESSAGE("RGV_SHARED_DATA_DIR not set; skipped");
#endif
}

// [SECTION] Determinism
TEST_CASE("the same seed gives the same partition") {
    Graph g;
    add_nodes(g, 60);
    std::uint32_t state = 12345;
    for (int e = 0; e < 200; ++e) {
        state = state * 1664525u + 1013904223u;
        const std::uint32_t a = (state >> 8) % 60;
        state = state * 1664525u + 1013904223u;
        const std::uint32_t b = (a / 10) * 10 + (state >> 8) % 10; // mostly within blocks of 10
        if (a != b) g.add_edge(a, b, "l");
    }
    CommunityOptions o;
    o.seed = 7;
    const Communities a = detect_communities(g, o), b = detect_communities(g, o);
    CHECK(a.community == b.community);
    CHECK(a.modularity == b.modularity);
    CHECK(a.modularity > 0.5);
}

// [SECTION] Robustness
TEST_CASE("empty graph and a graph without edges") {
    const Graph empty;
    const Communities c = detect_communities(empty);
    CHECK(c.community.empty());
    CHECK(c.count == 0);
    CHECK(c.modularity == 0.0);

    Graph g;
    add_nodes(g, 3);
    const Communities d = detect_communities(g);
    CHECK(d.community == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(d.sizes == std::vector<std::uint32_t>{1, 1, 1});
    CHECK(d.modularity == 0.0);
}

TEST_CASE("isolated nodes stay alone next to real communities") {
    Graph g = two_cliques(4);
    add_nodes(g, 2); // 8 and 9 have no edge
    const Communities c = detect_communities(g);
    CHECK(c.count == 4);
    CHECK(c.sizes == std::vector<std::uint32_t>{4, 4, 1, 1});
    CHECK(c.community[8] == 2);
    CHECK(c.community[9] == 3);
}

TEST_CASE("self-loops, zero, negative and NaN weights, bad endpoints are safe") {
    Graph g = two_cliques(5);
    g.add_edge(3, 3, "loop", 2.0f);
    g.add_edge(7, 7, "loop");
    g.add_edge(1, 8, "zero", 0.0f);
    g.add_edge(2, 9, "negative", -5.0f);
    g.add_edge(4, 6, "nan", std::numeric_limits<float>::quiet_NaN());
    g.add_edge(4, 6, "inf", std::numeric_limits<float>::infinity());
    g.add_edge(0, 999, "dangling"); // out of range: skipped, not read
    const Communities c = detect_communities(g);
    CHECK(c.count == 2);
    CHECK(std::isfinite(c.modularity));
    CHECK(c.community[1] != c.community[8]);

    Graph loops;
    add_nodes(loops, 2);
    loops.add_edge(0, 0, "loop");
    loops.add_edge(1, 1, "loop");
    const Communities l = detect_communities(loops);
    CHECK(l.count == 2);
    // Two loops, each community holds its own: 2 * (1/2 - 1/4).
    CHECK(l.modularity == doctest::Approx(0.5));
}

TEST_CASE("parallel edges add up their weights") {
    Graph g;
    add_nodes(g, 4);
    g.add_edge(0, 1, "l");
    g.add_edge(1, 0, "l", 1.0f, true);
    g.add_edge(2, 3, "l", 2.0f);
    g.add_edge(1, 2, "l");
    const Communities c = detect_communities(g);
    CHECK(c.count == 2);
    CHECK(c.community == std::vector<std::uint32_t>{0, 0, 1, 1});
    CHECK(c.modularity == doctest::Approx(4.0 / 5.0 - 0.5));
}

} // TEST_SUITE
