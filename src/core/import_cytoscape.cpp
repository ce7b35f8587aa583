// import_cytoscape.cpp — Cytoscape.js elements (js.cytoscape.org, "Element JSON"):
//   a flat array [{"group": "nodes"|"edges", "data": {"id", "source", "target", ...},
//                  "position": {"x", "y"}, "locked": bool, "classes": ...}],
//   {"elements": that array}, or grouped {"elements": {"nodes": [...], "edges": [...]}}
//   (cy.json()'s shape; the grouped object is also accepted without "elements").
// In a flat array without "group", an element whose data has "source" is an edge. All
// nodes are added before any edge, as cy.add() does, so order does not matter.
#include "core/import_internal.h"

namespace rgv {

namespace {

struct Element {
    const json* value;
    std::string pointer;
};

bool read_node(const Element& el, GraphBuilder& b, Reporter& report) {
    const json& n = *el.value;
    const std::string& p = el.pointer;
    const json* data = member(n, "data");
    if (!data) return report.fail(p + ": missing \"data\"");
    const std::string dp = p + "/data";
    if (!data->is_object()) return report.fail(dp + ": expected an object, got " + got(*data));
    const json* idv = member(*data, "id");
    if (!idv) return report.fail(dp + ": missing \"id\"");
    std::string id;
    if (!read_id(*idv, dp + "/id", id, report)) return false;
    NodeFields f;
    if (!read_node_fields(*data, dp, {"id"}, f, report)) return false;
    float x = 0.0f, y = 0.0f;
    bool has_position = false;
    if (const json* pos = member(n, "position"); pos && !pos->is_null()) {
        if (!pos->is_object()) return report.fail(p + "/position: expected an object, got " + got(*pos));
        if (!read_position(*pos, "x", "y", p + "/position", x, y, has_position, report)) return false;
    }
    bool locked = false;
    if (const json* l = member(n, "locked"); l && !l->is_null()) {
        if (!l->is_boolean()) return report.fail(p + "/locked: expected true or false, got " + got(*l));
        locked = l->get<bool>();
    }
    if (const json* c = member(n, "classes")) f.attrs["classes"] = *c;
    std::uint32_t index = kNoNode;
    if (!b.add_node(p, dp + "/id", std::move(id), std::move(f.type), std::move(f.label),
                    std::move(f.attrs), &index))
        return false;
    if (has_position) b.set_position(index, x, y, locked);
    else if (f.has_position) b.set_position(index, f.x, f.y, locked || f.pinned);
    else b.graph().pinned[index] = locked ? 1 : 0;
    return true;
}

bool read_edge(const Element& el, GraphBuilder& b, Reporter& report) {
    const json& e = *el.value;
    const std::string& p = el.pointer;
    const json* data = member(e, "data");
    if (!data) return report.fail(p + ": missing \"data\"");
    const std::string dp = p + "/data";
    if (!data->is_object()) return report.fail(dp + ": expected an object, got " + got(*data));
    EdgeFields f;
    if (!read_edge_fields(*data, dp, "type", {"source", "target"}, f, report)) return false;
    if (const json* c = member(e, "classes")) f.attrs["classes"] = *c;
    return b.add_edge_between(p, *data, dp, "source", "target", std::move(f));
}

// Sorts a flat array into nodes and edges.
bool split_flat(const json& a, const std::string& base, std::vector<Element>& nodes,
                std::vector<Element>& edges, Reporter& report) {
    for (std::size_t i = 0; i < a.size(); ++i) {
        const json& el = a[i];
        const std::string p = pointer_index(base, i);
        if (!el.is_object()) return report.fail(p + ": expected an object, got " + got(el));
        bool is_edge = false;
        if (const json* g = member(el, "group")) {
            if (*g == "nodes") is_edge = false;
            else if (*g == "edges") is_edge = true;
            else return report.fail(p + "/group: expected \"nodes\" or \"edges\", got " +
                                    (g->is_string() ? g->dump() : got(*g)));
        } else {
            const json* data = member(el, "data");
            is_edge = data && member(*data, "source");
        }
        (is_edge ? edges : nodes).push_back({&el, p});
    }
    return true;
}

bool collect_group(const json& obj, const std::string& base, const char* key,
                   std::vector<Element>& out, Reporter& report) {
    const json* a = member(obj, key);
    if (!a || a->is_null()) return true;
    const std::string p = pointer_key(base, key);
    if (!a->is_array()) return report.fail(p + ": expected an array, got " + got(*a));
    for (std::size_t i = 0; i < a->size(); ++i) {
        const json& el = (*a)[i];
        const std::string ep = pointer_index(p, i);
        if (!el.is_object()) return report.fail(ep + ": expected an object, got " + got(el));
        out.push_back({&el, ep});
    }
    return true;
}

} // namespace

bool import_cytoscape(json& doc, Slice& slice, const ImportOptions& options, Reporter& report) {
    GraphBuilder b(slice, options.limits, report);
    std::vector<Element> nodes, edges;
    const json* elements = &doc;
    std::string base;
    if (doc.is_object() && member(doc, "elements")) {
        elements = member(doc, "elements");
        base = "/elements";
    }
    if (elements->is_array()) {
        if (!split_flat(*elements, base, nodes, edges, report)) return false;
    } else if (elements->is_object()) {
        if (!member(*elements, "nodes"))
            return report.fail((base.empty() ? std::string("top level") : base) +
                               ": expected an array of elements or {\"nodes\", \"edges\"}");
        if (!collect_group(*elements, base, "nodes", nodes, report) ||
            !collect_group(*elements, base, "edges", edges, report))
            return false;
    } else {
        return report.fail((base.empty() ? std::string("top level") : base) +
                           ": expected an array of elements or {\"nodes\", \"edges\"}, got " +
                           got(*elements));
    }
    for (const Element& n : nodes)
        if (!read_node(n, b, report)) return false;
    for (const Element& e : edges)
        if (!read_edge(e, b, report)) return false;
    // cy.json()'s other keys (style, zoom, pan, ...) are kept for the round trip.
    if (doc.is_object())
        for (auto it = doc.begin(); it != doc.end(); ++it)
            if (it.key() != "elements" && it.key() != "nodes" && it.key() != "edges")
                slice.extra[it.key()] = it.value();
    return true;
}

} // namespace rgv
