// exporters.h — write a Slice in one of the formats other tools read.
//
// Index
//   ExportFormat   slice (own, lossless), node-link (d3 / networkx, x and y per node),
//                     graphml (yEd, Gephi, networkx, igraph)
//   export_graph
//
// What each writer keeps is in docs/import-formats.md §4. src/core/: no SDL, GL, ImGui or
// Emscripten include.
#pragma once

#include "core/slice.h"

#include <string>
#include <string_view>

namespace rgv {

// [SECTION] ExportFormat
enum class ExportFormat { Slice, NodeLink, GraphMl };

const char* export_format_name(ExportFormat format); // "slice", "node-link", "graphml"
bool parse_export_format_name(std::string_view name, ExportFormat& out);

// [SECTION] export_graph
// Slice: write_slice() with positions when any node has one, so import_graph() gives the
// same nodes, edges, attributes, profile, focus and extra keys back.
// NodeLink: {"directed", "multigraph": true, "graph": {focus, profile}, "nodes": [{id,
// type, label, x, y, pinned?, ...attrs}], "links": [{source, target, type, weight,
// directed?, ...attrs}]}: every node has x and y (the current layout).
// GraphMl: GraphML 1.0 with <key>s for type, label, x, y, pinned, weight, directed and
// every attribute name (strings, numbers and booleans typed; arrays and objects as JSON
// text); XML-escaped; control characters that XML 1.0 forbids become U+FFFD.
std::string export_graph(const Slice& slice, ExportFormat format);

} // namespace rgv
