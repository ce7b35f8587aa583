// merge.cpp — see merge.h.
//
// Index
//   merge_slice
//   Snapshots and history
#include "core/merge.h"

#include <string_view>
#include <unordered_set>

namespace rgv {

namespace {

std::string edge_key(std::string_view s, std::string_view t, std::string_view type) {
    std::string k;
    k.reserve(s.size() + t.size() + type.size() + 2);
    k.append(s).push_back('\0');
    k.append(t).push_back('\0');
    k.append(type);
    return k;
}

} // namespace

// [SECTION] merge_slice
MergeResult merge_slice(Slice& into, const Slice& other, std::uint32_t anchor, SliceSnapshot* undo) {
    MergeResult r;
    Graph& g = into.graph;
    const Graph& o = other.graph;
    if (undo) *undo = take_snapshot(into);
    if (anchor != kNoNode && anchor >= g.node_count()) {
        r.warnings.push_back("anchor " + std::to_string(anchor) + " is not a node; new nodes start where the layout puts them");
        anchor = kNoNode;
    }
    const std::size_t old_nodes = g.node_count();

    // Nodes: map every node of `other` to its index in `into`.
    std::vector<std::uint32_t> map(o.node_count(), kNoNode);
    for (std::uint32_t i = 0; i < o.node_count(); ++i) {
        const std::uint32_t existing = g.find(o.node_id[i]);
        if (existing == kNoNode) {
            map[i] = g.add_node(o.node_id[i], o.node_type[i], o.node_label[i], o.node_attrs[i]);
            r.new_nodes.push_back(map[i]);
            continue;
        }
        map[i] = existing;
        if (g.node_type[existing] != o.node_type[i])
            r.warnings.push_back("node " + o.node_id[i] + ": type \"" + o.node_type[i] + "\" differs from \"" +
                                 g.node_type[existing] + "\"; kept \"" + g.node_type[existing] + "\"");
        bool changed = false;
        const bool label_fill = g.node_label[existing].empty() && !o.node_label[i].empty();
        bool adds_keys = false;
        if (o.node_attrs[i].is_object() && g.node_attrs[existing].is_object())
            for (auto it = o.node_attrs[i].begin(); it != o.node_attrs[i].end() && !adds_keys; ++it)
                adds_keys = !g.node_attrs[existing].contains(it.key());
        if ((label_fill || adds_keys) && undo && existing < old_nodes) {
            undo->attrs.emplace_back(existing, g.node_attrs[existing]);
            undo->labels.emplace_back(existing, g.node_label[existing]);
        }
        if (label_fill) {
            g.node_label[existing] = o.node_label[i];
            changed = true;
        }
        if (adds_keys) {
            for (auto it = o.node_attrs[i].begin(); it != o.node_attrs[i].end(); ++it)
                if (!g.node_attrs[existing].contains(it.key())) g.node_attrs[existing][it.key()] = it.value();
            changed = true;
        }
        if (changed) ++r.nodes_enriched;
    }

    // Edges: skip the ones already there.
    std::unordered_set<std::string> present;
    present.reserve(g.edge_count() * 2);
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        const auto s = g.edge_source[e], t = g.edge_target[e];
        if (s >= g.node_count() || t >= g.node_count()) continue;
        present.insert(edge_key(g.node_id[s], g.node_id[t], g.edge_type[e]));
        if (!g.edge_directed[e]) present.insert(edge_key(g.node_id[t], g.node_id[s], g.edge_type[e]));
    }
    for (std::size_t e = 0; e < o.edge_count(); ++e) {
        const auto os = o.edge_source[e], ot = o.edge_target[e];
        if (os >= o.node_count() || ot >= o.node_count()) continue;
        const std::string key = edge_key(o.node_id[os], o.node_id[ot], o.edge_type[e]);
        if (present.count(key)) continue;
        const std::string reverse = edge_key(o.node_id[ot], o.node_id[os], o.edge_type[e]);
        if (!o.edge_directed[e] && present.count(reverse)) continue;
        g.add_edge(map[os], map[ot], o.edge_type[e], o.edge_weight[e], o.edge_directed[e] != 0, o.edge_attrs[e]);
        present.insert(key);
        if (!o.edge_directed[e]) present.insert(reverse);
        ++r.edges_added;
    }

    // New nodes start on an old neighbour (or the anchor); the layout spreads them.
    std::vector<std::uint32_t> off, adj;
    g.adjacency(off, adj);
    for (std::uint32_t v : r.new_nodes) {
        std::uint32_t at = anchor;
        for (std::uint32_t k = off[v]; k < off[v + 1]; ++k)
            if (adj[k] < old_nodes) {
                at = adj[k];
                break;
            }
        if (at != kNoNode) {
            g.x[v] = g.x[at];
            g.y[v] = g.y[at];
        }
        g.has_position[v] = 0;
        g.pinned[v] = 0;
    }
    r.nodes_added = r.new_nodes.size();
    return r;
}

// [SECTION] Snapshots and history
SliceSnapshot take_snapshot(const Slice& slice) {
    const Graph& g = slice.graph;
    SliceSnapshot s;
    s.node_count = g.node_count();
    s.edge_count = g.edge_count();
    s.x = g.x;
    s.y = g.y;
    s.pinned = g.pinned;
    s.has_position = g.has_position;
    return s;
}

bool restore_snapshot(Slice& slice, const SliceSnapshot& s) {
    Graph& g = slice.graph;
    if (g.node_count() < s.node_count || g.edge_count() < s.edge_count || s.x.size() != s.node_count)
        return false;
    for (const auto& [node, attrs] : s.attrs)
        if (node < g.node_count()) g.node_attrs[node] = attrs;
    for (const auto& [node, label] : s.labels)
        if (node < g.node_count()) g.node_label[node] = label;
    if (g.node_count() > s.node_count || g.edge_count() > s.edge_count) {
        // Graph keeps its id index private, so rebuild it with the first nodes and edges;
        // move-assigning keeps the Graph object (and pointers to it) the same.
        Graph kept;
        for (std::size_t i = 0; i < s.node_count; ++i)
            kept.add_node(std::move(g.node_id[i]), std::move(g.node_type[i]), std::move(g.node_label[i]),
                          std::move(g.node_attrs[i]));
        for (std::size_t e = 0; e < s.edge_count; ++e)
            kept.add_edge(g.edge_source[e], g.edge_target[e], std::move(g.edge_type[e]), g.edge_weight[e],
                          g.edge_directed[e] != 0, std::move(g.edge_attrs[e]));
        g = std::move(kept);
    }
    g.x = s.x;
    g.y = s.y;
    g.pinned = s.pinned;
    g.has_position = s.has_position;
    return true;
}

MergeResult MergeHistory::merge(Slice& into, const Slice& other, std::uint32_t anchor) {
    SliceSnapshot snapshot;
    MergeResult r = merge_slice(into, other, anchor, &snapshot);
    if (r.nodes_added > 0 || r.edges_added > 0 || r.nodes_enriched > 0) push(std::move(snapshot));
    return r;
}

void MergeHistory::push(SliceSnapshot snapshot) {
    stack_.push_back(std::move(snapshot));
    while (stack_.size() > depth_) stack_.pop_front();
}

bool MergeHistory::undo(Slice& slice) {
    if (stack_.empty()) return false;
    if (!restore_snapshot(slice, stack_.back())) return false;
    stack_.pop_back();
    return true;
}

} // namespace rgv
