// slice_io.cpp — see slice_io.h.
#include "core/slice_io.h"

#include <cstdio>
#include <cstdlib>

namespace rgv {

namespace {

using json = nlohmann::json;

// A float as the JSON number with the fewest digits that reads back to the same float:
// layout positions then come out as 12.5 or 0.1, not 0.10000000149011612 (what writing
// the float as a double gives). std::to_chars(float) would do this, but emscripten
// 3.1.6's libc++ lacks it, so: the shortest "%.*g" (at most 9 digits, FLT_DECIMAL_DIG)
// that survives the same double -> float conversion parse_slice applies. snprintf and
// strtod use the same locale, so the value is right even if an app changed the decimal
// point; nlohmann then writes the double in its own locale-independent way.
} // namespace

json float_number(float f) {
    for (int digits = 1; digits <= 9; ++digits) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(f));
        const double d = std::strtod(buf, nullptr);
        if (static_cast<float>(d) == f) return json(d);
    }
    return json(static_cast<double>(f));
}

namespace {

json profile_json(const Profile& p) {
    json j = json::object();
    j["name"] = p.name;
    if (!p.headline.empty()) j["headline"] = p.headline;
    // null is meaningful: the card shows "Affiliation not imported".
    j["affiliation"] = p.affiliation ? json(*p.affiliation) : json(nullptr);
    if (p.trust_score >= 0 || !p.trust_band.empty()) {
        json t = json::object();
        if (p.trust_score >= 0) t["score"] = p.trust_score;
        if (!p.trust_band.empty()) t["band"] = p.trust_band;
        j["trust"] = std::move(t);
    }
    if (!p.verification.empty()) j["verification"] = p.verification;
    j["claimed"] = p.claimed;
    j["open_to_collaborate"] = p.open_to_collaborate;
    json counts = json::object();
    if (p.works >= 0) counts["works"] = p.works;
    if (p.followers >= 0) counts["followers"] = p.followers;
    if (p.topics >= 0) counts["topics"] = p.topics;
    if (p.close_collaborators >= 0) counts["close_collaborators"] = p.close_collaborators;
    if (!counts.empty()) j["counts"] = std::move(counts);
    if (!p.counts_source.empty()) j["counts_source"] = p.counts_source;
    if (p.focus_inferred) j["focus_inferred"] = true;
    return j;
}

} // namespace

std::string write_slice(const Slice& slice, bool with_positions) {
    const Graph& g = slice.graph;
    json doc = json::object();
    doc["schema"] = "rgv-slice";
    doc["version"] = 1;
    if (slice.focus < g.node_count()) doc["focus"] = g.node_id[slice.focus];
    doc["profile"] = profile_json(slice.profile);
    // Unknown top-level keys read into Slice::extra go back out (never over our own keys).
    if (slice.extra.is_object())
        for (auto it = slice.extra.begin(); it != slice.extra.end(); ++it)
            if (!doc.contains(it.key()) && it.key() != "nodes" && it.key() != "edges")
                doc[it.key()] = it.value();

    json nodes = json::array();
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        json n = json::object();
        n["id"] = g.node_id[i];
        n["type"] = g.node_type[i];
        // The label defaults to the id when read, so an equal label is left out.
        if (g.node_label[i] != g.node_id[i]) n["label"] = g.node_label[i];
        if (with_positions) {
            n["x"] = float_number(g.x[i]);
            n["y"] = float_number(g.y[i]);
        }
        if (g.pinned[i]) n["pinned"] = true;
        if (g.node_attrs[i].is_object() && !g.node_attrs[i].empty()) n["attrs"] = g.node_attrs[i];
        nodes.push_back(std::move(n));
    }
    doc["nodes"] = std::move(nodes);

    json edges = json::array();
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        // An edge to a node index that does not exist cannot be named; a Graph built
        // through add_edge never has one, this only keeps a bad caller from crashing us.
        if (g.edge_source[e] >= g.node_count() || g.edge_target[e] >= g.node_count()) continue;
        json j = json::object();
        j["source"] = g.node_id[g.edge_source[e]];
        j["target"] = g.node_id[g.edge_target[e]];
        if (!g.edge_type[e].empty()) j["type"] = g.edge_type[e];
        if (g.edge_weight[e] != 1.0f) j["weight"] = float_number(g.edge_weight[e]);
        if (g.edge_directed[e]) j["directed"] = true;
        if (g.edge_attrs[e].is_object() && !g.edge_attrs[e].empty()) j["attrs"] = g.edge_attrs[e];
        edges.push_back(std::move(j));
    }
    doc["edges"] = std::move(edges);

    // error_handler_t::replace: strings set by code (not read from a file) might hold
    // invalid UTF-8; the strict default would throw, which aborts with exceptions off.
    return doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace rgv
