// scene.h — the scene builder: what the graph looks like, derived from the slice and the
// view options. Node radii (size mode), visibility (the filter), parallel edges' curvature,
// adjacency, label priority, communities, the pick index, node fills (colour mode and
// theme), and the renderer's two layers: the base (every visible node and edge) and the
// highlight (the hovered or selected node, its neighbours and its edges).
//
// Each part is rebuilt when the revisions it was made from change (Revisions, below),
// never on a frame where nothing it depends on did.
#pragma once

#include "core/community.h"
#include "core/quadtree.h"
#include "core/slice.h"
#include "view/model/camera_controller.h"
#include "view/model/layers.h"
#include "view/model/ui_strings.h"
#include "view/model/view_options.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace rgv {

// Counters that go up when something changes; whoever derives from them remembers the
// values it derived from (a Stamp) instead of keeping dirty flags or copies of the state.
struct Revisions {
    std::uint64_t graph = 1;      // nodes and edges (load, merge, undo)
    std::uint64_t positions = 1;  // the layout or a drag moved nodes
    std::uint64_t filter = 1;     // the filter changed: visibility must follow
    std::uint64_t visibility = 1; // which nodes are shown
    std::uint64_t style = 1;      // colours, sizes, theme, arrows
    std::uint64_t hover = 1;      // the hovered node
    std::uint64_t selection = 1;  // the selected node
    std::uint64_t labels = 1;     // label options (on / off, mode)
    std::uint64_t search = 1;     // the search hits marked on the graph
};

// The revisions something was derived from. changed() is true (and remembers `now`) when
// any differs.
template <std::size_t N> struct Stamp {
    std::array<std::uint64_t, N> seen{};
    bool changed(const std::array<std::uint64_t, N>& now) {
        if (now == seen) return false;
        seen = now;
        return true;
    }
    bool differs(const std::array<std::uint64_t, N>& now) const { return now != seen; }
};

class Scene {
public:
    // [SECTION] derived from the graph
    // After a load, a merge or an undo: everything below, for this graph.
    void rebuild(const Slice& slice, const ViewOptions& options);
    void update_radii(const Slice& slice, SizeMode mode);
    void update_visibility(const Slice& slice, const Filter& filter);

    float radius(std::uint32_t i) const { return radius_[i]; }
    const std::vector<float>& radii() const { return radius_; }
    bool visible(std::uint32_t i) const { return visible_[i] != 0; }
    std::size_t visible_count() const;
    float curvature(std::uint32_t e) const { return edge_curvature_[e]; }
    // Neighbour entries of a node: targets and the edge behind each (Graph::adjacency).
    std::uint32_t neighbors_begin(std::uint32_t i) const { return adj_offsets_[i]; }
    std::uint32_t neighbors_end(std::uint32_t i) const { return adj_offsets_[i + 1]; }
    std::uint32_t neighbor(std::uint32_t k) const { return adj_targets_[k]; }
    std::uint32_t neighbor_edge(std::uint32_t k) const { return adj_edges_[k]; }
    std::uint32_t degree(std::uint32_t i) const { return adj_offsets_[i + 1] - adj_offsets_[i]; }
    bool is_neighbor_of(std::uint32_t node, std::uint32_t other) const;
    // Nodes by label priority: the focal researcher, then by degree, then by index.
    const std::vector<std::uint32_t>& label_order() const { return label_order_; }
    Bounds bounds(const Graph& g) const;
    bool has_years() const { return has_years_; }
    // Nodes with a citation count above 0 (what size by citations has to work with).
    std::size_t cited_nodes() const { return cited_nodes_; }
    // Why a mode shows nothing on this slice (Str::NoDataYear: "No node in this slice has a
    // year ..."), or nothing when it has data to show. The panel and the explorer's toolbar say it.
    std::optional<Str> no_data_reason(ColorMode mode) const;
    std::optional<Str> no_data_reason(SizeMode mode) const;
    int min_year() const { return min_year_; }
    int max_year() const { return max_year_; }
    // Louvain communities, computed on first use after a load.
    const Communities& communities(const Graph& g);
    std::uint32_t community_count() const { return communities_ready_ ? static_cast<std::uint32_t>(communities_.count) : 0; }

    // [SECTION] picking
    // The visible node within `slack` world units of a node's disc at (x, y), or kNoNode.
    // The quadtree is rebuilt when positions, visibility or radii changed.
    std::uint32_t pick(const Graph& g, const Revisions& rev, float x, float y, float slack);

    // [SECTION] drawing
    std::uint32_t node_fill(const Slice& slice, const ViewOptions& options, std::uint32_t i);
    // The whole visible graph as it looks with nothing highlighted.
    void build_base(const Slice& slice, const ViewOptions& options, GraphLayer& layer);
    // The highlight over the veil: the search hits (`marks`, each with the marked ring), then
    // the focus (hovered, else selected) node, its neighbours and the edges between them, and
    // the selected node's ring even when the hovered one is elsewhere. O(degree + marks).
    void build_top(const Slice& slice, const ViewOptions& options, std::uint32_t hovered, std::uint32_t selected,
                   const std::vector<std::uint32_t>& marks, GraphLayer& layer);
    // The veil's colour: the theme's while a visible node is highlighted or marked, else none.
    std::uint32_t veil(const Theme& theme, std::uint32_t hovered, std::uint32_t selected,
                       const std::vector<std::uint32_t>& marks) const;

private:
    void add_edge(const Graph& g, const ViewOptions& o, GraphLayer& layer, std::uint32_t e, std::uint32_t color,
                  float width) const;
    void add_node(const Graph& g, const Theme& t, GraphLayer& layer, std::uint32_t i, std::uint32_t fill, bool marked) const;

    std::vector<float> radius_;        // world radius per node
    std::vector<std::uint8_t> visible_; // drawn and pickable (the layout still moves them all)
    std::vector<float> edge_curvature_; // per edge; non-zero for parallel edges
    std::vector<std::uint32_t> adj_offsets_, adj_targets_, adj_edges_;
    std::vector<std::uint32_t> label_order_;
    int min_year_ = 0, max_year_ = 0;
    bool has_years_ = false;
    std::size_t cited_nodes_ = 0;
    Communities communities_;
    bool communities_ready_ = false;
    QuadTree pick_index_;
    std::vector<std::uint32_t> pick_nodes_; // the visible node of each point in pick_index_
    Stamp<4> pick_stamp_;                   // graph, positions, visibility, style
};

} // namespace rgv
