// import_common.cpp — see import_internal.h: the field readers, GraphBuilder and focus
// helpers every importer shares, so the refuse / repair rules are the same everywhere.
#include "core/import_internal.h"

#include "core/attributes.h"
#include "core/plain_text.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <cstdint>
#include <set>
#include <tuple>

namespace rgv {

// [SECTION] Field readers
bool read_id(const json& v, const std::string& pointer, std::string& out, Reporter& report) {
    if (v.is_string()) {
        out = v.get<std::string>();
        return true;
    }
    if (v.is_number_integer()) { // signed or unsigned
        out = v.dump();
        return true;
    }
    return report.fail(pointer + ": expected a string or an integer id, got " +
                       (v.is_number() ? v.dump() : got(v)));
}

bool read_opt_string(const json& object, const char* key, const std::string& pointer,
                     std::string& out, Reporter& report) {
    const json* v = member(object, key);
    if (v == nullptr || v->is_null()) return true;
    if (!v->is_string())
        return report.fail(pointer_key(pointer, key) + ": expected a string, got " + got(*v));
    out = v->get<std::string>();
    return true;
}

bool read_weight(const json* v, const std::string& pointer, float& out, Reporter& report) {
    if (v == nullptr || v->is_null()) return true;
    if (!v->is_number()) return report.fail(pointer + ": expected a number, got " + got(*v));
    const double w = v->get<double>();
    if (!fits_float(w)) return report.fail(pointer + ": number out of range, got " + v->dump());
    if (w < 0.0) {
        // The connection itself is information; only its strength is unusable.
        report.warn(pointer + ": negative weight " + v->dump() + " set to 0");
        out = 0.0f;
        return true;
    }
    out = static_cast<float>(w);
    return true;
}

bool read_position(const json& object, const char* xkey, const char* ykey,
                   const std::string& pointer, float& x, float& y, bool& has, Reporter& report) {
    const json* xv = member(object, xkey);
    const json* yv = member(object, ykey);
    has = false;
    if (xv == nullptr && yv == nullptr) return true;
    if ((xv == nullptr) != (yv == nullptr))
        return report.fail(pointer_key(pointer, xv ? ykey : xkey) + ": missing; give both \"" +
                           xkey + "\" and \"" + ykey + "\" or neither");
    const std::pair<const json*, const char*> both[2] = {{xv, xkey}, {yv, ykey}};
    float* outs[2] = {&x, &y};
    for (int k = 0; k < 2; ++k) {
        const json& v = *both[k].first;
        const std::string p = pointer_key(pointer, both[k].second);
        if (!v.is_number()) return report.fail(p + ": expected a number, got " + got(v));
        const double d = v.get<double>();
        if (!fits_float(d)) return report.fail(p + ": number out of range, got " + v.dump());
        *outs[k] = static_cast<float>(d);
    }
    has = true;
    return true;
}

void copy_leftovers(const json& object, std::initializer_list<const char*> known, json& attrs) {
    if (!object.is_object()) return;
    if (!attrs.is_object()) attrs = json::object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool is_known = false;
        for (const char* k : known) is_known = is_known || it.key() == k;
        if (!is_known && !attrs.contains(it.key())) attrs[it.key()] = it.value();
    }
}

