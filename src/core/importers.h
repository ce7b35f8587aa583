// importers.h — open any supported graph file: auto-detect its format (or take an explicit
// one), read it once under LoadLimits, and build the same Slice the viewer shows.
//
// Index
//   Format          the formats, their names ("slice", "node-link", ...)
//   ImportOptions   format override, limits, focal researcher hint
//   import_graph    text -> Slice, or one clear error message
//
// Formats, detection order and the mapping of each format to nodes and edges are in
// docs/import-formats.md; the slice format itself in docs/slice-format.md.
// src/core/: no SDL, GL, ImGui or Emscripten include.
#pragma once

#include "core/slice.h"

#include <string>
#include <string_view>

namespace rgv {

// [SECTION] Format
enum class Format {
    Auto,            // detect from the parsed document
    Slice,           // our own "rgv-slice"
    NodeLink,        // d3 / networkx node-link: nodes + links (ids or indices)
    Jgf,             // JSON Graph Format v2: {"graph": ...} or {"graphs": [...]}
    Cytoscape,       // Cytoscape.js elements: flat array or {nodes, edges}
    Graphology,      // graphology's graph.export()
    Vosviewer,       // VOSviewer JSON: network.items / links / clusters
    OpenAlex,        // an author, a work, or a works list {meta, results}
    SemanticScholar, // an author with its papers (Graph API)
};

// "auto", "slice", "node-link", "jgf", "cytoscape", "graphology", "vosviewer",
// "openalex", "semanticscholar".
const char* format_name(Format format);
// Accepts the names above (and a few aliases: "rgv-slice", "d3", "networkx", "s2",
// "semantic-scholar", "cytoscapejs"); false for anything else.
bool parse_format_name(std::string_view name, Format& out);

// [SECTION] ImportOptions
struct ImportOptions {
    Format format = Format::Auto;
    LoadLimits limits;
    // The focal researcher: a node id, an external id (OpenAlex "A123...", Semantic
    // Scholar authorId) or an exact display name. Empty: each format's own rule.
    std::string focus_hint;
};

struct ImportResult {
    bool ok = false;
    std::string error;            // one line, set when !ok
    Format detected = Format::Auto; // the format read (or detected, even when it failed)
};

// [SECTION] import_graph
// Parses `text` once under options.limits, detects the format unless one is given, and
// builds the slice. Warnings (repairs) go to out.warnings. On failure `out` is left
// untouched so the viewer keeps showing what it had.
ImportResult import_graph(std::string_view text, Slice& out, const ImportOptions& options = {});

} // namespace rgv
