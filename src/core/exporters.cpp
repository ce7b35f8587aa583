// exporters.cpp — see exporters.h.
//
// Index
//   Names
//   Node-link JSON
//   GraphML        key table, typed values, XML escaping
//   export_graph
#include "core/exporters.h"

#include "core/json_reader.h"
#include "core/slice_io.h"

#include <map>

namespace rgv {

using json = nlohmann::json;

// [SECTION] Names
const char* export_format_name(ExportFormat format) {
    switch (format) {
    case ExportFormat::Slice: return "slice";
    case ExportFormat::NodeLink: return "node-link";
    case ExportFormat::GraphMl: return "graphml";
    }
    return "unknown";
}

bool parse_export_format_name(std::string_view name, ExportFormat& out) {
    if (name == "slice" || name == "rgv-slice") out = ExportFormat::Slice;
    else if (name == "node-link" || name == "nodelink" || name == "d3" || name == "networkx") out = ExportFormat::NodeLink;
    else if (name == "graphml") out = ExportFormat::GraphMl;
    else return false;
    return true;
}

namespace {

// [SECTION] Node-link JSON
// Attributes are flattened into the node / link object as networkx does; one whose
// name is taken by a field we write goes into an "attrs" object instead, which the
// node-link importer merges back, so nothing is lost.
void flatten(const json& attrs, json& into, std::initializer_list<const char*> reserved) {
    if (!attrs.is_object()) return;
    for (auto it = attrs.begin(); it != attrs.end(); ++it) {
        bool taken = it.key() == "attrs";
        for (const char* r : reserved) taken = taken || it.key() == r;
        if (taken) into["attrs"][it.key()] = it.value();
        else into[it.key()] = it.value();
    }
}

std::string node_link(const Slice& s) {
    const Graph& g = s.graph;
    json doc = json::object();
    bool directed = false;
    for (std::uint8_t d : g.edge_directed) directed = directed || d;
    doc["directed"] = directed;
    doc["multigraph"] = true; // parallel edges are allowed
    json graph = json::object();
    if (s.focus < g.node_count()) graph["focus"] = g.node_id[s.focus];
    if (!s.profile.name.empty()) graph["name"] = s.profile.name;
    doc["graph"] = std::move(graph);
    json nodes = json::array();
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        json n = json::object();
        n["id"] = g.node_id[i];
        n["type"] = g.node_type[i];
        n["label"] = g.node_label[i];
        n["x"] = float_number(g.x[i]);
        n["y"] = float_number(g.y[i]);
        if (g.pinned[i]) n["pinned"] = true;
        flatten(g.node_attrs[i], n, {"id", "type", "label", "x", "y", "pinned", "name"});
        nodes.push_back(std::move(n));
    }
    doc["nodes"] = std::move(nodes);
    json links = json::array();
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        json l = json::object();
        l["source"] = g.node_id[g.edge_source[e]];
        l["target"] = g.node_id[g.edge_target[e]];
        if (!g.edge_type[e].empty()) l["type"] = g.edge_type[e];
        l["weight"] = float_number(g.edge_weight[e]);
        // In a graph marked directed, an undirected edge must say so explicitly.
        if (g.edge_directed[e] || directed) l["directed"] = g.edge_directed[e] != 0;
        flatten(g.edge_attrs[e], l, {"source", "target", "type", "weight", "directed", "value", "key"});
        links.push_back(std::move(l));
    }
    doc["links"] = std::move(links);
    return doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

// [SECTION] GraphML
// XML 1.0 text: markup characters escaped; bytes that are not valid UTF-8 and control
// characters XML forbids (everything below 0x20 but tab, LF, CR) become U+FFFD, since a
// parser would otherwise reject the whole file.
void xml_escape(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8_sequence_length(s, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        const char c = s[i];
        if (len == 1) {
            switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\t': case '\n': out += c; break;
            case '\r': out += "&#13;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) out += "\xEF\xBF\xBD";
                else out += c;
            }
        } else {
            out.append(s.data() + i, len);
        }
        i += len;
    }
}

// attr.type of a GraphML key from all the values it takes: one JSON type -> that type,
// anything mixed, arrays and objects -> string (JSON text).
struct KeyInfo {
    std::string id;
    std::string type; // boolean, long, double, string; empty until a value is seen
};

