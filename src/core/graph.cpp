// graph.cpp — see graph.h.
#include "core/graph.h"

#include <algorithm>

namespace rgv {

NodeKind node_kind_from_type(std::string_view type) {
    if (type == "work" || type == "paper") return NodeKind::Work;
    if (type == "person" || type == "author" || type == "researcher") return NodeKind::Person;
    if (type == "topic" || type == "concept") return NodeKind::Topic;
    if (type == "institution" || type == "organization") return NodeKind::Institution;
    return NodeKind::Other;
}

const char* node_kind_name(NodeKind kind) {
    switch (kind) {
    case NodeKind::Work: return "work";
    case NodeKind::Person: return "person";
    case NodeKind::Topic: return "topic";
    case NodeKind::Institution: return "institution";
    default: return "other";
    }
}

std::uint32_t Graph::add_node(std::string id, std::string type, std::string label,
                              nlohmann::json attrs) {
    if (id_index_.count(id)) return kNoNode;
    const auto index = static_cast<std::uint32_t>(node_id.size());
    id_index_.emplace(id, index);
    x.push_back(0.0f);
    y.push_back(0.0f);
    pinned.push_back(0);
    has_position.push_back(0);
    kind.push_back(node_kind_from_type(type));
    node_id.push_back(std::move(id));
    node_label.push_back(std::move(label));
    node_type.push_back(std::move(type));
    node_attrs.push_back(std::move(attrs));
    return index;
}

std::uint32_t Graph::add_edge(std::uint32_t source, std::uint32_t target, std::string type,
                              float weight, bool directed, nlohmann::json attrs) {
    const auto index = static_cast<std::uint32_t>(edge_source.size());
    edge_source.push_back(source);
    edge_target.push_back(target);
    edge_weight.push_back(weight);
    edge_type.push_back(std::move(type));
    edge_directed.push_back(directed ? 1 : 0);
    edge_attrs.push_back(std::move(attrs));
    return index;
}

std::uint32_t Graph::find(std::string_view id) const {
    auto it = id_index_.find(std::string(id));
    return it == id_index_.end() ? kNoNode : it->second;
}

std::vector<std::uint32_t> Graph::degrees() const {
    std::vector<std::uint32_t> deg(node_count(), 0);
    for (std::size_t e = 0; e < edge_count(); ++e) {
        ++deg[edge_source[e]];
        ++deg[edge_target[e]];
    }
    return deg;
}

void Graph::adjacency(std::vector<std::uint32_t>& adj_offsets, std::vector<std::uint32_t>& adj_targets,
                      std::vector<std::uint32_t>* adj_edges) const {
    const auto deg = degrees();
    adj_offsets.assign(node_count() + 1, 0);
    for (std::size_t i = 0; i < node_count(); ++i) adj_offsets[i + 1] = adj_offsets[i] + deg[i];
    adj_targets.assign(adj_offsets.back(), 0);
    if (adj_edges) adj_edges->assign(adj_offsets.back(), 0);
    std::vector<std::uint32_t> fill(adj_offsets.begin(), adj_offsets.end() - 1);
    for (std::size_t e = 0; e < edge_count(); ++e) {
        const std::uint32_t at_source = fill[edge_source[e]]++, at_target = fill[edge_target[e]]++;
        adj_targets[at_source] = edge_target[e];
        adj_targets[at_target] = edge_source[e];
        if (adj_edges) (*adj_edges)[at_source] = (*adj_edges)[at_target] = static_cast<std::uint32_t>(e);
    }
}

std::size_t Graph::count_kind(NodeKind k) const {
    return static_cast<std::size_t>(std::count(kind.begin(), kind.end(), k));
}

void Graph::clear() { *this = Graph(); }

} // namespace rgv