void set_alt_labels(const json* names, const std::string& label, json& attrs) {
    if (names == nullptr || !names->is_array()) return;
    json out = json::array();
    for (const json& n : *names) {
        if (!n.is_string() || n.get_ref<const std::string&>().empty() || n == label) continue;
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
    if (!out.empty()) attrs[attr::kAltLabels] = std::move(out);
}

namespace {
std::string without_prefix(std::string s, std::initializer_list<const char*> prefixes) {
    for (const char* p : prefixes) {
        const std::size_t n = std::strlen(p);
        if (s.size() > n && std::equal(p, p + n, s.begin(), [](char a, char b) {
                return a == std::tolower(static_cast<unsigned char>(b));
            }))
            return s.substr(n);
    }
    return s;
}
} // namespace

std::string bare_doi(std::string doi) {
    return without_prefix(std::move(doi), {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                           "http://dx.doi.org/", "doi:"});
}

std::string bare_orcid(std::string orcid) {
    return without_prefix(std::move(orcid), {"https://orcid.org/", "http://orcid.org/"});
}

namespace {
bool read_opt_bool(const json& object, const char* key, const std::string& pointer, bool& out,
                   Reporter& report) {
    const json* v = member(object, key);
    if (v == nullptr || v->is_null()) return true;
    if (!v->is_boolean())
        return report.fail(pointer_key(pointer, key) + ": expected true or false, got " + got(*v));
    out = v->get<bool>();
    return true;
}

bool skipped(const std::string& key, std::initializer_list<const char*> known,
             std::initializer_list<const char*> skip) {
    for (const char* k : known)
        if (key == k) return true;
    for (const char* k : skip)
        if (key == k) return true;
    return false;
}

// "attrs" (when an object) first, then every other key not in known/skip; a key given
// both ways keeps the value inside "attrs", as in the slice format.
bool collect_attrs(const json& fields, const std::string& pointer,
                   std::initializer_list<const char*> known,
                   std::initializer_list<const char*> skip, json& attrs, Reporter& report) {
    attrs = json::object();
    if (const json* a = member(fields, "attrs")) {
        if (!a->is_object())
            return report.fail(pointer + "/attrs: expected an object, got " + got(*a));
        attrs = *a;
    }
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() == "attrs" || skipped(it.key(), known, skip)) continue;
        if (!attrs.contains(it.key())) attrs[it.key()] = it.value();
    }
    return true;
}
} // namespace

bool read_node_fields(const json& fields, const std::string& pointer,
                      std::initializer_list<const char*> skip, NodeFields& out, Reporter& report) {
    if (!fields.is_object()) return report.fail(pointer + ": expected an object, got " + got(fields));
    if (!read_opt_string(fields, "type", pointer, out.type, report)) return false;
    if (out.type.empty()) out.type = "other";
    if (member(fields, "label")) {
        if (!read_opt_string(fields, "label", pointer, out.label, report)) return false;
    } else if (const json* n = member(fields, "name"); n && n->is_string()) {
        out.label = n->get<std::string>(); // d3 / networkx often name nodes; kept in attrs too
    }
    if (!read_position(fields, "x", "y", pointer, out.x, out.y, out.has_position, report))
        return false;
    if (!read_opt_bool(fields, "pinned", pointer, out.pinned, report)) return false;
    return collect_attrs(fields, pointer, {"type", "label", "x", "y", "pinned"}, skip, out.attrs,
                         report);
}

bool read_edge_fields(const json& fields, const std::string& pointer, const char* type_key,
                      std::initializer_list<const char*> skip, EdgeFields& out, Reporter& report) {
    if (!fields.is_object()) return report.fail(pointer + ": expected an object, got " + got(fields));
    if (!read_opt_string(fields, type_key, pointer, out.type, report)) return false;
    // d3's convention is "value"; only a numeric "value" is taken as the weight, any
    // other "value" is just an attribute.
    const json* value = member(fields, "value");
    const char* weight_key = member(fields, "weight") || !value || !value->is_number() ? "weight" : "value";
    if (!read_weight(member(fields, weight_key), pointer_key(pointer, weight_key), out.weight, report))
        return false;
    if (!read_opt_bool(fields, "directed", pointer, out.directed, report)) return false;
    return collect_attrs(fields, pointer, {type_key, weight_key, "directed"}, skip, out.attrs,
                         report);
}

