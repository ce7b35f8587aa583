// import_internal.h — what the per-format importers (src/core/import_*.cpp) share: the
// GraphBuilder that applies the common refuse / repair rules, small field readers, and
// one entry point per format. Internal to src/core; the public API is importers.h.
//
// Index
//   Field readers   ids, strings, weights, positions, leftover keys -> attrs
//   GraphBuilder    nodes and edges with the shared rules (docs/import-formats.md §3)
//   Focus           picking the focal researcher
//   Authorship      who wrote what (OpenAlex, Semantic Scholar): focus, co-author edges
//   Per-format entry points
#pragma once

#include "core/importers.h"
#include "core/json_reader.h"

#include <initializer_list>
#include <map>
#include <string>
#include <vector>

namespace rgv {

using json = nlohmann::json;

// [SECTION] Field readers
// An id may be a string or an integer (networkx, VOSviewer and d3 files use numbers);
// integers become their decimal text. Anything else refuses the file.
bool read_id(const json& v, const std::string& pointer, std::string& out, Reporter& report);
// Optional string: absent or null leaves `out` alone; another type refuses.
bool read_opt_string(const json& object, const char* key, const std::string& pointer,
                     std::string& out, Reporter& report);
// Optional weight: must be a number that fits a float; negative -> 0 with a warning.
bool read_weight(const json* v, const std::string& pointer, float& out, Reporter& report);
// Optional x / y pair (both or neither; finite floats). `has` tells whether they were given.
bool read_position(const json& object, const char* xkey, const char* ykey,
                   const std::string& pointer, float& x, float& y, bool& has, Reporter& report);
// Copies the members of `object` not listed in `known` into `attrs` (existing keys win).
void copy_leftovers(const json& object, std::initializer_list<const char*> known, json& attrs);
// A source's other names for an entity (OpenAlex display_name_alternatives, Semantic
// Scholar aliases) as the slice's attrs.alt_labels: strings only, in the source's order,
// without empty ones, repeats, or the label itself; not set when none remain.
void set_alt_labels(const json* names, const std::string& label, json& attrs);
// "https://doi.org/10.7717/peerj.4375" (or "doi:10...", "http://dx.doi.org/...") -> the
// bare DOI "10.7717/peerj.4375"; other text is returned as it is.
std::string bare_doi(std::string doi);
// "https://orcid.org/0000-0002-1825-0097" -> "0000-0002-1825-0097".
std::string bare_orcid(std::string orcid);

// What the generic formats (node-link, JGF, Cytoscape.js, graphology) say about a node
// or an edge, read from one object of fields with the same rules everywhere.
struct NodeFields {
    std::string type = "other"; // "type"; absent: "other"
    std::string label;          // "label", else "name"; empty: the id
    float x = 0.0f, y = 0.0f;
    bool has_position = false;  // "x" and "y"
    bool pinned = false;        // "pinned"
    json attrs = json::object(); // "attrs" object merged with every key not read above
};
bool read_node_fields(const json& fields, const std::string& pointer,
                      std::initializer_list<const char*> skip, NodeFields& out, Reporter& report);

struct EdgeFields {
    std::string type;           // `type_key` ("type"; JGF: "relation")
    float weight = 1.0f;        // "weight", else "value" (d3)
    bool directed = false;      // "directed" when given; else the caller's default
    json attrs = json::object();
};
bool read_edge_fields(const json& fields, const std::string& pointer, const char* type_key,
                      std::initializer_list<const char*> skip, EdgeFields& out, Reporter& report);

// [SECTION] GraphBuilder
class GraphBuilder {
public:
    GraphBuilder(Slice& slice, const LoadLimits& limits, Reporter& report)
        : slice_(slice), limits_(limits), report_(report) {}

    // Adds a node. Refuses (false) on an empty or duplicate id or past max_nodes.
    // `pointer` is the node's own pointer; `id_pointer` the pointer of its id value.
    bool add_node(const std::string& pointer, const std::string& id_pointer, std::string id,
                  std::string type, std::string label, json attrs, std::uint32_t* index = nullptr);
    // Adds the node unless the id exists (entities that recur, e.g. OpenAlex authors);
    // returns its index, or kNoNode past max_nodes (the error is then set).
    std::uint32_t ensure_node(const std::string& pointer, const std::string& id, std::string type,
                              std::string label, json attrs = json::object());
    void set_position(std::uint32_t index, float x, float y, bool pinned = false);

