// slice.h — a researcher's "graph slice": the graph plus the profile card it belongs to.
//
// Index
//   Profile       what the profile page's card shows about the focal researcher
//   Slice         profile + graph + which node is the focal researcher
//   Loading       parse_slice(): JSON text -> Slice, or one clear error message
//
// The file format is documented in docs/slice-format.md. Parsing uses nlohmann/json
// without exceptions (emcc builds with exceptions off), so every failure comes back as
// a message that says what is wrong and where (line:column for syntax, a JSON pointer
// for schema errors).
#pragma once

#include "core/graph.h"

#include <optional>
#include <string>
#include <string_view>

namespace rgv {

// [SECTION] Profile
struct Profile {
    std::string name;
    std::string headline;                 // one-line description under the name
    std::optional<std::string> affiliation; // empty: "Affiliation not imported"
    int trust_score = -1;                 // -1: not given
    std::string trust_band;               // e.g. "Emerging"
    std::string verification;             // e.g. "L1"
    bool claimed = false;
    bool open_to_collaborate = false;
    int works = -1, followers = -1, topics = -1, close_collaborators = -1; // -1: not given
    // Where the counts come from when not from the host's own profile: "OpenAlex",
    // "Semantic Scholar" (the card says "62 works in OpenAlex"). Empty: the host's.
    std::string counts_source;
    // The focal researcher was not named by the source but picked as the most frequent
    // author of a works list (a search): the card says so instead of calling every work theirs.
    bool focus_inferred = false;
};

// [SECTION] Slice
struct Slice {
    int version = 1;
    Profile profile;
    Graph graph;
    std::uint32_t focus = kNoNode;        // index of the focal researcher's node
    std::vector<std::string> warnings;    // repairs made while loading (kept, shown to the user)
    // Top-level keys the format does not define ("meta", provenance, ...), kept so that
    // write_slice gives them back: the round trip is lossless. Always an object.
    nlohmann::json extra = nlohmann::json::object();
};

// [SECTION] Loading
struct LoadLimits {
    std::size_t max_bytes = 256u << 20;
    std::size_t max_nodes = 1'000'000;
    std::size_t max_edges = 5'000'000;
    std::size_t max_depth = 64;
    std::size_t max_string_length = 1u << 20; // bytes of one string or key (1 MiB)
};

struct LoadResult {
    bool ok = false;
    std::string error; // one line, set when !ok
};

// Parses slice JSON (schema "rgv-slice", version 1). On failure `out` is left untouched,
// so a caller can keep showing what it had.
LoadResult parse_slice(std::string_view text, Slice& out, const LoadLimits& limits = {});

} // namespace rgv
