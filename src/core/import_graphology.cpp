// import_graphology.cpp — graphology's serialisation (graph.export(), graphology.github.io
// "Serialization"):
//   {"attributes": {...}, "options": {"type": "mixed"|"directed"|"undirected", "multi",
//    "allowSelfLoops"}, "nodes": [{"key": ..., "attributes": {...}}],
//    "edges": [{"key"?, "source", "target", "attributes"?: {...}, "undirected"?: bool}]}
// An edge is directed unless the graph type is "undirected" or the edge says
// "undirected": true (graphology's own rule for mixed graphs). Node type, label, x, y
// and edge type / weight come from "attributes", like sigma.js expects them.
#include "core/import_internal.h"

namespace rgv {

bool import_graphology(json& doc, Slice& slice, const ImportOptions& options, Reporter& report) {
    if (!doc.is_object()) return report.fail("top level: expected an object, got " + got(doc));
    GraphBuilder b(slice, options.limits, report);

    std::string type = "mixed";
    if (const json* o = member(doc, "options"); o && !o->is_null()) {
        if (!o->is_object()) return report.fail("/options: expected an object, got " + got(*o));
        if (!read_opt_string(*o, "type", "/options", type, report)) return false;
        if (type != "mixed" && type != "directed" && type != "undirected")
            return report.fail("/options/type: expected \"mixed\", \"directed\" or \"undirected\", got " +
                               in_quotes(type));
    }

    const json* nodes = member(doc, "nodes");
    if (!nodes) return report.fail("/nodes: missing; expected an array of nodes");
    if (!nodes->is_array()) return report.fail("/nodes: expected an array, got " + got(*nodes));
    for (std::size_t i = 0; i < nodes->size(); ++i) {
        const json& n = (*nodes)[i];
        const std::string p = pointer_index("/nodes", i);
        if (!n.is_object()) return report.fail(p + ": expected an object, got " + got(n));
        const json* key = member(n, "key");
        if (!key) return report.fail(p + ": missing \"key\"");
        std::string id;
        if (!read_id(*key, p + "/key", id, report)) return false;
        NodeFields f;
        if (const json* a = member(n, "attributes"); a && !a->is_null()) {
            if (!read_node_fields(*a, p + "/attributes", {}, f, report)) return false;
        }
        std::uint32_t index = kNoNode;
        if (!b.add_node(p, p + "/key", std::move(id), std::move(f.type), std::move(f.label),
                        std::move(f.attrs), &index))
            return false;
        if (f.has_position) b.set_position(index, f.x, f.y, f.pinned);
    }

    const json* edges = member(doc, "edges");
    if (edges && !edges->is_null() && !edges->is_array())
        return report.fail("/edges: expected an array, got " + got(*edges));
    for (std::size_t i = 0; edges && edges->is_array() && i < edges->size(); ++i) {
        const json& e = (*edges)[i];
        const std::string p = pointer_index("/edges", i);
        if (!e.is_object()) return report.fail(p + ": expected an object, got " + got(e));
        EdgeFields f;
        if (const json* a = member(e, "attributes"); a && !a->is_null()) {
            if (!read_edge_fields(*a, p + "/attributes", "type", {}, f, report)) return false;
        }
        bool undirected = type == "undirected";
        if (const json* u = member(e, "undirected"); u && !u->is_null()) {
            if (!u->is_boolean()) return report.fail(p + "/undirected: expected true or false, got " + got(*u));
            undirected = undirected || u->get<bool>();
        }
        f.directed = !undirected;
        if (const json* k = member(e, "key")) f.attrs["key"] = *k;
        if (!b.add_edge_between(p, e, p, "source", "target", std::move(f))) return false;
    }
    for (const char* k : {"attributes", "options"})
        if (const json* v = member(doc, k)) slice.extra[k] = *v;
    return true;
}

} // namespace rgv
