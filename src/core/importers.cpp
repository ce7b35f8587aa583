// importers.cpp — see importers.h: format names, detection from the parsed tree, and the
// dispatch to one file per format (import_*.cpp).
//
// Index
//   Format names
//   Detection       the parsed document's shape -> Format (docs/import-formats.md §2)
//   import_graph    check, stream the own format or detect and dispatch, pick the focus
#include "core/importers.h"

#include "core/import_internal.h"

#include <utility>

namespace rgv {

// [SECTION] Format names
namespace {

struct FormatName {
    const char* name;
    Format format;
};

// The first name of each format is its canonical one (what format_name returns).
constexpr FormatName kFormatNames[] = {
    {"auto", Format::Auto},
    {"slice", Format::Slice},
    {"rgv-slice", Format::Slice},
    {"node-link", Format::NodeLink},
    {"nodelink", Format::NodeLink},
    {"d3", Format::NodeLink},
    {"networkx", Format::NodeLink},
    {"jgf", Format::Jgf},
    {"cytoscape", Format::Cytoscape},
    {"cytoscapejs", Format::Cytoscape},
    {"graphology", Format::Graphology},
    {"vosviewer", Format::Vosviewer},
    {"openalex", Format::OpenAlex},
    {"semanticscholar", Format::SemanticScholar},
    {"semantic-scholar", Format::SemanticScholar},
    {"s2", Format::SemanticScholar},
};

} // namespace

const char* format_name(Format format) {
    for (const FormatName& f : kFormatNames)
        if (f.format == format) return f.name;
    return "unknown";
}

bool parse_format_name(std::string_view name, Format& out) {
    for (const FormatName& f : kFormatNames) {
        if (name == f.name) {
            out = f.format;
            return true;
        }
    }
    return false;
}

// [SECTION] Detection
namespace {

bool has(const json& doc, const char* key) { return doc.contains(key); }

// The first element of doc[key] when that is a non-empty array.
const json* first_of(const json& doc, const char* key) {
    const json* a = member(doc, key);
    if (a == nullptr || !a->is_array() || a->empty()) return nullptr;
    return &(*a)[0];
}

bool string_starts_with(const json* v, std::string_view prefix) {
    if (v == nullptr || !v->is_string()) return false;
    const std::string& s = v->get_ref<const std::string&>();
    return s.compare(0, prefix.size(), prefix) == 0;
}

// Order matters: the most specific markers first. networkx's node-link has a "graph"
// key too (graph attributes), so "nodes" + "links" is tested before JGF's "graph".
Format detect(const json& doc) {
    if (doc.is_array()) return Format::Cytoscape; // the only format that is a bare array
    if (!doc.is_object()) return Format::Auto;
    if (has(doc, "schema")) return Format::Slice;
    if (has(doc, "elements")) return Format::Cytoscape;
    if (has(doc, "network")) return Format::Vosviewer;
    if (has(doc, "nodes") && has(doc, "links")) return Format::NodeLink;
    if (has(doc, "graphs") || (has(doc, "graph") && !has(doc, "nodes"))) return Format::Jgf;
    if (has(doc, "nodes")) {
        const json* n = first_of(doc, "nodes");
        if (has(doc, "options") || has(doc, "attributes") || (n && member(*n, "key")))
            return Format::Graphology;
        if (n && member(*n, "data")) return Format::Cytoscape;
        if (has(doc, "directed") || has(doc, "multigraph")) return Format::NodeLink;
        return Format::Slice; // a slice without "schema": its reader says what is missing
    }
    if (has(doc, "results") || has(doc, "authorships") ||
        string_starts_with(member(doc, "id"), "https://openalex.org/"))
        return Format::OpenAlex;
    if (has(doc, "authorId") || has(doc, "papers")) return Format::SemanticScholar;
    if (const json* d = first_of(doc, "data"); d && member(*d, "paperId"))
        return Format::SemanticScholar;
    return Format::Auto;
}

bool dispatch(Format f, json& doc, Slice& s, const ImportOptions& o, Reporter& r) {
    switch (f) {
    case Format::Slice: return read_slice_document(doc, s, r);
    case Format::NodeLink: return import_nodelink(doc, s, o, r);
    case Format::Jgf: return import_jgf(doc, s, o, r);
    case Format::Cytoscape: return import_cytoscape(doc, s, o, r);
    case Format::Graphology: return import_graphology(doc, s, o, r);
    case Format::Vosviewer: return import_vosviewer(doc, s, o, r);
    case Format::OpenAlex: return import_openalex(doc, s, o, r);
    case Format::SemanticScholar: return import_semanticscholar(doc, s, o, r);
    case Format::Auto: break;
    }
    return r.fail("internal error: no importer for this format");
}

// Formats without a focus of their own: the hint, else the first person node (quietly:
// most generic graphs have no researcher in them). The card gets the focus's label.
void settle_focus(Format f, Slice& s, const ImportOptions& o, Reporter& r) {
    const Graph& g = s.graph;
    // OpenAlex and Semantic Scholar apply the hint themselves (among authors only).
    const bool own_rule = f == Format::OpenAlex || f == Format::SemanticScholar;
    if (!o.focus_hint.empty() && !own_rule) {
        const std::uint32_t i = find_by_hint(g, o.focus_hint);
        if (i != kNoNode) s.focus = i;
        else r.warn("focus: no node matches " + in_quotes(o.focus_hint) + "; the hint is ignored");
    }
    if (f != Format::Slice && s.focus == kNoNode) s.focus = first_person_node(g);
    if (s.focus != kNoNode && s.profile.name.empty()) s.profile.name = g.node_label[s.focus];
}

// The last step of every successful import: focus, warnings, commit to `out`.
ImportResult finish(Format f, Slice& slice, Slice& out, const ImportOptions& options,
                    Reporter& report, ImportResult result) {
    settle_focus(f, slice, options, report);
    report.finish();
    out = std::move(slice);
    result.ok = true;
    return result;
}

} // namespace

// [SECTION] import_graph
ImportResult import_graph(std::string_view text, Slice& out, const ImportOptions& options) {
    ImportResult result;
    result.detected = options.format;
    Slice slice;
    Reporter report(slice.warnings);
    json doc;
    Format f = options.format;
    if (f == Format::Auto || f == Format::Slice) {
        // Check first, keeping nothing; then the own format (the one big files come in)
        // streams one node or edge at a time, and the rest get their DOM.
        if (!check_json(text, options.limits, report)) {
            result.error = report.error();
            return result;
        }
        std::vector<JsonMember> members;
        const bool object = outline_object(text, members);
        if (object && (f == Format::Slice || find_member(members, "schema") != nullptr)) {
            result.detected = Format::Slice;
            if (!read_slice_text(members, slice, report)) {
                result.error = report.error();
                return result;
            }
            return finish(Format::Slice, slice, out, options, report, result);
        }
        doc = parse_checked(text);
    } else if (!read_json(text, options.limits, doc, report)) {
        result.error = report.error();
        return result;
    }
    if (f == Format::Auto) {
        f = detect(doc);
        if (f == Format::Auto) {
            result.error = doc.is_object()
                ? "top level: unknown format; expected one of slice, node-link, jgf, cytoscape, "
                  "graphology, vosviewer, openalex, semanticscholar"
                : "top level: expected an object or an array, got " + got(doc);
            return result;
        }
    }
    result.detected = f;
    if (!dispatch(f, doc, slice, options, report)) {
        result.error = report.error();
        return result;
    }
    return finish(f, slice, out, options, report, result);
}

} // namespace rgv
