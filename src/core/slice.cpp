// slice.cpp — parse_slice(): "rgv-slice" version 1 JSON text -> Slice. See slice.h and
// docs/slice-format.md (the format and every refuse / repair rule).
//
// Index
//   Schema           profile, nodes, edges, focus -> Slice
//   parse_slice
//
// Two passes, and never a DOM of the whole file: check_json (json_reader.h: iterative
// SAX, limits enforced while reading) checks the text without keeping anything, then the
// schema pass parses the top-level members and one node or edge at a time from their
// text (so peak memory is the model plus one element, not the model plus a DOM several
// times the file's size). The same schema pass reads a DOM for read_slice_document. Nothing here throws: no .at(),
// no get<T>() without a type check first (emcc builds with exceptions off).
#include "core/slice.h"

#include "core/attributes.h"
#include "core/import_internal.h"

#include <cstdint>
#include <limits>
#include <utility>

namespace rgv {

namespace {

using json = nlohmann::json;

constexpr const char* kSchemaName = "rgv-slice";
constexpr int kSchemaVersion = 1;
// [SECTION] Schema

// Reads a non-negative integer that fits `int`. A number of the wrong kind is quoted
// in the message, since "expected an integer, got number" would not say what is wrong.
bool read_count(const json& v, const std::string& pointer, int& out, Reporter& report) {
    if (!v.is_number())
        return report.fail(pointer + ": expected a non-negative integer, got " + got(v));
    const auto max = static_cast<std::uint64_t>(std::numeric_limits<int>::max());
    bool ok = false;
    if (v.is_number_unsigned()) ok = v.get<std::uint64_t>() <= max;
    else if (v.is_number_integer()) ok = v.get<std::int64_t>() >= 0; // negative, else unsigned
    if (!ok) return report.fail(pointer + ": expected a non-negative integer, got " + v.dump());
    out = static_cast<int>(v.get<std::uint64_t>());
    return true;
}

bool read_string(const json& v, const std::string& pointer, std::string& out, Reporter& report) {
    if (!v.is_string()) return report.fail(pointer + ": expected a string, got " + got(v));
    out = v.get<std::string>();
    return true;
}

bool read_bool(const json& v, const std::string& pointer, bool& out, Reporter& report) {
    if (!v.is_boolean()) return report.fail(pointer + ": expected true or false, got " + got(v));
    out = v.get<bool>();
    return true;
}

bool read_coordinate(const json& v, const std::string& pointer, float& out, Reporter& report) {
    if (!v.is_number()) return report.fail(pointer + ": expected a number, got " + got(v));
    const double d = v.get<double>();
    if (!fits_float(d))
        return report.fail(pointer + ": number out of range, got " + v.dump());
    out = static_cast<float>(d);
    return true;
}


bool read_profile(const json& v, Profile& p, Reporter& report) {
    const std::string base = "/profile";
    if (!v.is_object()) return report.fail(base + ": expected an object, got " + got(v));
    if (const json* m = member(v, "name"); m && !read_string(*m, base + "/name", p.name, report))
        return false;
    if (const json* m = member(v, "headline");
        m && !read_string(*m, base + "/headline", p.headline, report))
        return false;
    if (const json* m = member(v, "affiliation")) {
        if (m->is_null()) {
            p.affiliation.reset();
        } else {
            if (!m->is_string())
                return report.fail(base + "/affiliation: expected a string or null, got " + got(*m));
            p.affiliation = m->get<std::string>();
        }
    }
    if (const json* m = member(v, "trust")) {
        const std::string tp = base + "/trust";
        if (!m->is_object()) return report.fail(tp + ": expected an object, got " + got(*m));
        if (const json* s = member(*m, "score");
            s && !read_count(*s, tp + "/score", p.trust_score, report))
            return false;
        if (const json* b = member(*m, "band");
            b && !read_string(*b, tp + "/band", p.trust_band, report))
            return false;
    }
    if (const json* m = member(v, "verification");
        m && !read_string(*m, base + "/verification", p.verification, report))
        return false;
    if (const json* m = member(v, "claimed"); m && !read_bool(*m, base + "/claimed", p.claimed, report))
        return false;
    if (const json* m = member(v, "open_to_collaborate");
        m && !read_bool(*m, base + "/open_to_collaborate", p.open_to_collaborate, report))
        return false;
    if (const json* m = member(v, "counts_source");
        m && !read_string(*m, base + "/counts_source", p.counts_source, report))
        return false;
    if (const json* m = member(v, "focus_inferred");
        m && !read_bool(*m, base + "/focus_inferred", p.focus_inferred, report))
        return false;
    if (const json* m = member(v, "counts")) {
        const std::string cp = base + "/counts";
        if (!m->is_object()) return report.fail(cp + ": expected an object, got " + got(*m));
        const std::pair<const char*, int*> fields[] = {{"works", &p.works},
                                                       {"followers", &p.followers},
                                                       {"topics", &p.topics},
                                                       {"close_collaborators", &p.close_collaborators}};
        for (const auto& [key, target] : fields)
            if (const json* c = member(*m, key); c && !read_count(*c, pointer_key(cp, key), *target, report))
                return false;
    }
    return true;
}

// Keys of a node or edge object that are not in `known` go into attrs: the viewer keeps
// what it does not understand. A key given both ways keeps the value inside "attrs".
void merge_extras(json& object, const std::string& pointer,
                  std::initializer_list<const char*> known, json& attrs, Reporter& report) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool is_known = false;
        for (const char* k : known) is_known = is_known || it.key() == k;
        if (is_known) continue;
        if (attrs.contains(it.key())) {
            report.warn(pointer_key(pointer, it.key()) +
                        ": also given inside \"attrs\"; the value in \"attrs\" is kept");
            continue;
        }
        attrs[it.key()] = std::move(it.value());
    }
}