// [SECTION] GraphBuilder
bool GraphBuilder::add_node(const std::string& pointer, const std::string& id_pointer,
                            std::string id, std::string type, std::string label, json attrs,
                            std::uint32_t* index) {
    Graph& g = slice_.graph;
    if (id.empty()) return report_.fail(id_pointer + ": empty node id");
    if (g.find(id) != kNoNode) return report_.fail(id_pointer + ": duplicate node id " + in_quotes(id));
    if (g.node_count() >= limits_.max_nodes)
        return report_.fail(pointer + ": too many nodes, the limit is " +
                            std::to_string(limits_.max_nodes));
    if (label.empty()) label = id;
    if (!attrs.is_object()) attrs = json::object();
    // Every format: a field under another spelling of a well-known attribute reaches
    // the viewer under its name; an abstract is shown as text, never markup.
    attr::adopt_other_spellings(attrs);
    if (auto a = attrs.find(attr::kAbstract); a != attrs.end() && a->is_string())
        *a = plain_text(a->get_ref<const std::string&>());
    if (auto d = attrs.find(attr::kDoi); d != attrs.end() && d->is_string()) *d = bare_doi(d->get<std::string>());
    const std::uint32_t i = g.add_node(std::move(id), std::move(type), std::move(label), std::move(attrs));
    if (index) *index = i;
    return true;
}

std::uint32_t GraphBuilder::ensure_node(const std::string& pointer, const std::string& id,
                                        std::string type, std::string label, json attrs) {
    Graph& g = slice_.graph;
    const std::uint32_t found = g.find(id);
    if (found != kNoNode) return found;
    std::uint32_t index = kNoNode;
    if (!add_node(pointer, pointer, id, std::move(type), std::move(label), std::move(attrs), &index))
        return kNoNode;
    return index;
}

void GraphBuilder::set_position(std::uint32_t index, float x, float y, bool pinned) {
    Graph& g = slice_.graph;
    g.x[index] = x;
    g.y[index] = y;
    g.has_position[index] = 1;
    g.pinned[index] = pinned ? 1 : 0;
}

bool GraphBuilder::check_edge_limit(const std::string& pointer) {
    if (slice_.graph.edge_count() < limits_.max_edges) return true;
    return report_.fail(pointer + ": too many edges, the limit is " +
                        std::to_string(limits_.max_edges));
}

bool GraphBuilder::add_edge_between(const std::string& pointer, const json& ends, const std::string& ends_pointer,
                                    const char* source_key, const char* target_key, EdgeFields fields) {
    std::string ids[2];
    const char* keys[2] = {source_key, target_key};
    for (int k = 0; k < 2; ++k) {
        const json* v = member(ends, keys[k]);
        if (!v) return report_.fail(ends_pointer + ": missing " + in_quotes(keys[k]));
        if (!read_id(*v, ends_pointer + "/" + keys[k], ids[k], report_)) return false;
    }
    return add_edge(pointer, ends_pointer + "/" + source_key, ends_pointer + "/" + target_key, ids[0], ids[1],
                    std::move(fields.type), fields.weight, fields.directed, std::move(fields.attrs));
}

bool GraphBuilder::add_edge(const std::string& pointer, const std::string& source_pointer,
                            const std::string& target_pointer, const std::string& source,
                            const std::string& target, std::string type, float weight,
                            bool directed, json attrs) {
    const Graph& g = slice_.graph;
    const std::uint32_t s = g.find(source);
    const std::uint32_t t = g.find(target);
    // The file is well-formed, it just refers to something it does not contain: drop
    // the edge and say so rather than refuse everything else.
    if (s == kNoNode) {
        report_.warn(source_pointer + ": unknown node id " + in_quotes(source) + "; edge dropped");
        return true;
    }
    if (t == kNoNode) {
        report_.warn(target_pointer + ": unknown node id " + in_quotes(target) + "; edge dropped");
        return true;
    }
    return add_edge_index(pointer, s, t, std::move(type), weight, directed, std::move(attrs));
}

