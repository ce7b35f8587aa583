// test_graph.cpp — the graph model's derived views: degrees and the CSR adjacency (with
// the edge behind each neighbour entry, which the viewer's highlight layer draws from).
#include "core/graph.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using namespace rgv;

TEST_SUITE("graph") {

TEST_CASE("adjacency lists every neighbour once per edge, with the edge that links them") {
    Graph g;
    for (int i = 0; i < 4; ++i) g.add_node("n" + std::to_string(i), "person", "");
    g.add_edge(0, 1, "link"); // e0
    g.add_edge(2, 0, "link"); // e1: stored under both ends whatever its direction
    g.add_edge(0, 1, "link"); // e2: a parallel edge is a second entry
    g.add_edge(3, 3, "self"); // e3: a self-loop counts at both of its ends
    std::vector<std::uint32_t> offsets, targets, edges;
    g.adjacency(offsets, targets, &edges);
    REQUIRE(offsets == std::vector<std::uint32_t>{0, 3, 5, 6, 8});
    REQUIRE(targets.size() == 8);
    REQUIRE(edges.size() == 8);
    auto entries = [&](std::uint32_t node) {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> out; // (neighbour, edge)
        for (std::uint32_t k = offsets[node]; k < offsets[node + 1]; ++k) out.emplace_back(targets[k], edges[k]);
        std::sort(out.begin(), out.end());
        return out;
    };
    using Entries = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
    CHECK(entries(0) == Entries{{1, 0}, {1, 2}, {2, 1}});
    CHECK(entries(1) == Entries{{0, 0}, {0, 2}});
    CHECK(entries(2) == Entries{{0, 1}});
    CHECK(entries(3) == Entries{{3, 3}, {3, 3}});
    // Without the edge list the neighbours are the same.
    std::vector<std::uint32_t> offsets2, targets2;
    g.adjacency(offsets2, targets2);
    CHECK(offsets2 == offsets);
    CHECK(targets2 == targets);
    CHECK(g.degrees() == std::vector<std::uint32_t>{3, 2, 1, 2});
}

TEST_CASE("an empty graph has an empty adjacency") {
    Graph g;
    std::vector<std::uint32_t> offsets{7}, targets{7}, edges{7};
    g.adjacency(offsets, targets, &edges);
    CHECK(offsets == std::vector<std::uint32_t>{0});
    CHECK(targets.empty());
    CHECK(edges.empty());
}

} // TEST_SUITE