bool read_attrs(json& object, const std::string& pointer, json& attrs, Reporter& report) {
    auto it = object.find("attrs");
    if (it == object.end()) {
        attrs = json::object();
        return true;
    }
    if (!it->is_object())
        return report.fail(pointer + "/attrs: expected an object, got " + got(*it));
    attrs = std::move(*it);
    return true;
}

bool read_node(std::size_t i, json& n, Graph& g, Reporter& report) {
    const std::string p = pointer_index("/nodes", i);
    if (!n.is_object()) return report.fail(p + ": expected an object, got " + got(n));

    const json* id_v = member(n, "id");
    if (!id_v) return report.fail(p + ": missing \"id\"");
    std::string id;
    if (!read_string(*id_v, p + "/id", id, report)) return false;
    if (id.empty()) return report.fail(p + "/id: empty node id");

    const json* type_v = member(n, "type");
    if (!type_v) return report.fail(p + ": missing \"type\"");
    std::string type;
    if (!read_string(*type_v, p + "/type", type, report)) return false;

    std::string label = id;
    if (const json* m = member(n, "label"); m && !read_string(*m, p + "/label", label, report))
        return false;

    const json* xv = member(n, "x");
    const json* yv = member(n, "y");
    if ((xv == nullptr) != (yv == nullptr))
        return report.fail(p + (xv ? "/y" : "/x") + ": missing; give both \"x\" and \"y\" or neither");
    float x = 0.0f, y = 0.0f;
    if (xv && (!read_coordinate(*xv, p + "/x", x, report) ||
               !read_coordinate(*yv, p + "/y", y, report)))
        return false;

    bool pinned = false;
    if (const json* m = member(n, "pinned"); m && !read_bool(*m, p + "/pinned", pinned, report))
        return false;

    json attrs;
    if (!read_attrs(n, p, attrs, report)) return false;
    merge_extras(n, p, {"id", "type", "label", "x", "y", "pinned", "attrs"}, attrs, report);

    if (g.find(id) != kNoNode)
        return report.fail(p + "/id: duplicate node id " + in_quotes(id));
    const std::uint32_t index = g.add_node(std::move(id), std::move(type), std::move(label),
                                           std::move(attrs));
    if (xv) {
        g.x[index] = x;
        g.y[index] = y;
        g.has_position[index] = 1;
    }
    g.pinned[index] = pinned ? 1 : 0;
    return true;
}

bool read_edge(std::size_t i, json& e, Graph& g, Reporter& report) {
    const std::string p = pointer_index("/edges", i);
    if (!e.is_object()) return report.fail(p + ": expected an object, got " + got(e));

    std::string ends[2];
    const char* end_keys[2] = {"source", "target"};
    for (int k = 0; k < 2; ++k) {
        const json* v = member(e, end_keys[k]);
        if (!v) return report.fail(p + ": missing " + in_quotes(end_keys[k]));
        if (!read_string(*v, p + "/" + end_keys[k], ends[k], report)) return false;
    }

    std::string type;
    if (const json* m = member(e, "type"); m && !read_string(*m, p + "/type", type, report))
        return false;

    float weight = 1.0f;
    bool negative_weight = false;
    std::string weight_text;
    if (const json* m = member(e, "weight")) {
        if (!m->is_number())
            return report.fail(p + "/weight: expected a number, got " + got(*m));
        const double w = m->get<double>();
        if (!fits_float(w))
            return report.fail(p + "/weight: number out of range, got " + m->dump());
        if (w < 0.0) {
            negative_weight = true;
            weight_text = m->dump();
            weight = 0.0f;
        } else {
            weight = static_cast<float>(w);
        }
    }

    bool directed = false;
    if (const json* m = member(e, "directed"); m && !read_bool(*m, p + "/directed", directed, report))
        return false;

    json attrs;
    if (!read_attrs(e, p, attrs, report)) return false;

    // Schema errors above refuse the file; these two only drop the edge. The file
    // is still well-formed, it just refers to something the slice does not contain.
    const std::uint32_t s = g.find(ends[0]);
    const std::uint32_t t = g.find(ends[1]);
    if (s == kNoNode || t == kNoNode) {
        const int k = s == kNoNode ? 0 : 1;
        report.warn(p + "/" + end_keys[k] + ": unknown node id " + in_quotes(ends[k]) +
                    "; edge dropped");
        return true;
    }
    if (s == t) {
        report.warn(p + ": self-loop on " + in_quotes(ends[0]) + "; edge dropped");
        return true;
    }
    if (negative_weight)
        report.warn(p + "/weight: negative weight " + weight_text + " set to 0");

    merge_extras(e, p, {"source", "target", "type", "weight", "directed", "attrs"}, attrs, report);
    g.add_edge(s, t, std::move(type), weight, directed, std::move(attrs));
    return true;
}