bool GraphBuilder::add_edge_index(const std::string& pointer, std::uint32_t s, std::uint32_t t,
                                  std::string type, float weight, bool directed, json attrs) {
    Graph& g = slice_.graph;
    if (s == t) {
        // No layout force and nothing to draw as a line.
        report_.warn(pointer + ": self-loop on " + in_quotes(g.node_id[s]) + "; edge dropped");
        return true;
    }
    if (!check_edge_limit(pointer)) return false;
    if (!attrs.is_object()) attrs = json::object();
    attr::adopt_other_spellings(attrs); // is_corresponding -> corresponding, ...
    g.add_edge(s, t, std::move(type), weight, directed, std::move(attrs));
    return true;
}

// [SECTION] Focus
namespace {
bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
} // namespace

std::uint32_t find_by_hint(const Graph& g, const std::string& hint) {
    if (hint.empty()) return kNoNode;
    if (const std::uint32_t i = g.find(hint); i != kNoNode) return i;
    for (std::size_t i = 0; i < g.node_count(); ++i)
        if (ends_with(g.node_id[i], "/" + hint) || ends_with(g.node_id[i], ":" + hint))
            return static_cast<std::uint32_t>(i);
    for (std::size_t i = 0; i < g.node_count(); ++i)
        if (g.node_label[i] == hint) return static_cast<std::uint32_t>(i);
    // An URL ("https://openalex.org/A123"): try its last segment.
    const auto slash = hint.find_last_of('/');
    if (slash != std::string::npos && slash + 1 < hint.size()) return find_by_hint(g, hint.substr(slash + 1));
    return kNoNode;
}

std::uint32_t first_person_node(const Graph& g) {
    for (std::size_t i = 0; i < g.node_count(); ++i)
        if (g.kind[i] == NodeKind::Person) return static_cast<std::uint32_t>(i);
    return kNoNode;
}

// [SECTION] Authorship
bool Authorship::add(std::uint32_t person, std::uint32_t work) {
    std::vector<std::uint32_t>& works = works_of_[person];
    if (std::find(works.begin(), works.end(), work) != works.end()) return false;
    order_.emplace(person, order_.size());
    works.push_back(work);
    return true;
}

void Authorship::add_person(std::uint32_t person) {
    works_of_[person];
    order_.emplace(person, order_.size());
}

std::size_t Authorship::works_of(std::uint32_t person) const {
    const auto it = works_of_.find(person);
    return it == works_of_.end() ? 0 : it->second.size();
}

std::uint32_t Authorship::most_works() const {
    std::uint32_t best = kNoNode;
    std::size_t best_works = 0, best_order = 0;
    for (const auto& [person, works] : works_of_) {
        const std::size_t o = order_.find(person)->second; // add() sets both maps
        if (works.size() > best_works || (works.size() == best_works && best != kNoNode && o < best_order)) {
            best = person;
            best_works = works.size();
            best_order = o;
        }
    }
    return best;
}

int Authorship::add_coauthor_edges(GraphBuilder& builder, std::uint32_t focus) const {
    const auto mine_it = works_of_.find(focus);
    if (mine_it == works_of_.end()) return 0;
    const std::set<std::uint32_t> mine(mine_it->second.begin(), mine_it->second.end());
    std::vector<std::tuple<std::size_t, std::uint32_t, int>> coauthors; // order, person, shared
    for (const auto& [person, works] : works_of_) {
        if (person == focus) continue;
        int shared = 0;
        for (std::uint32_t w : works) shared += mine.count(w) ? 1 : 0;
        if (shared > 0) coauthors.emplace_back(order_.find(person)->second, person, shared);
    }
    std::sort(coauthors.begin(), coauthors.end());
    for (const auto& [o, person, shared] : coauthors)
        if (!builder.add_edge_index("/", focus, person, "coauthor", static_cast<float>(shared), false))
            return -1;
    return static_cast<int>(coauthors.size());
}

} // namespace rgv
