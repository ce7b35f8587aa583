// attributes.h — the well-known attributes of the slice format: each named once here,
// with small typed readers. The viewer (panels, scene, filter, search, fonts) reads node
// and edge attrs only through these names, and the importers write them; so a source's
// field reaches the screen only if its importer maps it onto one of these
// (docs/slice-format.md, "Well-known attributes"; docs/import-formats.md per format).
//
// Index
//   Names           the keys, grouped by what they apply to
//   Readers         typed, never throwing (exceptions are off in wasm)
//   Spellings       other names sources use for the same thing (publication_year, ...):
//                   for the loader's warning and the generic importers' mapping
//
// src/core/: no SDL, GL, ImGui or Emscripten include.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rgv::attr {

// [SECTION] Names
// Works
inline constexpr char kYear[] = "year";              // integer (or "2020", "2020-05-01")
inline constexpr char kDate[] = "date";              // string, ISO 8601 "YYYY-MM-DD" (or "YYYY-MM", "YYYY")
inline constexpr char kKind[] = "kind";              // string: article, preprint, book-chapter, dataset, ...
inline constexpr char kVenue[] = "venue";            // string: journal, conference, repository name
inline constexpr char kAbstract[] = "abstract";      // string: plain UTF-8 text (importers convert markup)
inline constexpr char kUrl[] = "url";                // string: landing page (people: profile page)
inline constexpr char kDoi[] = "doi";                // string: bare DOI "10.7717/peerj.4375"
inline constexpr char kPdfUrl[] = "pdf_url";         // string: an open full text
inline constexpr char kCitations[] = "citations";    // number >= 0 (works and people)
inline constexpr char kInfluentialCitations[] = "influential_citations"; // number >= 0 (Semantic Scholar)
inline constexpr char kOpenAccess[] = "open_access"; // boolean
inline constexpr char kLanguage[] = "language";      // string: BCP 47 tag "en", "zh-Hans"
inline constexpr char kAuthors[] = "authors";        // array of strings: author names in order
// People
inline constexpr char kOrcid[] = "orcid";            // string: "0000-0002-1825-0097"
inline constexpr char kAltLabels[] = "alt_labels";   // array of strings: other spellings and scripts
inline constexpr char kAffiliation[] = "affiliation"; // string: current institution's name
inline constexpr char kWorksCount[] = "works_count"; // integer >= 0: in the source, not in the slice
inline constexpr char kHIndex[] = "h_index";         // integer >= 0
// Institutions
inline constexpr char kRor[] = "ror";                // string: "https://ror.org/02nr0ka47"
inline constexpr char kCountry[] = "country";        // string: ISO 3166-1 alpha-2 "US"
inline constexpr char kInstitutionType[] = "type";   // string inside attrs: education, company, ...
// Topics
inline constexpr char kLevel[] = "level";            // integer: 0 = broadest (domain), larger = narrower
inline constexpr char kParent[] = "parent";          // string: the broader topic's label
// Edges
inline constexpr char kPosition[] = "position";      // integer: author order, 0-based (0 = first author)
inline constexpr char kCorresponding[] = "corresponding"; // boolean: the corresponding author

// [SECTION] Readers
// All take a node's or an edge's attrs (any JSON value; not an object = nothing given).

// An integer attribute: a JSON integer or an integral float, within int range.
std::optional<long long> integer(const nlohmann::json& attrs, const char* key);
// A finite number (integer or float); strings are not numbers.
std::optional<double> number(const nlohmann::json& attrs, const char* key);
// Display text: a string as it is, an integer in decimal, else "".
std::string text(const nlohmann::json& attrs, const char* key);
// A boolean attribute; absent or not a boolean: nullopt.
std::optional<bool> flag(const nlohmann::json& attrs, const char* key);
// The string elements of an array attribute, in order, without empty ones.
std::vector<std::string> strings(const nlohmann::json& attrs, const char* key);

// attrs.year in -9999..9999: an integer (or integral number), or a string starting with
// four digits, alone or followed by "-" ("2020", "2020-05-01").
std::optional<int> work_year(const nlohmann::json& attrs);
// attrs.citations when it is a number >= 0.
std::optional<double> citations(const nlohmann::json& attrs);
// attrs.alt_labels' strings.
std::vector<std::string> alt_labels(const nlohmann::json& attrs);

// [SECTION] Spellings
// A name some source or tool uses for a well-known attribute.
struct Spelling {
    const char* other;     // e.g. "publication_year"
    const char* canonical; // e.g. kYear
};
// Every known other spelling, in a fixed order (the order of the loader's warnings).
const std::vector<Spelling>& other_spellings();
// The canonical name for `key`, or nullptr when `key` is not a known other spelling.
const char* canonical_for(std::string_view key);

// For the generic formats (node-link, JGF, Cytoscape, graphology, VOSviewer), whose
// fields are the file's own: every attribute under another known spelling is copied to
// its well-known name when that is not set and the value has the expected type (a year
// as an integer or a year string, citations as a number, ...). The raw key stays.
void adopt_other_spellings(nlohmann::json& attrs);

} // namespace rgv::attr