std::uint32_t first_person(const Graph& g) {
    for (std::size_t i = 0; i < g.node_count(); ++i)
        if (g.kind[i] == NodeKind::Person) return static_cast<std::uint32_t>(i);
    return kNoNode;
}

bool read_focus(const json* v, Slice& s, Reporter& report) {
    const Graph& g = s.graph;
    std::string reason;
    if (v == nullptr) {
        reason = "/focus: missing";
    } else {
        std::string id;
        if (!read_string(*v, "/focus", id, report)) return false;
        s.focus = g.find(id);
        if (s.focus != kNoNode) return true;
        reason = "/focus: no node has id " + in_quotes(id);
    }
    s.focus = first_person(g);
    if (s.focus == kNoNode)
        report.warn(reason + " and there is no person node; no focal researcher");
    else
        report.warn(reason + "; using the first person node " + in_quotes(g.node_id[s.focus]));
    return true;
}

// Where the top-level "nodes" or "edges" array is: a DOM value, or the value's text in
// checked input (then each element is parsed on its own and dropped once read).
struct ArrayInput {
    json* value = nullptr;
    std::string_view text;
    bool present() const { return value != nullptr || !text.empty(); }
};

// The type name got() would give for the value starting with this character.
const char* type_name_of_text(std::string_view t) {
    switch (t.empty() ? 'n' : t.front()) {
    case '{': return "object";
    case '[': return "array";
    case '"': return "string";
    case 't': case 'f': return "boolean";
    case 'n': return "null";
    default: return "number";
    }
}

template <class Read>
bool for_each_item(const ArrayInput& in, const char* pointer, Reporter& report, Read read) {
    if (in.value != nullptr) {
        if (!in.value->is_array())
            return report.fail(std::string(pointer) + ": expected an array, got " + got(*in.value));
        for (std::size_t i = 0; i < in.value->size(); ++i)
            if (!read(i, (*in.value)[i])) return false;
        return true;
    }
    if (in.text.front() != '[')
        return report.fail(std::string(pointer) + ": expected an array, got " +
                           type_name_of_text(in.text));
    return for_each_element(in.text, [&](std::size_t i, std::string_view element) {
        json e = parse_checked(element);
        return read(i, e);
    });
}

// Attributes under another spelling of a well-known name (publication_year for year):
// the viewer does not read them, so the loader says which name to use, once per
// spelling, at its first place, with how many nodes and edges use it. An attrs object
// that also has the well-known name is fine (a source's raw field kept beside it).
class SpellingTally {
public:
    void add(const json& attrs, const std::string& pointer, bool node) {
        if (!attrs.is_object()) return;
        for (auto it = attrs.begin(); it != attrs.end(); ++it) {
            const char* canonical = attr::canonical_for(it.key());
            if (canonical == nullptr || attrs.contains(canonical)) continue;
            Seen* seen = nullptr;
            for (Seen& s : seen_)
                if (s.key == it.key()) seen = &s;
            if (seen == nullptr) {
                seen_.push_back({it.key(), canonical, pointer_key(pointer + "/attrs", it.key())});
                seen = &seen_.back();
            }
            ++(node ? seen->nodes : seen->edges);
        }
    }
    void report(Reporter& report) const {
        for (const Seen& s : seen_) {
            std::string count;
            if (s.nodes) count = std::to_string(s.nodes) + (s.nodes == 1 ? " node" : " nodes");
            if (s.edges)
                count += (count.empty() ? "" : ", ") + std::to_string(s.edges) + (s.edges == 1 ? " edge" : " edges");
            report.warn(s.pointer + ": unknown spelling of a well-known attribute; use " + in_quotes(s.canonical) +
                        " (" + count + ")");
        }
    }

private:
    struct Seen {
        std::string key;
        const char* canonical;
        std::string pointer;
        std::size_t nodes = 0, edges = 0;
    };
    std::vector<Seen> seen_;
};

