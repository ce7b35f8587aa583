// json_reader.h — the one JSON reader every importer uses: limits enforced while parsing,
// exact one-line messages, and the small helpers schema code needs to word its errors.
//
// Index
//   Message helpers   JSON pointers (RFC 6901), quoting, "got <type>", UTF-8 cleanup
//   Reporter          the error (first one wins) and the capped warning list
//   read_json         text -> DOM under LoadLimits (bytes, depth, string length,
//                        top-level nodes/edges/links counts), BOM skipped with a warning
//   Outline of checked text   where each top-level member and array element is, for the
//                        streaming slice reader
//
// Internal to src/core (importers and parse_slice); not part of the viewer's API. Nothing
// here throws: emcc builds with exceptions off, where a throw aborts.
#pragma once

#include "core/slice.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rgv {

// [SECTION] Message helpers
void append_pointer_token(std::string& pointer, std::string_view token); // '~'->~0, '/'->~1
std::string pointer_key(const std::string& base, std::string_view key);
std::string pointer_index(const std::string& base, std::size_t index);
// A string as a JSON string literal, so quotes and control characters cannot garble
// a message.
std::string in_quotes(std::string_view s);
// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);
// Invalid UTF-8 bytes become "\xHH" so a message quoting input stays printable.
std::string printable_utf8(std::string_view s);
bool fits_float(double v);
// "string", "number", ... for messages of the form "expected X, got Y".
inline std::string got(const nlohmann::json& v) { return v.type_name(); }
// The member's value, or nullptr when absent (or when `object` is not an object).
const nlohmann::json* member(const nlohmann::json& object, const char* key);

// [SECTION] Reporter
class Reporter {
public:
    // After this many warnings the rest are only counted: a broken million-edge file
    // should not produce a million strings for the UI to show.
    static constexpr std::size_t kMaxWarnings = 100;

    explicit Reporter(std::vector<std::string>& warnings) : warnings_(warnings) {}

    // Records the error (the first one wins) and returns false so callers can
    // `return report.fail(...)`.
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
        suppressed_ = 0;
    }
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }

private:
    std::vector<std::string>& warnings_;
    std::string error_;
    std::size_t suppressed_ = 0;
};

// [SECTION] read_json
// Parses `text` into `doc`. Checks max_bytes first, skips a UTF-8 BOM (with a warning),
// refuses empty input, then drives nlohmann's iterative SAX parser with a DOM builder
// that stops at the first container deeper than max_depth, the first string or key
// longer than max_string_length, and the first element past max_nodes / max_edges in a
// top-level "nodes", "edges" or "links" array. Returns false with the message in
// `report` on any failure.
bool read_json(std::string_view text, const LoadLimits& limits, nlohmann::json& doc,
               Reporter& report);
// The same checks, messages and warnings as read_json, without building anything: memory
// stays flat whatever the file's size. On success `text` no longer has the BOM, if any.
bool check_json(std::string_view& text, const LoadLimits& limits, Reporter& report);

// [SECTION] Outline of checked text
// For text check_json accepted: where each top-level member's value is, and each array
// element, as slices of the text. The streaming slice reader parses one element at a
// time from these, so the whole document never exists as a DOM.
struct JsonMember {
    std::string key;        // decoded
    std::string_view value; // the value's text
};
// The members of the top-level object in order; false when the top level is not an object.
bool outline_object(std::string_view text, std::vector<JsonMember>& members);
// The last member with this key (a duplicate key keeps the last value), or nullptr.
const JsonMember* find_member(const std::vector<JsonMember>& members, std::string_view key);
// Calls visit(index, element text) for each element of an array's text, stopping when
// visit returns false; false when `array` is not an array or visit stopped.
bool for_each_element(std::string_view array,
                      const std::function<bool(std::size_t, std::string_view)>& visit);
// Checked text -> DOM (cannot fail on text check_json accepted; depth is bounded by it).
nlohmann::json parse_checked(std::string_view text);

} // namespace rgv
