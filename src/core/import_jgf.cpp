// import_jgf.cpp — JSON Graph Format v2 (jsongraphformat.info):
//   {"graph": {"directed": bool, "metadata": {...},
//              "nodes": {"<id>": {"label": ..., "metadata": {...}}},
//              "edges": [{"source", "target", "relation", "directed", "label", "metadata"}]}}
// or {"graphs": [graph, ...]} (the first graph is shown, with a warning when there are
// more). v1's nodes array ([{"id": ...}]) is read as well. Type, position, weight and
// anything else come from "metadata"; top-level extras of a node or edge go to attrs.
#include "core/import_internal.h"

namespace rgv {

namespace {

bool read_jgf_node(const json& n, const std::string& p, const std::string& id_pointer,
                   std::string id, GraphBuilder& b, Reporter& report) {
    if (!n.is_object()) return report.fail(p + ": expected an object, got " + got(n));
    NodeFields f;
    if (const json* m = member(n, "metadata"); m && !m->is_null()) {
        if (!read_node_fields(*m, p + "/metadata", {}, f, report)) return false;
    }
    std::string label;
    if (!read_opt_string(n, "label", p, label, report)) return false;
    if (!label.empty()) f.label = label;
    copy_leftovers(n, {"id", "label", "metadata"}, f.attrs);
    std::uint32_t index = kNoNode;
    if (!b.add_node(p, id_pointer, std::move(id), std::move(f.type), std::move(f.label),
                    std::move(f.attrs), &index))
        return false;
    if (f.has_position) b.set_position(index, f.x, f.y, f.pinned);
    return true;
}

bool read_graph(const json& g, const std::string& gp, Slice& slice, GraphBuilder& b,
                Reporter& report) {
    if (!g.is_object()) return report.fail(gp + ": expected an object, got " + got(g));
    bool directed = false;
    if (const json* d = member(g, "directed"); d && !d->is_null()) {
        if (!d->is_boolean()) return report.fail(gp + "/directed: expected true or false, got " + got(*d));
        directed = d->get<bool>();
    }

    const json* nodes = member(g, "nodes");
    const std::string np = gp + "/nodes";
    if (nodes && nodes->is_object()) {
        for (auto it = nodes->begin(); it != nodes->end(); ++it) {
            const std::string p = pointer_key(np, it.key());
            if (!read_jgf_node(it.value(), p, p, it.key(), b, report)) return false;
        }
    } else if (nodes && nodes->is_array()) {
        for (std::size_t i = 0; i < nodes->size(); ++i) {
            const json& n = (*nodes)[i];
            const std::string p = pointer_index(np, i);
            const json* idv = member(n, "id");
            if (n.is_object() && !idv) return report.fail(p + ": missing \"id\"");
            std::string id;
            if (idv && !read_id(*idv, p + "/id", id, report)) return false;
            if (!read_jgf_node(n, p, p + "/id", std::move(id), b, report)) return false;
        }
    } else if (nodes && !nodes->is_null()) {
        return report.fail(np + ": expected an object keyed by node id, got " + got(*nodes));
    }

    const json* edges = member(g, "edges");
    const std::string ep = gp + "/edges";
    if (edges && !edges->is_null() && !edges->is_array())
        return report.fail(ep + ": expected an array, got " + got(*edges));
    for (std::size_t i = 0; edges && edges->is_array() && i < edges->size(); ++i) {
        const json& e = (*edges)[i];
        const std::string p = pointer_index(ep, i);
        if (!e.is_object()) return report.fail(p + ": expected an object, got " + got(e));
        EdgeFields f;
        f.directed = directed;
        if (const json* m = member(e, "metadata"); m && !m->is_null()) {
            if (!read_edge_fields(*m, p + "/metadata", "type", {}, f, report)) return false;
        }
        if (!read_opt_string(e, "relation", p, f.type, report)) return false;
        if (const json* d = member(e, "directed"); d && !d->is_null()) {
            if (!d->is_boolean()) return report.fail(p + "/directed: expected true or false, got " + got(*d));
            f.directed = d->get<bool>();
        }
        copy_leftovers(e, {"source", "target", "relation", "directed", "metadata"}, f.attrs);
        if (!b.add_edge_between(p, e, p, "source", "target", std::move(f))) return false;
    }
    // The graph's own id, label, type and metadata are kept for the round trip.
    json info = json::object();
    copy_leftovers(g, {"nodes", "edges"}, info);
    if (!info.empty()) slice.extra["graph"] = std::move(info);
    return true;
}

} // namespace

bool import_jgf(json& doc, Slice& slice, const ImportOptions& options, Reporter& report) {
    if (!doc.is_object()) return report.fail("top level: expected an object, got " + got(doc));
    GraphBuilder b(slice, options.limits, report);
    if (const json* g = member(doc, "graph")) return read_graph(*g, "/graph", slice, b, report);
    const json* graphs = member(doc, "graphs");
    if (!graphs) return report.fail("top level: missing \"graph\" or \"graphs\"");
    if (!graphs->is_array()) return report.fail("/graphs: expected an array, got " + got(*graphs));
    if (graphs->empty()) return report.fail("/graphs: empty; there is no graph to show");
    if (graphs->size() > 1)
        report.warn("/graphs: " + std::to_string(graphs->size()) +
                    " graphs; only the first (/graphs/0) is shown");
    return read_graph((*graphs)[0], "/graphs/0", slice, b, report);
}

} // namespace rgv