// The schema pass proper. `head` is the top-level object (its "nodes" and "edges", if
// still there, are ignored: they come in through `nodes` and `edges`).
bool read_slice_parts(json& head, const ArrayInput& nodes, const ArrayInput& edges, Slice& s,
                      Reporter& report) {
    const json* schema = member(head, "schema");
    if (!schema) return report.fail("/schema: missing; expected \"rgv-slice\"");
    if (!schema->is_string())
        return report.fail("/schema: expected the string \"rgv-slice\", got " + got(*schema));
    if (schema->get<std::string>() != kSchemaName)
        return report.fail("/schema: expected \"rgv-slice\", got " + schema->dump());

    const json* version = member(head, "version");
    if (!version) return report.fail("/version: missing; expected 1");
    if (!version->is_number())
        return report.fail("/version: expected the number 1, got " + got(*version));
    if (!version->is_number_integer() || version->get<std::int64_t>() != kSchemaVersion)
        return report.fail("/version: unsupported version " + version->dump() +
                           "; this viewer reads version 1");
    s.version = kSchemaVersion;

    if (const json* m = member(head, "profile"); m && !read_profile(*m, s.profile, report))
        return false;

    Graph& g = s.graph;
    if (!nodes.present()) return report.fail("/nodes: missing; expected an array of nodes");
    SpellingTally spellings;
    if (!for_each_item(nodes, "/nodes", report, [&](std::size_t i, json& n) {
            if (!read_node(i, n, g, report)) return false;
            spellings.add(g.node_attrs.back(), pointer_index("/nodes", i), true);
            return true;
        }))
        return false;
    if (edges.present() && !for_each_item(edges, "/edges", report, [&](std::size_t i, json& e) {
            const std::size_t before = g.edge_count();
            if (!read_edge(i, e, g, report)) return false;
            if (g.edge_count() > before) spellings.add(g.edge_attrs.back(), pointer_index("/edges", i), false);
            return true;
        }))
        return false;
    spellings.report(report);

    if (!read_focus(member(head, "focus"), s, report)) return false;

    // Other top-level keys ("meta", ...) are kept in Slice::extra and written back by
    // write_slice: refusing them would make the format impossible to extend, dropping
    // them would make the round trip lossy.
    for (auto it = head.begin(); it != head.end(); ++it) {
        const std::string& k = it.key();
        if (k == "schema" || k == "version" || k == "focus" || k == "profile" || k == "nodes" ||
            k == "edges")
            continue;
        s.extra[k] = std::move(it.value());
    }
    return true;
}

} // namespace

bool read_slice_document(json& doc, Slice& s, Reporter& report) {
    if (!doc.is_object()) return report.fail("top level: expected an object, got " + got(doc));
    ArrayInput nodes, edges;
    if (auto it = doc.find("nodes"); it != doc.end()) nodes.value = &*it;
    if (auto it = doc.find("edges"); it != doc.end()) edges.value = &*it;
    return read_slice_parts(doc, nodes, edges, s, report);
}

bool read_slice_text(const std::vector<JsonMember>& members, Slice& s, Reporter& report) {
    // Everything but the two big arrays becomes a (small) DOM; nodes and edges stream,
    // nodes first whatever their order in the file, so edges can name them.
    json head = json::object();
    ArrayInput nodes, edges;
    for (const JsonMember& m : members) {
        if (m.key == "nodes") nodes.text = m.value;
        else if (m.key == "edges") edges.text = m.value;
        else head[m.key] = parse_checked(m.value); // a duplicate key: the last one wins
    }
    return read_slice_parts(head, nodes, edges, s, report);
}

bool read_slice_checked(std::string_view checked_text, Slice& s, Reporter& report) {
    std::vector<JsonMember> members;
    if (outline_object(checked_text, members)) return read_slice_text(members, s, report);
    json doc = parse_checked(checked_text);
    return read_slice_document(doc, s, report); // says what the top level is instead
}

// [SECTION] parse_slice
LoadResult parse_slice(std::string_view text, Slice& out, const LoadLimits& limits) {
    LoadResult result;
    Slice slice;
    Reporter report(slice.warnings);
    if (!check_json(text, limits, report) || !read_slice_checked(text, slice, report)) {
        result.error = report.error();
        return result;
    }
    report.finish();
    out = std::move(slice);
    result.ok = true;
    return result;
}

} // namespace rgv
