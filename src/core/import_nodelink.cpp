// import_nodelink.cpp — d3 / networkx node-link JSON:
//   {"directed": bool, "multigraph": bool, "graph": {...},
//    "nodes": [{"id": ..., ...}], "links" (or "edges"): [{"source": ..., "target": ...}]}
// Ids may be strings or integers; a node without "id" is known by its index. An integer
// end is looked up as an id first, then as a node index (d3's default id accessor), and
// an object end (d3 after a simulation ran) by its "id", else its "index".
#include "core/import_internal.h"

namespace rgv {

namespace {

bool resolve_end(const json& v, const std::string& pointer, const Graph& g, std::string& out,
                 Reporter& report) {
    const json* end = &v;
    if (v.is_object()) { // d3 replaces ends with the node objects themselves
        end = member(v, "id");
        if (end == nullptr) end = member(v, "index");
        if (end == nullptr) return report.fail(pointer + ": a node object without \"id\" or \"index\"");
    }
    if (!read_id(*end, pointer, out, report)) return false;
    if (end->is_number_integer() && g.find(out) == kNoNode) {
        const auto i = end->get<std::int64_t>();
        if (i >= 0 && static_cast<std::uint64_t>(i) < g.node_count())
            out = g.node_id[static_cast<std::size_t>(i)];
    }
    return true;
}

} // namespace

bool import_nodelink(json& doc, Slice& slice, const ImportOptions& options, Reporter& report) {
    if (!doc.is_object()) return report.fail("top level: expected an object, got " + got(doc));
    GraphBuilder b(slice, options.limits, report);

    const json* nodes = member(doc, "nodes");
    if (!nodes) return report.fail("/nodes: missing; expected an array of nodes");
    if (!nodes->is_array()) return report.fail("/nodes: expected an array, got " + got(*nodes));
    const char* links_key = member(doc, "links") ? "links" : "edges";
    const json* links = member(doc, links_key);
    if (links && !links->is_array())
        return report.fail(std::string("/") + links_key + ": expected an array, got " + got(*links));

    bool directed = false;
    if (const json* d = member(doc, "directed"); d && !d->is_null()) {
        if (!d->is_boolean()) return report.fail("/directed: expected true or false, got " + got(*d));
        directed = d->get<bool>();
    }

    for (std::size_t i = 0; i < nodes->size(); ++i) {
        const json& n = (*nodes)[i];
        const std::string p = pointer_index("/nodes", i);
        NodeFields f;
        if (!read_node_fields(n, p, {"id"}, f, report)) return false;
        std::string id = std::to_string(i);
        if (const json* v = member(n, "id"); v && !read_id(*v, p + "/id", id, report)) return false;
        std::uint32_t index = kNoNode;
        if (!b.add_node(p, p + "/id", std::move(id), std::move(f.type), std::move(f.label),
                        std::move(f.attrs), &index))
            return false;
        if (f.has_position) b.set_position(index, f.x, f.y, f.pinned);
        else b.graph().pinned[index] = f.pinned ? 1 : 0;
    }

    const std::string base = std::string("/") + links_key;
    for (std::size_t i = 0; links && i < links->size(); ++i) {
        const json& e = (*links)[i];
        const std::string p = pointer_index(base, i);
        EdgeFields f;
        f.directed = directed;
        if (!read_edge_fields(e, p, "type", {"source", "target", "key"}, f, report)) return false;
        std::string ends[2];
        const char* keys[2] = {"source", "target"};
        for (int k = 0; k < 2; ++k) {
            const json* v = member(e, keys[k]);
            if (!v) return report.fail(p + ": missing " + in_quotes(keys[k]));
            if (!resolve_end(*v, p + "/" + keys[k], b.graph(), ends[k], report)) return false;
        }
        if (!b.add_edge(p, p + "/source", p + "/target", ends[0], ends[1], std::move(f.type),
                        f.weight, f.directed, std::move(f.attrs)))
            return false;
    }

    // Graph-level attributes and flags are kept for the round trip.
    for (const char* k : {"graph", "multigraph"})
        if (const json* v = member(doc, k)) slice.extra[k] = *v;
    return true;
}

} // namespace rgv
