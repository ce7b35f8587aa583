// slice.cpp — parse_slice(): "rgv-slice" version 1 JSON text -> Slice. See slice.h and
// docs/slice-format.md (the format and every refuse / repair rule).
//
// Index
//   1. Helpers          JSON pointers, UTF-8 cleanup of messages, number formatting
//   2. Reporter         the error (first one wins) and the capped warning list
//   3. DomBuilder       SAX handler: builds the DOM, limits depth / nodes / edges while parsing
//   4. Syntax errors    nlohmann's parse_error -> "line L, column C: ..."
//   5. Schema           profile, nodes, edges, focus -> Slice
//   6. parse_slice
//
// Two passes: nlohmann's sax_parse (iterative, no recursion) feeds DomBuilder, which
// refuses too-deep nesting and too many nodes/edges *while* reading, so a hostile file
// can neither blow the stack nor make us allocate the whole thing first. The schema pass
// then walks the small, trusted-depth DOM. Nothing here throws: no .at(), no get<T>()
// without a type check first (emcc builds with exceptions off, where a throw aborts).
#include "core/slice.h"

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <utility>

namespace rgv {

namespace {

using json = nlohmann::json;

constexpr const char* kSchemaName = "rgv-slice";
constexpr int kSchemaVersion = 1;
// After this many warnings the rest are only counted: a broken million-edge file
// should not produce a million strings for the UI to show.
constexpr std::size_t kMaxWarnings = 100;
// Syntax error messages quote at most this many bytes of the offending token.
constexpr std::size_t kMaxTokenQuote = 40;

// 1. Helpers -------------------------------------------------------------------

// RFC 6901: '~' -> "~0", '/' -> "~1".
void append_pointer_token(std::string& pointer, std::string_view token) {
    pointer += '/';
    for (char c : token) {
        if (c == '~') pointer += "~0";
        else if (c == '/') pointer += "~1";
        else pointer += c;
    }
}

std::string pointer_key(const std::string& base, std::string_view key) {
    std::string p = base;
    append_pointer_token(p, key);
    return p;
}

std::string pointer_index(const std::string& base, std::size_t index) {
    return base + "/" + std::to_string(index);
}

// A string as a JSON string literal, so quotes and control characters inside an id
// cannot garble the message.
std::string in_quotes(std::string_view s) {
    return json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not valid
// (overlong forms, surrogates and code points above U+10FFFF count as invalid).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) len = 2;
    else if (b0 == 0xE0) { len = 3; lo = 0xA0; }
    else if (b0 >= 0xE1 && b0 <= 0xEC) len = 3;
    else if (b0 == 0xED) { len = 3; hi = 0x9F; }
    else if (b0 >= 0xEE && b0 <= 0xEF) len = 3;
    else if (b0 == 0xF0) { len = 4; lo = 0x90; }
    else if (b0 >= 0xF1 && b0 <= 0xF3) len = 4;
    else if (b0 == 0xF4) { len = 4; hi = 0x8F; }
    else return 0;
    if (i + len > s.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return len;
}

// Error messages quote bits of the input; if those are not valid UTF-8 the message
// itself would be unprintable in the UI, so such bytes become "\xHH".
std::string printable_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8_sequence_length(s, i);
        if (len == 0) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(s[i]));
            out += buf;
            ++i;
        } else {
            out.append(s.data() + i, len);
            i += len;
        }
    }
    return out;
}

bool fits_float(double v) {
    return std::isfinite(v) && std::fabs(v) <= static_cast<double>(FLT_MAX);
}

// 2. Reporter ------------------------------------------------------------------
class Reporter {
public:
    explicit Reporter(std::vector<std::string>& warnings) : warnings_(warnings) {}

    // Records the error and returns false so callers can `return fail(...)`.
    bool fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
        return false;
    }
    void warn(std::string message) {
        if (warnings_.size() < kMaxWarnings) warnings_.push_back(std::move(message));
        else ++suppressed_;
    }
    // Adds the "... more warnings" line; call once at the end.
    void finish() {
        if (suppressed_ > 0)
            warnings_.push_back("... and " + std::to_string(suppressed_) +
                                " more warning(s) not shown");
    }
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }

private:
    std::vector<std::string>& warnings_;
    std::string error_;
    std::size_t suppressed_ = 0;
};

// 3. DomBuilder ----------------------------------------------------------------
// Same job as nlohmann's internal json_sax_dom_parser, plus: a depth limit, node/edge
// count limits on the top-level "nodes"/"edges" arrays, a warning for duplicate keys,
// and the JSON pointer of where it stopped.
class DomBuilder {
public:
    DomBuilder(json& root, std::string_view text, const LoadLimits& limits, Reporter& report)
        : root_(root), text_(text), limits_(limits), report_(report) {}

