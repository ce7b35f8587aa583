// graph.h — the in-memory graph model shared by every part of rgv.
//
// Index
//   NodeKind      the node types the viewer knows how to draw; anything else is Other
//   Graph         nodes and edges as flat arrays (structure of arrays)
//
// Why flat arrays: the layout engine and the renderer walk every node every frame.
// Keeping x/y/kind in their own contiguous vectors (like graphology's ForceAtlas2
// Float32Arrays) keeps those loops cache-friendly and lets the renderer upload them
// without repacking. Per-node strings and free-form attributes live in parallel
// vectors that the hot loops never touch.
//
// This file is part of src/core/: no SDL, GL, ImGui or Emscripten include, ever.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rgv {

// [SECTION] NodeKind
enum class NodeKind : std::uint8_t { Work = 0, Person, Topic, Institution, Other, Count };

// Maps a type string of the slice ("work", "person", ...) to a kind; unknown strings
// give Other (the original string is kept in Graph::node_type).
NodeKind node_kind_from_type(std::string_view type);
const char* node_kind_name(NodeKind kind);

constexpr std::uint32_t kNoNode = 0xFFFFFFFFu;

// [SECTION] Graph
class Graph {
public:
    // Hot node data: one entry per node, indexed 0..node_count()-1.
    std::vector<float> x, y;              // layout position (world units)
    std::vector<std::uint8_t> pinned;     // 1 = the layout must not move it
    std::vector<std::uint8_t> has_position; // 1 = x/y came from the input
    std::vector<NodeKind> kind;

    // Cold node data.
    std::vector<std::string> node_id;
    std::vector<std::string> node_label;
    std::vector<std::string> node_type;   // the type string as given
    std::vector<nlohmann::json> node_attrs; // everything else the input said (kept, not dropped)

    // Edges: one entry per edge.
    std::vector<std::uint32_t> edge_source, edge_target;
    std::vector<float> edge_weight;
    std::vector<std::string> edge_type;
    std::vector<std::uint8_t> edge_directed;
    std::vector<nlohmann::json> edge_attrs;

    std::size_t node_count() const { return node_id.size(); }
    std::size_t edge_count() const { return edge_source.size(); }

    // Adds a node; returns its index, or kNoNode when the id is already taken.
    std::uint32_t add_node(std::string id, std::string type, std::string label,
                           nlohmann::json attrs = nlohmann::json::object());
    // Adds an edge between two existing node indices; returns its index.
    std::uint32_t add_edge(std::uint32_t source, std::uint32_t target, std::string type,
                           float weight = 1.0f, bool directed = false,
                           nlohmann::json attrs = nlohmann::json::object());

    // Index of the node with this id, or kNoNode.
    std::uint32_t find(std::string_view id) const;

    // Degree of every node (undirected count), computed on demand.
    std::vector<std::uint32_t> degrees() const;
    // Compressed adjacency (CSR): neighbours of node i are
    // adj_targets[adj_offsets[i] .. adj_offsets[i+1]); with adj_edges, the edge that
    // links them is at the same position there.
    void adjacency(std::vector<std::uint32_t>& adj_offsets, std::vector<std::uint32_t>& adj_targets,
                   std::vector<std::uint32_t>* adj_edges = nullptr) const;

    std::size_t count_kind(NodeKind k) const;
    void clear();

private:
    std::unordered_map<std::string, std::uint32_t> id_index_;
};

} // namespace rgv
