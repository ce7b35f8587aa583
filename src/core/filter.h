// filter.h — what the legend and the filter panel hide, and the colour ramps of the
// "colour by" modes.
//
// Index
//   Filter          hidden types, year range, topics
//   Visibility      visible(): the rule below, one flag per node
//   Serialisation   compact JSON for deep links, strict parsing with exact messages
//   Years           a node's year, the slice's year range
//   Colours         year_color (viridis), community_color (12-colour palette)
//
// The visibility rule (works are what the year and topic filters are about):
//   - The focal researcher is always visible.
//   - A node whose type is hidden is invisible. A hidden type matches the node's type
//     string or its kind's name, so hiding "work" also hides nodes typed "paper".
//   - A node with a year outside the range is invisible (any type). A node without a
//     year passes the year test, except works when hide_undated is set.
//   - A work passes the topic test when no topic is selected, or when it has an edge
//     (any type, either direction; "about" in practice) to a selected topic node.
//   - With no year range and no topic selected, that is all: people, topics and
//     institutions are not hidden just because some works are.
//   - With a year range or topics, a non-work node is visible only when it has an edge
//     to a matching work (one passing the year and topic tests, whatever the type
//     filter says), is a selected topic, or is one hop further from such a node when it
//     has no work neighbour at all (institutions hang off people) — the focus counts
//     as such a node.
// Edges are the caller's business: draw one when both ends are visible.
//
// src/core/: no SDL, GL, ImGui or Emscripten include.
#pragma once

#include "core/slice.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rgv {

// [SECTION] Filter
struct Filter {
    std::vector<std::string> types_hidden; // type strings ("topic") or kind names
    bool has_years = false;                // year range active
    int year_from = 0, year_to = 0;        // inclusive; year_from <= year_to
    bool hide_undated = false;             // with a year range: hide works without a year
    std::vector<std::string> topics;       // node ids of topics; empty = no topic filter

    bool active() const { return !types_hidden.empty() || has_years || !topics.empty(); }
    bool operator==(const Filter& o) const {
        return types_hidden == o.types_hidden && has_years == o.has_years &&
               (!has_years || (year_from == o.year_from && year_to == o.year_to &&
                               hide_undated == o.hide_undated)) &&
               topics == o.topics;
    }
    bool operator!=(const Filter& o) const { return !(*this == o); }
};

// [SECTION] Visibility
// One entry per node: 1 visible, 0 hidden (the rule in the header comment).
std::vector<std::uint8_t> visible(const Slice& slice, const Filter& filter);

// [SECTION] Serialisation
// {"typesHidden":[...],"years":[from,to],"hideUndated":true,"topics":[...]}; keys that
// hold nothing are left out, so an inactive filter is "{}".
std::string filter_to_json(const Filter& filter);

struct FilterParseResult {
    bool ok = false;
    std::string error; // one line with a JSON pointer ("/years/1: expected an integer, got string")
};
// Strict: unknown keys, wrong types, from > to, years outside -9999..9999, more than 256
// entries in a list, strings over 512 bytes or invalid UTF-8 are errors. Text over 64 KiB
// is refused before parsing. On failure `out` is left untouched. Duplicate list entries
// are dropped; the lists come back sorted.
FilterParseResult filter_from_json(std::string_view text, Filter& out);

// [SECTION] Years
// attrs.year as an integer: a JSON integer (or an integral number), or a string of four
// digits optionally followed by "-..." ("2020", "2020-05-01"), in -9999..9999.
bool node_year(const Graph& g, std::uint32_t node, int& year);
// Smallest and largest year over all nodes; false when no node has one.
bool slice_year_range(const Slice& slice, int& min_year, int& max_year);

// [SECTION] Colours
// RGBA8 with R in the lowest byte (as the renderer's rgba()). The year's place in
// [min_year, max_year] picks one of 256 viridis colours (dark blue-purple = oldest,
// yellow = newest); a one-year range gives the middle colour, years outside clamp.
std::uint32_t year_color(int year, int min_year, int max_year);
// The viridis table itself, t in 0..1 (for legends).
std::uint32_t viridis(float t);
// Tableau 10 without red, plus three (red marks the researcher); ids past 11 wrap around.
std::uint32_t community_color(int id);
constexpr int kCommunityColors = 12;

} // namespace rgv