const char* graphml_type(const json& v) {
    if (v.is_boolean()) return "boolean";
    if (v.is_number_integer()) return "long";
    if (v.is_number()) return "double";
    return "string";
}

void note_value(KeyInfo& k, const json& v) {
    const std::string t = graphml_type(v);
    if (k.type.empty()) k.type = t;
    else if (k.type != t) k.type = (k.type == "long" && t == "double") || (k.type == "double" && t == "long")
                                       ? "double" : "string";
}

std::string value_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

void data(std::string& out, const char* indent, const std::string& key, const std::string& text) {
    out += indent;
    out += "<data key=\"";
    xml_escape(out, key);
    out += "\">";
    xml_escape(out, text);
    out += "</data>\n";
}

std::string graphml(const Slice& s) {
    const Graph& g = s.graph;
    // Attribute keys get ids "na0", "na1", ... / "ea0", ...; fixed fields have their own.
    std::map<std::string, KeyInfo> node_keys, edge_keys;
    for (const json& a : g.node_attrs)
        if (a.is_object())
            for (auto it = a.begin(); it != a.end(); ++it) note_value(node_keys[it.key()], it.value());
    for (const json& a : g.edge_attrs)
        if (a.is_object())
            for (auto it = a.begin(); it != a.end(); ++it) note_value(edge_keys[it.key()], it.value());
    std::size_t n = 0;
    for (auto& [name, k] : node_keys) k.id = "na" + std::to_string(n++);
    n = 0;
    for (auto& [name, k] : edge_keys) k.id = "ea" + std::to_string(n++);

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    const auto key = [&](const std::string& id, const char* for_, const std::string& name, const std::string& type) {
        out += "  <key id=\"" + id + "\" for=\"" + for_ + "\" attr.name=\"";
        xml_escape(out, name);
        out += "\" attr.type=\"" + type + "\"/>\n";
    };
    key("type", "node", "type", "string");
    key("label", "node", "label", "string");
    key("x", "node", "x", "double");
    key("y", "node", "y", "double");
    key("pinned", "node", "pinned", "boolean");
    for (const auto& [name, k] : node_keys) key(k.id, "node", name, k.type);
    key("etype", "edge", "type", "string");
    key("weight", "edge", "weight", "double");
    for (const auto& [name, k] : edge_keys) key(k.id, "edge", name, k.type);

    out += "  <graph id=\"G\" edgedefault=\"undirected\">\n";
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        out += "    <node id=\"";
        xml_escape(out, g.node_id[i]);
        out += "\">\n";
        data(out, "      ", "type", g.node_type[i]);
        data(out, "      ", "label", g.node_label[i]);
        if (g.has_position[i]) {
            data(out, "      ", "x", float_number(g.x[i]).dump());
            data(out, "      ", "y", float_number(g.y[i]).dump());
        }
        if (g.pinned[i]) data(out, "      ", "pinned", "true");
        const json& a = g.node_attrs[i];
        if (a.is_object())
            for (auto it = a.begin(); it != a.end(); ++it) data(out, "      ", node_keys[it.key()].id, value_text(it.value()));
        out += "    </node>\n";
    }
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        out += "    <edge source=\"";
        xml_escape(out, g.node_id[g.edge_source[e]]);
        out += "\" target=\"";
        xml_escape(out, g.node_id[g.edge_target[e]]);
        out += g.edge_directed[e] ? "\" directed=\"true\">\n" : "\">\n";
        if (!g.edge_type[e].empty()) data(out, "      ", "etype", g.edge_type[e]);
        data(out, "      ", "weight", float_number(g.edge_weight[e]).dump());
        const json& a = g.edge_attrs[e];
        if (a.is_object())
            for (auto it = a.begin(); it != a.end(); ++it) data(out, "      ", edge_keys[it.key()].id, value_text(it.value()));
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

} // namespace

// [SECTION] export_graph
std::string export_graph(const Slice& slice, ExportFormat format) {
    switch (format) {
    case ExportFormat::Slice: {
        bool any_position = false;
        for (std::uint8_t h : slice.graph.has_position) any_position = any_position || h;
        return write_slice(slice, any_position);
    }
    case ExportFormat::NodeLink: return node_link(slice);
    case ExportFormat::GraphMl: return graphml(slice);
    }
    return std::string();
}

} // namespace rgv