    // Adds an edge between two node ids. An unknown id or a self-loop drops the edge with
    // a warning (true); false only past max_edges. The pointers name the end values.
    bool add_edge(const std::string& pointer, const std::string& source_pointer,
                  const std::string& target_pointer, const std::string& source,
                  const std::string& target, std::string type, float weight, bool directed,
                  json attrs = json::object());
    // Reads the two end ids from `ends` (the object at `ends_pointer`, under source_key
    // and target_key) and adds the edge `pointer` with the fields read already. Every
    // format with id-valued ends goes through here, so their messages agree.
    bool add_edge_between(const std::string& pointer, const json& ends, const std::string& ends_pointer,
                          const char* source_key, const char* target_key, EdgeFields fields);
    // Same by index (both must exist); self-loops are dropped with a warning.
    bool add_edge_index(const std::string& pointer, std::uint32_t s, std::uint32_t t,
                        std::string type, float weight, bool directed, json attrs = json::object());

    Graph& graph() { return slice_.graph; }
    Reporter& report() { return report_; }

private:
    bool check_edge_limit(const std::string& pointer);
    Slice& slice_;
    const LoadLimits& limits_;
    Reporter& report_;
};

// [SECTION] Focus
// The node matching `hint` by id, by an id ending in "/<hint>" or ":<hint>", or by exact
// label; kNoNode when none does.
std::uint32_t find_by_hint(const Graph& g, const std::string& hint);
// The first node whose kind is Person, or kNoNode.
std::uint32_t first_person_node(const Graph& g);

// [SECTION] Authorship (OpenAlex, Semantic Scholar)
// Who wrote what, as the two author-centred importers collect it, and what both derive
// from it: the focus when none is given, and the co-author edges with their weights.
class Authorship {
public:
    // Records that `person` wrote `work`; false (nothing recorded) when already known.
    bool add(std::uint32_t person, std::uint32_t work);
    // Makes `person` known with no works yet (a focal author without papers).
    void add_person(std::uint32_t person);
    std::size_t works_of(std::uint32_t person) const;
    // The person on the most works; ties go to the first seen. kNoNode when none.
    std::uint32_t most_works() const;
    // One "coauthor" edge focus - person for every person sharing works with the focus,
    // weight = works shared, in first-seen order. Returns how many, or -1 when the edge
    // limit refused one (the error is then in the builder's reporter).
    int add_coauthor_edges(GraphBuilder& builder, std::uint32_t focus) const;

private:
    std::map<std::uint32_t, std::vector<std::uint32_t>> works_of_;
    std::map<std::uint32_t, std::size_t> order_; // person -> when first seen
};

// [SECTION] Per-format entry points
// Each reads the parsed document into `slice` (fresh, empty) and returns false with the
// error in `report` when it refuses. They may move values out of `doc`.
bool read_slice_document(json& doc, Slice& slice, Reporter& report);
// The own format streamed from text check_json accepted: `members` is its outline. Only
// one node or edge exists as a DOM at a time.
bool read_slice_text(const std::vector<JsonMember>& members, Slice& slice, Reporter& report);
// The same from the checked text; when the top level is not an object, the error says so.
bool read_slice_checked(std::string_view checked_text, Slice& slice, Reporter& report);
bool import_nodelink(json& doc, Slice& slice, const ImportOptions& options, Reporter& report);
bool import_jgf(json& doc, Slice& slice, const ImportOptions& options, Reporter& report);
bool import_cytoscape(json& doc, Slice& slice, const ImportOptions& options, Reporter& report);
bool import_graphology(json& doc, Slice& slice, const ImportOptions& options, Reporter& report);
bool import_vosviewer(json& doc, Slice& slice, const ImportOptions& options, Reporter& report);
bool import_openalex(json& doc, Slice& slice, const ImportOptions& options, Reporter& report);
bool import_semanticscholar(json& doc, Slice& slice, const ImportOptions& options,
                            Reporter& report);

} // namespace rgv
