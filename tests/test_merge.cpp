// test_merge.cpp — expanding a node: merge_slice and its undo.
//
// Index
//   Helpers
//   Merging     new nodes and edges, duplicates, attributes, positions, warnings
//   Undo        restore_snapshot, MergeHistory depth
#include "core/merge.h"

#include <doctest/doctest.h>

using namespace rgv;

namespace {

// [SECTION] Helpers
Slice base() {
    Slice s;
    s.profile.name = "Me";
    Graph& g = s.graph;
    g.add_node("me", "person", "Me");
    g.add_node("w1", "work", "", {{"year", 2020}});
    g.add_node("bob", "person", "Bob");
    g.add_edge(0, 1, "authored", 1.0f, true);
    g.add_edge(2, 1, "authored", 1.0f, true);
    g.add_edge(0, 2, "coauthor");
    for (std::size_t i = 0; i < 3; ++i) {
        g.x[i] = 10.0f * static_cast<float>(i + 1);
        g.y[i] = -5.0f * static_cast<float>(i + 1);
        g.has_position[i] = 1;
    }
    g.pinned[0] = 1;
    s.focus = 0;
    return s;
}

// Bob's own slice: him, w1 again (with more attributes and a title), a new work, a new
// co-author, the coauthor edge reversed, and a far-away position that must not be used.
Slice bobs() {
    Slice s;
    s.profile.name = "Bob";
    Graph& g = s.graph;
    g.add_node("bob", "person", "Bob", {{"orcid", "0000"}});
    g.add_node("w1", "work", "First work", {{"year", 1999}, {"venue", "X"}});
    g.add_node("w2", "work", "Second work");
    g.add_node("carol", "person", "Carol");
    g.add_node("me", "author", "Me");
    g.add_edge(0, 1, "authored", 1.0f, true);   // present
    g.add_edge(0, 2, "authored", 1.0f, true);   // new
    g.add_edge(3, 2, "authored", 1.0f, true);   // new, carol only knows w2
    g.add_edge(0, 4, "coauthor");                // reverse of an undirected edge: present
    g.add_edge(1, 0, "authored", 1.0f, true);   // reverse of a directed edge: new
    g.add_edge(0, 1, "authored", 1.0f, true);   // duplicate inside `other`: once
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        g.x[i] = 5000;
        g.has_position[i] = 1;
    }
    s.focus = 0;
    return s;
}

} // namespace