    bool null() { return place(json(nullptr)) != nullptr; }
    bool boolean(bool v) { return place(json(v)) != nullptr; }
    bool number_integer(json::number_integer_t v) { return place(json(v)) != nullptr; }
    bool number_unsigned(json::number_unsigned_t v) { return place(json(v)) != nullptr; }
    bool number_float(json::number_float_t v, const std::string&) {
        return place(json(v)) != nullptr;
    }
    bool string(std::string& v) { return place(json(std::move(v))) != nullptr; }
    bool binary(json::binary_t& v) { return place(json(std::move(v))) != nullptr; }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        json& object = *stack_.back();
        if (object.contains(k))
            report_.warn(pointer_key(pointer_of_stack_top(), k) +
                         ": duplicate key; the last value is used");
        frames_.back().key = k;
        object_element_ = &object[k];
        return true;
    }

    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& ex);

private:
    struct Frame {
        bool is_array = false;
        std::size_t count = 0; // arrays: elements placed so far
        std::string key;       // objects: the key whose value comes next
    };

    // Each frame adds the position of the child being filled in its container, so all
    // frames give the pointer of the value being placed, all but the last the pointer
    // of the container on top of the stack.
    std::string current_pointer() const {
        std::string p;
        for (const Frame& f : frames_) {
            if (f.is_array) {
                p += '/';
                p += std::to_string(f.count - 1);
            } else {
                append_pointer_token(p, f.key);
            }
        }
        return p;
    }
    std::string pointer_of_stack_top() const {
        std::string p;
        for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
            const Frame& f = frames_[i];
            if (f.is_array) p += "/" + std::to_string(f.count - 1);
            else append_pointer_token(p, f.key);
        }
        return p;
    }

    // Puts a value where the parser is; returns where it went, or nullptr on a limit.
    json* place(json&& value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        json& parent = *stack_.back();
        if (parent.is_array()) {
            Frame& f = frames_.back();
            ++f.count;
            if (!check_count_limit(f.count)) return nullptr;
            parent.push_back(std::move(value));
            return &parent.back();
        }
        *object_element_ = std::move(value);
        return object_element_;
    }

    // Only the top-level "nodes" and "edges" arrays are counted (stack: root, array).
    bool check_count_limit(std::size_t count) {
        if (frames_.size() != 2 || frames_[0].is_array) return true;
        const std::string& key = frames_[0].key;
        if (key == "nodes" && count > limits_.max_nodes)
            return report_.fail("/nodes: too many nodes, the limit is " +
                                std::to_string(limits_.max_nodes));
        if (key == "edges" && count > limits_.max_edges)
            return report_.fail("/edges: too many edges, the limit is " +
                                std::to_string(limits_.max_edges));
        return true;
    }

    bool open(json&& container) {
        const bool is_array = container.is_array();
        json* where = place(std::move(container));
        if (where == nullptr) return false;
        if (stack_.size() + 1 > limits_.max_depth) {
            // The pointer names the container that is one level too deep.
            std::string p = current_pointer();
            return report_.fail((p.empty() ? std::string("top level") : p) +
                                ": nesting depth exceeds the limit of " +
                                std::to_string(limits_.max_depth));
        }
        stack_.push_back(where);
        Frame f;
        f.is_array = is_array;
        frames_.push_back(std::move(f));
        return true;
    }

    bool close() {
        stack_.pop_back();
        frames_.pop_back();
        return true;
    }

    json& root_;
    std::string_view text_;
    const LoadLimits& limits_;
    Reporter& report_;
    std::vector<json*> stack_;
    std::vector<Frame> frames_;
    json* object_element_ = nullptr;
};

// 4. Syntax errors -------------------------------------------------------------

// Line and column the way nlohmann/json counts them: lines from 1, the column is the
// number of bytes read on the current line (so it counts bytes, not characters).
// `position` is the number of bytes consumed, end of input counting as one.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t position) {
    const std::size_t end = position < text.size() ? position : text.size();
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return {line, position - line_start};
}

bool DomBuilder::parse_error(std::size_t position, const std::string& last_token,
                             const nlohmann::detail::exception& ex) {
    const auto [line, column] = line_column(text_, position);
    const std::string where =
        "line " + std::to_string(line) + ", column " + std::to_string(column) + ": ";

    // nlohmann's what(): "[json.exception.parse_error.101] parse error at line 1,
    // column 2: syntax error while parsing value - ...". Keep only the part after the
    // position; the position itself is recomputed above because number overflow
    // (out_of_range.406) carries none.
    std::string what = ex.what();
    if (!what.empty() && what[0] == '[') {
        const auto close = what.find("] ");
        if (close != std::string::npos) what.erase(0, close + 2);
    }
    if (what.rfind("parse error", 0) == 0) {
        const auto colon = what.find(": ");
        if (colon != std::string::npos) what.erase(0, colon + 2);
    }

    if (what.find("ill-formed UTF-8 byte") != std::string::npos && !last_token.empty()) {
        // nlohmann stops at the byte where the sequence went wrong, which may be a
        // harmless ASCII byte after a truncated sequence; name the byte that starts it.
        std::size_t bad = 0;
        while (bad < last_token.size()) {
            const std::size_t len = utf8_sequence_length(last_token, bad);
            if (len == 0) break;
            bad += len;
        }
        if (bad == last_token.size()) bad = last_token.size() - 1;
        char buf[8];
        std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned char>(last_token[bad]));
        return report_.fail(where + "invalid UTF-8 byte " + buf +
                            " in a string; the file must be UTF-8 encoded");
    }

    // The token can be a whole unterminated string; quote only its end, which is
    // where the problem is.
    const std::string full_quote = "; last read: '" + last_token + "'";
    const auto at = what.find(full_quote);
    if (at != std::string::npos && last_token.size() > kMaxTokenQuote) {
        std::size_t cut = last_token.size() - kMaxTokenQuote;
        // Do not start in the middle of a UTF-8 sequence.
        while (cut < last_token.size() &&
               (static_cast<unsigned char>(last_token[cut]) & 0xC0) == 0x80)
            ++cut;
        what.replace(at, full_quote.size(), "; last read: '..." + last_token.substr(cut) + "'");
    }
    return report_.fail(where + printable_utf8(what));
}

