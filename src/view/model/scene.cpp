// scene.cpp — see scene.h.
#include "view/model/scene.h"

#include "core/attributes.h"
#include "core/filter.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace rgv {

namespace {
// Fit view never draws the largest node (the researcher, at least 12 world units) wider
// than this radius, px: the sample fitted to 1280x800 draws it at about 22.
constexpr float kFitMaxNodePx = 28.0f;
} // namespace

// [SECTION] derived from the graph
void Scene::rebuild(const Slice& slice, const ViewOptions& options) {
    const Graph& g = slice.graph;
    g.adjacency(adj_offsets_, adj_targets_, &adj_edges_);
    update_radii(slice, options.size_mode);

    // Label priority: the focal researcher, then by degree, then by index (stable).
    const auto degree = g.degrees();
    label_order_.resize(g.node_count());
    std::iota(label_order_.begin(), label_order_.end(), 0u);
    std::stable_sort(label_order_.begin(), label_order_.end(), [&](std::uint32_t a, std::uint32_t b) {
        if ((a == slice.focus) != (b == slice.focus)) return a == slice.focus;
        return degree[a] > degree[b];
    });

    // Parallel edges (same two nodes, either direction) bend apart: the k-th of n gets a
    // curvature symmetric around 0, signed by direction so A->B and B->A differ.
    edge_curvature_.assign(g.edge_count(), 0.0f);
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_pair;
    for (std::uint32_t e = 0; e < g.edge_count(); ++e) {
        const std::uint32_t a = std::min(g.edge_source[e], g.edge_target[e]);
        const std::uint32_t b = std::max(g.edge_source[e], g.edge_target[e]);
        by_pair[(std::uint64_t{a} << 32) | b].push_back(e);
    }
    for (const auto& [pair, edges] : by_pair) {
        if (edges.size() < 2) continue;
        const float n = static_cast<float>(edges.size());
        for (std::size_t k = 0; k < edges.size(); ++k) {
            const std::uint32_t e = edges[k];
            const float sign = g.edge_source[e] <= g.edge_target[e] ? 1.0f : -1.0f;
            edge_curvature_[e] = sign * 0.22f * (static_cast<float>(k) - (n - 1.0f) * 0.5f);
        }
    }

    has_years_ = slice_year_range(slice, min_year_, max_year_);
    communities_ready_ = false;
    visible_.assign(g.node_count(), 1);
    pick_stamp_ = {};
}

// Node size: by degree (capped, so a hub that links to everything in an ego slice stays a
// node and not a blob over its neighbours), or by citation count where the data has it.
void Scene::update_radii(const Slice& slice, SizeMode mode) {
    const Graph& g = slice.graph;
    const auto degree = g.degrees();
    radius_.resize(g.node_count());
    cited_nodes_ = 0;
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        if (attr::citations(g.node_attrs[i]).value_or(0.0) > 0.0) ++cited_nodes_;
        const float base = g.kind[i] == NodeKind::Work ? 5.0f : g.kind[i] == NodeKind::Person ? 4.0f : 5.5f;
        float measure = static_cast<float>(std::min<std::uint32_t>(degree[i], 40));
        if (mode == SizeMode::Citations) {
            // attrs.citations only: importers map their sources' counts onto it.
            const float cites = static_cast<float>(std::min(attr::citations(g.node_attrs[i]).value_or(0.0), 1e9));
            measure = std::min(std::sqrt(cites), 40.0f);
        }
        radius_[i] = base + 1.1f * std::sqrt(measure);
    }
    if (slice.focus != kNoNode) radius_[slice.focus] = std::max(radius_[slice.focus], 12.0f);
}

std::optional<Str> Scene::no_data_reason(ColorMode mode) const {
    if (mode == ColorMode::Year && !has_years_) return Str::NoDataYear;
    return std::nullopt;
}

std::optional<Str> Scene::no_data_reason(SizeMode mode) const {
    if (mode == SizeMode::Citations && cited_nodes_ == 0) return Str::NoDataCitations;
    return std::nullopt;
}

void Scene::update_visibility(const Slice& slice, const Filter& filter) { visible_ = rgv::visible(slice, filter); }

std::size_t Scene::visible_count() const {
    return static_cast<std::size_t>(std::count(visible_.begin(), visible_.end(), std::uint8_t{1}));
}

bool Scene::is_neighbor_of(std::uint32_t node, std::uint32_t other) const {
    for (std::uint32_t k = adj_offsets_[node]; k < adj_offsets_[node + 1]; ++k)
        if (adj_targets_[k] == other) return true;
    return false;
}

Bounds Scene::bounds(const Graph& g) const {
    if (g.node_count() == 0) return {};
    Bounds b{INFINITY, INFINITY, -INFINITY, -INFINITY};
    float largest = 0.0f;
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        b.x0 = std::min(b.x0, g.x[i] - radius_[i]);
        b.y0 = std::min(b.y0, g.y[i] - radius_[i]);
        b.x1 = std::max(b.x1, g.x[i] + radius_[i]);
        b.y1 = std::max(b.y1, g.y[i] + radius_[i]);
        largest = std::max(largest, radius_[i]);
    }
    b.max_zoom = kFitMaxNodePx / std::max(largest, 1.0f);
    return b;
}

const Communities& Scene::communities(const Graph& g) {
    if (!communities_ready_) {
        communities_ = detect_communities(g);
        communities_ready_ = true;
    }
    return communities_;
}