TEST_SUITE("merge") {

// [SECTION] Merging
TEST_CASE("new nodes and edges are added once; existing ones kept") {
    Slice s = base();
    const MergeResult r = merge_slice(s, bobs(), 2);
    CHECK(r.nodes_added == 2);
    CHECK(r.new_nodes == std::vector<std::uint32_t>{3, 4});
    CHECK(r.edges_added == 3);
    CHECK(s.graph.node_count() == 5);
    CHECK(s.graph.edge_count() == 6);
    CHECK(s.graph.node_id[3] == "w2");
    CHECK(s.graph.node_id[4] == "carol");
    CHECK(s.graph.edge_type[5] == "authored");
    CHECK(s.graph.node_id[s.graph.edge_source[5]] == "w1"); // the reversed directed edge
    // Profile and focus untouched.
    CHECK(s.profile.name == "Me");
    CHECK(s.focus == 0);
    CHECK(r.warnings == std::vector<std::string>{"node me: type \"author\" differs from \"person\"; kept \"person\""});
}

TEST_CASE("existing attributes win, new keys and empty labels are filled") {
    Slice s = base();
    const MergeResult r = merge_slice(s, bobs(), 2);
    CHECK(r.nodes_enriched == 2); // bob (orcid), w1 (venue + label)
    CHECK(s.graph.node_attrs[1] == nlohmann::json({{"year", 2020}, {"venue", "X"}}));
    CHECK(s.graph.node_label[1] == "First work");
    CHECK(s.graph.node_attrs[2] == nlohmann::json({{"orcid", "0000"}}));
    CHECK(s.graph.node_label[0] == "Me");
}

TEST_CASE("old nodes keep positions; new ones start on their old neighbour, unpositioned") {
    Slice s = base();
    merge_slice(s, bobs(), 2);
    const Graph& g = s.graph;
    CHECK(g.x[0] == 10.0f);
    CHECK(g.y[2] == -15.0f);
    CHECK(g.pinned[0] == 1);
    CHECK(g.has_position[1] == 1);
    // w2 hangs off bob (index 2): starts there. carol only touches w2 (new): the anchor.
    CHECK(g.has_position[3] == 0);
    CHECK(g.x[3] == 30.0f);
    CHECK(g.y[3] == -15.0f);
    CHECK(g.has_position[4] == 0);
    CHECK(g.x[4] == 30.0f);
    CHECK(g.pinned[4] == 0);
}

TEST_CASE("a bad anchor is reported; merging the same slice twice adds nothing") {
    Slice s = base();
    MergeResult r = merge_slice(s, bobs(), 99);
    CHECK(r.warnings.front() == "anchor 99 is not a node; new nodes start where the layout puts them");
    CHECK(s.graph.x[4] == 0.0f); // no neighbour and no anchor: left to the layout
    r = merge_slice(s, bobs(), 2);
    CHECK(r.nodes_added == 0);
    CHECK(r.edges_added == 0);
    CHECK(r.nodes_enriched == 0);
    Slice empty;
    r = merge_slice(s, empty, kNoNode);
    CHECK(r.nodes_added == 0);
}

// [SECTION] Undo
TEST_CASE("undo gives the slice back exactly, the Graph object stays") {
    Slice s = base();
    const Graph* address = &s.graph;
    MergeHistory history;
    CHECK(!history.can_undo());
    history.merge(s, bobs(), 2);
    s.graph.x[0] = 777.0f; // the layout moved things since
    REQUIRE(history.can_undo());
    REQUIRE(history.undo(s));
    const Slice b = base();
    CHECK(&s.graph == address);
    CHECK(s.graph.node_id == b.graph.node_id);
    CHECK(s.graph.node_label == b.graph.node_label);
    CHECK(s.graph.node_attrs == b.graph.node_attrs);
    CHECK(s.graph.edge_source == b.graph.edge_source);
    CHECK(s.graph.edge_type == b.graph.edge_type);
    CHECK(s.graph.x == b.graph.x);
    CHECK(s.graph.pinned == b.graph.pinned);
    CHECK(s.graph.find("carol") == kNoNode); // the id index forgot the dropped nodes
    CHECK(s.graph.find("bob") == 2);
    CHECK(!history.undo(s));
    // And the merge works again after the undo.
    CHECK(merge_slice(s, bobs(), 2).nodes_added == 2);
}

TEST_CASE("history is bounded; a no-op merge pushes nothing; a foreign slice is refused") {
    MergeHistory history(2);
    Slice s = base();
    for (int i = 0; i < 4; ++i) {
        Slice more;
        more.graph.add_node("n" + std::to_string(i), "work", "");
        more.graph.add_node("me", "person", "");
        more.graph.add_edge(0, 1, "authored");
        history.merge(s, more, 0);
    }
    CHECK(history.size() == 2);
    CHECK(s.graph.node_count() == 7);
    history.merge(s, Slice{}, 0);
    CHECK(history.size() == 2);
    REQUIRE(history.undo(s));
    REQUIRE(history.undo(s));
    CHECK(s.graph.node_count() == 5); // the two oldest merges stay
    CHECK(!history.undo(s));

    SliceSnapshot snap = take_snapshot(base());
    Slice small;
    CHECK(!restore_snapshot(small, snap));
    history.push(snap);
    CHECK(!history.undo(small));
    CHECK(history.size() == 1);
}

} // TEST_SUITE