// 5. Schema --------------------------------------------------------------------

// "string", "number", ... for messages of the form "expected X, got Y".
std::string got(const json& v) { return v.type_name(); }

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

// `member` is the key's value or nullptr when absent.
const json* member(const json& object, const char* key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
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

bool read_nodes(json& nodes, Graph& g, Reporter& report) {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        json& n = nodes[i];
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
    }
    return true;
}

bool read_edges(json& edges, Graph& g, Reporter& report) {
    for (std::size_t i = 0; i < edges.size(); ++i) {
        json& e = edges[i];
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
            continue;
        }
        if (s == t) {
            report.warn(p + ": self-loop on " + in_quotes(ends[0]) + "; edge dropped");
            continue;
        }
        if (negative_weight)
            report.warn(p + "/weight: negative weight " + weight_text + " set to 0");

        merge_extras(e, p, {"source", "target", "type", "weight", "directed", "attrs"}, attrs, report);
        g.add_edge(s, t, std::move(type), weight, directed, std::move(attrs));
    }
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

bool read_document(json& doc, Slice& s, Reporter& report) {
    if (!doc.is_object()) return report.fail("top level: expected an object, got " + got(doc));

    const json* schema = member(doc, "schema");
    if (!schema) return report.fail("/schema: missing; expected \"rgv-slice\"");
    if (!schema->is_string())
        return report.fail("/schema: expected the string \"rgv-slice\", got " + got(*schema));
    if (schema->get<std::string>() != kSchemaName)
        return report.fail("/schema: expected \"rgv-slice\", got " + schema->dump());

    const json* version = member(doc, "version");
    if (!version) return report.fail("/version: missing; expected 1");
    if (!version->is_number())
        return report.fail("/version: expected the number 1, got " + got(*version));
    if (!version->is_number_integer() || version->get<std::int64_t>() != kSchemaVersion)
        return report.fail("/version: unsupported version " + version->dump() +
                           "; this viewer reads version 1");
    s.version = kSchemaVersion;

    if (const json* m = member(doc, "profile"); m && !read_profile(*m, s.profile, report))
        return false;

    auto nodes = doc.find("nodes");
    if (nodes == doc.end()) return report.fail("/nodes: missing; expected an array of nodes");
    if (!nodes->is_array()) return report.fail("/nodes: expected an array, got " + got(*nodes));
    if (!read_nodes(*nodes, s.graph, report)) return false;

    auto edges = doc.find("edges");
    if (edges != doc.end()) {
        if (!edges->is_array()) return report.fail("/edges: expected an array, got " + got(*edges));
        if (!read_edges(*edges, s.graph, report)) return false;
    }

    // Other top-level keys ("meta", ...) are allowed and ignored: Slice has no place
    // for them, and refusing them would make the format impossible to extend.
    return read_focus(member(doc, "focus"), s, report);
}

bool only_whitespace(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

} // namespace

// 6. parse_slice -----------------------------------------------------------------
LoadResult parse_slice(std::string_view text, Slice& out, const LoadLimits& limits) {
    LoadResult result;
    Slice slice;
    Reporter report(slice.warnings);

    if (text.size() > limits.max_bytes) {
        result.error = "input too large: " + std::to_string(text.size()) +
                       " bytes, the limit is " + std::to_string(limits.max_bytes) + " bytes";
        return result;
    }
    // Windows editors like to prepend a BOM; it carries no information in UTF-8.
    // Positions in later messages count from after it.
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
        report.warn("skipped a UTF-8 byte order mark at the start of the file");
    }
    if (only_whitespace(text)) {
        result.error = "line 1, column 1: the input is empty; expected a JSON object";
        return result;
    }

    json doc;
    {
        DomBuilder builder(doc, text, limits, report);
        const bool parsed = json::sax_parse(text.begin(), text.end(), &builder,
                                            json::input_format_t::json, /*strict=*/true);
        if (!parsed || report.failed()) {
            result.error = report.failed() ? report.error() : "the input could not be parsed";
            return result;
        }
    }

    if (!read_document(doc, slice, report)) {
        result.error = report.error();
        return result;
    }
    report.finish();
    out = std::move(slice);
    result.ok = true;
    return result;
}

} // namespace rgv