// [SECTION] picking
std::uint32_t Scene::pick(const Graph& g, const Revisions& rev, float x, float y, float slack) {
    if (pick_stamp_.changed({rev.graph, rev.positions, rev.visibility, rev.style})) {
        // Only visible nodes can be picked: index them alone, remembering who is who.
        pick_nodes_.clear();
        std::vector<float> px, py, pr;
        for (std::uint32_t i = 0; i < g.node_count(); ++i) {
            if (!visible_[i]) continue;
            pick_nodes_.push_back(i);
            px.push_back(g.x[i]);
            py.push_back(g.y[i]);
            pr.push_back(radius_[i]);
        }
        pick_index_.build(px.data(), py.data(), px.size(), nullptr, pr.data());
    }
    const std::uint32_t k = pick_index_.nearest(x, y, slack);
    return k < pick_nodes_.size() ? pick_nodes_[k] : kNoNode;
}

// [SECTION] drawing
std::uint32_t Scene::node_fill(const Slice& slice, const ViewOptions& options, std::uint32_t i) {
    const Graph& g = slice.graph;
    const Theme& t = options.theme;
    if (i == slice.focus) return t.focus;
    switch (options.color_mode) {
    case ColorMode::Community: return community_color(static_cast<int>(communities(g).community[i]));
    case ColorMode::Year: {
        int year = 0;
        if (has_years_ && node_year(g, i, year)) return year_color(year, min_year_, max_year_);
        return t.undated; // neutral, so the ramp reads clearly
    }
    default: return t.kind_color(g.kind[i]);
    }
}

// One edge into a layer: straight or curved (parallel edges bend apart), and its
// arrowhead when arrows are on and it is directed.
void Scene::add_edge(const Graph& g, const ViewOptions& o, GraphLayer& layer, std::uint32_t e, std::uint32_t color,
                     float width) const {
    const std::uint32_t s = g.edge_source[e], t = g.edge_target[e];
    const EdgeInstance inst{g.x[s], g.y[s], g.x[t], g.y[t], color, width, edge_curvature_[e], radius_[s], radius_[t]};
    (inst.curvature != 0.0f ? layer.curved : layer.straight).push_back(inst);
    if (o.show_arrows && g.edge_directed[e]) layer.arrows.push_back(inst);
}

// One node into a layer; a marked one (hovered or selected) gets the dark, wider ring.
void Scene::add_node(const Graph& g, const Theme& t, GraphLayer& layer, std::uint32_t i, std::uint32_t fill,
                     bool marked) const {
    layer.nodes.push_back({g.x[i], g.y[i], radius_[i], fill, marked ? t.ring_selected : t.ring, marked ? 2.5f : 1.5f,
                           static_cast<float>(kind_shape(g.kind[i]))});
}

void Scene::build_base(const Slice& slice, const ViewOptions& options, GraphLayer& layer) {
    const Graph& g = slice.graph;
    layer.clear();
    layer.straight.reserve(g.edge_count());
    for (std::uint32_t e = 0; e < g.edge_count(); ++e) {
        if (!visible_[g.edge_source[e]] || !visible_[g.edge_target[e]]) continue;
        const float weight = std::isfinite(g.edge_weight[e]) ? g.edge_weight[e] : 1.0f;
        add_edge(g, options, layer, e, options.theme.edge, 1.0f + 0.35f * std::clamp(weight - 1.0f, 0.0f, 6.0f));
    }
    layer.nodes.reserve(g.node_count());
    for (std::uint32_t i = 0; i < g.node_count(); ++i)
        if (visible_[i]) add_node(g, options.theme, layer, i, node_fill(slice, options, i), false);
}

void Scene::build_top(const Slice& slice, const ViewOptions& options, std::uint32_t hovered, std::uint32_t selected,
                      const std::vector<std::uint32_t>& marks, GraphLayer& layer) {
    const Graph& g = slice.graph;
    const Theme& t = options.theme;
    layer.clear();
    // Search hits stand out of the veil in their own colours, ringed like a selection, so
    // the list's matches can be found on the graph; a highlight drawn after stays on top.
    for (std::uint32_t i : marks)
        if (i < g.node_count() && visible_[i]) add_node(g, t, layer, i, node_fill(slice, options, i), true);
    const std::uint32_t focus_node = hovered != kNoNode ? hovered : selected;
    if (focus_node == kNoNode || focus_node >= g.node_count() || !visible_[focus_node]) return;
    auto marked = [&](std::uint32_t i) { return i == selected || i == hovered; };
    for (std::uint32_t k = adj_offsets_[focus_node]; k < adj_offsets_[focus_node + 1]; ++k) {
        const std::uint32_t other = adj_targets_[k];
        if (!visible_[other]) continue;
        add_edge(g, options, layer, adj_edges_[k], t.highlight, 1.8f);
        if (other != focus_node) add_node(g, t, layer, other, node_fill(slice, options, other), marked(other));
    }
    add_node(g, t, layer, focus_node, node_fill(slice, options, focus_node), true);
    // The selected node's ring (its fill stays under the veil, faded like the rest).
    if (selected != kNoNode && selected != focus_node && visible_[selected] && !is_neighbor_of(focus_node, selected))
        add_node(g, t, layer, selected, fade(node_fill(slice, options, selected), 0.0f), true);
}

std::uint32_t Scene::veil(const Theme& theme, std::uint32_t hovered, std::uint32_t selected,
                          const std::vector<std::uint32_t>& marks) const {
    const auto shown = [&](std::uint32_t i) { return i < visible_.size() && visible_[i]; };
    const bool highlight = shown(hovered) || shown(selected) || std::any_of(marks.begin(), marks.end(), shown);
    return highlight ? theme.veil : 0u;
}

} // namespace rgv
