// json_reader.cpp — see json_reader.h. Factored out of slice.cpp so that parse_slice and
// every importer read JSON the same way, under the same limits, with the same messages.
//
// Index
//   Helpers          JSON pointers, UTF-8 cleanup of messages, number formatting
//   DomBuilder       SAX handler: builds the DOM, enforces the limits while parsing
//   Syntax errors    nlohmann's parse_error -> "line L, column C: ..."
//   read_json        and check_json (the same pass without a DOM)
//   Outline          the top-level members and array elements of checked text
//
// Why SAX: nlohmann's sax_parse is iterative (no recursion), and our own DOM builder
// refuses too-deep nesting, over-long strings and too many nodes/edges *while* reading,
// so a hostile file can neither blow the stack nor make us allocate all of it first.
#include "core/json_reader.h"

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <unordered_set>
#include <functional>
#include <utility>

namespace rgv {

using json = nlohmann::json;

namespace {
// Syntax error messages quote at most this many bytes of the offending token.
constexpr std::size_t kMaxTokenQuote = 40;
} // namespace

// [SECTION] Helpers

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


const json* member(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

namespace {

// [SECTION] DomBuilder
// Same job as nlohmann's internal json_sax_dom_parser, plus: a depth limit, node/edge
// count limits on the top-level "nodes"/"edges" arrays, a warning for duplicate keys,
// and the JSON pointer of where it stopped.
class DomBuilder {
public:
    // build = false checks only (syntax, limits, duplicate keys) and keeps no DOM: the
    // first pass of the streaming slice reader, whose peak memory must stay small.
    DomBuilder(json& root, std::string_view text, const LoadLimits& limits, Reporter& report,
               bool build = true)
        : root_(root), text_(text), limits_(limits), report_(report), build_(build) {}

    bool null() { return place([] { return json(nullptr); }) != nullptr; }
    bool boolean(bool v) { return place([v] { return json(v); }) != nullptr; }
    bool number_integer(json::number_integer_t v) { return place([v] { return json(v); }) != nullptr; }
    bool number_unsigned(json::number_unsigned_t v) { return place([v] { return json(v); }) != nullptr; }
    bool number_float(json::number_float_t v, const std::string&) {
        return place([v] { return json(v); }) != nullptr;
    }
    bool string(std::string& v) {
        if (v.size() > limits_.max_string_length)
            return report_.fail(pointer_of_next_value() + ": string of " + std::to_string(v.size()) +
                                " bytes exceeds the limit of " +
                                std::to_string(limits_.max_string_length) + " bytes");
        return place([&v] { return json(std::move(v)); }) != nullptr;
    }
    bool binary(json::binary_t& v) { return place([&v] { return json(std::move(v)); }) != nullptr; }

    bool start_object(std::size_t) { return open(false); }
    bool start_array(std::size_t) { return open(true); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        if (k.size() > limits_.max_string_length) {
            const std::string p = pointer_of_stack_top();
            return report_.fail((p.empty() ? std::string("top level") : p) + ": key of " +
                                std::to_string(k.size()) + " bytes exceeds the limit of " +
                                std::to_string(limits_.max_string_length) + " bytes");
        }
        Frame& f = frames_.back();
        const bool duplicate = build_ ? stack_.back()->contains(k) : seen_before(k);
        if (duplicate)
            report_.warn(pointer_key(pointer_of_stack_top(), k) +
                         ": duplicate key; the last value is used");
        f.key = k;
        if (build_) object_element_ = &(*stack_.back())[k];
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

    // Check mode's duplicate-key test for the object on top of the stack. Most objects
    // have a handful of keys, so a short list searched in place; a set once it grows.
    // Both are kept per depth and reused, so checking a million small objects does not
    // allocate a million containers.
    static constexpr std::size_t kListedKeys = 16;
    struct SeenKeys {
        std::vector<std::string> list;
        std::unordered_set<std::string> set;
    };
    bool seen_before(const std::string& k) {
        SeenKeys& seen = seen_[frames_.size() - 1];
        if (seen.list.size() < kListedKeys) {
            for (const std::string& s : seen.list)
                if (s == k) return true;
            seen.list.push_back(k);
            return false;
        }
        if (seen.set.empty()) seen.set.insert(seen.list.begin(), seen.list.end());
        return !seen.set.insert(k).second;
    }

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
    // Pointer of the value about to be placed (before place() counts it).
    std::string pointer_of_next_value() const {
        if (frames_.empty()) return "top level";
        std::string p = pointer_of_stack_top();
        const Frame& f = frames_.back();
        if (f.is_array) p += "/" + std::to_string(f.count);
        else append_pointer_token(p, f.key);
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

    // Puts the value make() gives where the parser is; returns where it went, or nullptr
    // on a limit. Check mode counts and checks the same way but never makes the value.
    template <class Make>
    json* place(Make make) {
        if (!build_) {
            if (!frames_.empty() && frames_.back().is_array &&
                !check_count_limit(++frames_.back().count))
                return nullptr;
            return &scratch_;
        }
        json value = make();
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

    // Only the top-level "nodes", "edges" and "links" arrays are counted (stack: root,
    // array); importers check the counts of other shapes as they build the graph.
    bool check_count_limit(std::size_t count) {
        if (frames_.size() != 2 || frames_[0].is_array) return true;
        const std::string& key = frames_[0].key;
        if (key == "nodes" && count > limits_.max_nodes)
            return report_.fail("/nodes: too many nodes, the limit is " +
                                std::to_string(limits_.max_nodes));
        if ((key == "edges" || key == "links") && count > limits_.max_edges)
            return report_.fail("/" + key + ": too many edges, the limit is " +
                                std::to_string(limits_.max_edges));
        return true;
    }

    bool open(bool is_array) {
        json* where = place([is_array] { return is_array ? json::array() : json::object(); });
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
        if (!build_) {
            if (seen_.size() < frames_.size()) seen_.resize(frames_.size());
            SeenKeys& seen = seen_[frames_.size() - 1];
            seen.list.clear();
            if (!seen.set.empty()) seen.set.clear(); // clear() costs its bucket count
        }
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
    bool build_ = true;
    json scratch_; // check mode: where every value "goes"
    std::vector<SeenKeys> seen_; // check mode: by depth
};

// [SECTION] Syntax errors

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


bool only_whitespace(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

} // namespace

// [SECTION] read_json
namespace {

// What read_json and check_json share: the size limit, the BOM, the empty file, then
// one SAX pass that builds the DOM into `doc` or only checks.
bool run_reader(std::string_view& text, const LoadLimits& limits, json& doc, Reporter& report,
                bool build) {
    if (text.size() > limits.max_bytes)
        return report.fail("input too large: " + std::to_string(text.size()) +
                           " bytes, the limit is " + std::to_string(limits.max_bytes) + " bytes");
    // Windows editors like to prepend a BOM; it carries no information in UTF-8.
    // Positions in later messages count from after it.
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
        report.warn("skipped a UTF-8 byte order mark at the start of the file");
    }
    if (only_whitespace(text))
        return report.fail("line 1, column 1: the input is empty; expected a JSON object");

    DomBuilder builder(doc, text, limits, report, build);
    const bool parsed = json::sax_parse(text.begin(), text.end(), &builder,
                                        json::input_format_t::json, /*strict=*/true);
    if (!parsed || report.failed()) {
        if (!report.failed()) report.fail("the input could not be parsed");
        return false;
    }
    return true;
}

} // namespace

bool read_json(std::string_view text, const LoadLimits& limits, json& doc, Reporter& report) {
    return run_reader(text, limits, doc, report, /*build=*/true);
}

bool check_json(std::string_view& text, const LoadLimits& limits, Reporter& report) {
    json unused;
    return run_reader(text, limits, unused, report, /*build=*/false);
}

// [SECTION] Outline
// These walk text that check_json accepted, so they only need to find where values end:
// strings (with escapes) and nesting. Nothing is decoded except object keys.
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view t, std::size_t i) {
    while (i < t.size() && is_space(t[i])) ++i;
    return i;
}

// t[i] is the opening quote; returns the index after the closing one.
std::size_t skip_string(std::string_view t, std::size_t i) {
    for (++i; i < t.size(); ++i) {
        if (t[i] == '\\') ++i;
        else if (t[i] == '"') return i + 1;
    }
    return t.size();
}

// t[i] starts a value; returns the index just after it.
std::size_t skip_value(std::string_view t, std::size_t i) {
    if (i >= t.size()) return i;
    if (t[i] == '"') return skip_string(t, i);
    if (t[i] != '{' && t[i] != '[') {
        while (i < t.size() && !is_space(t[i]) && t[i] != ',' && t[i] != ']' && t[i] != '}') ++i;
        return i;
    }
    std::size_t depth = 0;
    while (i < t.size()) {
        const char c = t[i];
        if (c == '"') {
            i = skip_string(t, i);
            continue;
        }
        if (c == '{' || c == '[') ++depth;
        else if ((c == '}' || c == ']') && --depth == 0) return i + 1;
        ++i;
    }
    return i;
}

} // namespace

bool outline_object(std::string_view text, std::vector<JsonMember>& members) {
    members.clear();
    std::size_t i = skip_space(text, 0);
    if (i >= text.size() || text[i] != '{') return false;
    i = skip_space(text, i + 1);
    while (i < text.size() && text[i] == '"') {
        const std::size_t key_end = skip_string(text, i);
        // The key as written may hold escapes ("\u006eodes"): let nlohmann decode it.
        const json key = json::parse(text.substr(i, key_end - i), nullptr, false);
        i = skip_space(text, key_end);
        i = skip_space(text, i + 1); // ':'
        const std::size_t value_end = skip_value(text, i);
        members.push_back({key.is_string() ? key.get<std::string>() : std::string(),
                           text.substr(i, value_end - i)});
        i = skip_space(text, value_end);
        if (i < text.size() && text[i] == ',') i = skip_space(text, i + 1);
    }
    return true;
}

const JsonMember* find_member(const std::vector<JsonMember>& members, std::string_view key) {
    // The last one: a duplicate key keeps the last value, as in the DOM.
    for (auto it = members.rbegin(); it != members.rend(); ++it)
        if (it->key == key) return &*it;
    return nullptr;
}

bool for_each_element(std::string_view array,
                      const std::function<bool(std::size_t, std::string_view)>& visit) {
    std::size_t i = skip_space(array, 0);
    if (i >= array.size() || array[i] != '[') return false;
    i = skip_space(array, i + 1);
    for (std::size_t index = 0; i < array.size() && array[i] != ']'; ++index) {
        const std::size_t end = skip_value(array, i);
        if (!visit(index, array.substr(i, end - i))) return false;
        i = skip_space(array, end);
        if (i < array.size() && array[i] == ',') i = skip_space(array, i + 1);
    }
    return true;
}

json parse_checked(std::string_view text) {
    return json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
}

} // namespace rgv
