// import_vosviewer.cpp — VOSviewer JSON (app.vosviewer.com docs, "JSON file type"):
//   {"network": {"items": [{"id", "label", "x", "y", "cluster", "weights": {...},
//                           "scores": {...}, "description", "url"}],
//                "links": [{"source_id", "target_id", "strength"}],
//                "clusters": [{"cluster", "label"}]},
//    "config": {...}}
// Items carry no type (VOSviewer maps hold one kind of thing), so they are "other"
// unless an item says "type". "strength" is the edge weight; links are undirected. An
// item's cluster number gets the cluster's label as attrs.cluster_label when given.
#include "core/attributes.h"
#include "core/import_internal.h"

#include <map>

namespace rgv {

namespace {
// VOSviewer's "weights" and "scores" as well-known attributes where they mean the same:
// weights "Citations" -> citations, "Documents" -> works_count (a term's or an author's
// documents); scores "Pub. year" (a document's own year) -> year. Averages ("Avg. pub.
// year", "Avg. citations") are not a year or a count of one thing, so they stay only in
// attrs.weights / attrs.scores, as every other key does.
void vosviewer_attrs(const json& item, json& attrs) {
    if (const json* w = member(item, "weights"); w && w->is_object()) {
        if (const json* c = member(*w, "Citations"); c && c->is_number() && c->get<double>() >= 0.0 &&
                                                       !attrs.contains(attr::kCitations))
            attrs[attr::kCitations] = *c;
        if (const json* d = member(*w, "Documents"); d && d->is_number_unsigned() && !attrs.contains(attr::kWorksCount))
            attrs[attr::kWorksCount] = *d;
    }
    if (const json* s = member(item, "scores"); s && s->is_object())
        if (const json* y = member(*s, "Pub. year"); y && y->is_number() && !attrs.contains(attr::kYear)) {
            json probe = json::object();
            probe[attr::kYear] = *y;
            if (const auto year = attr::work_year(probe)) attrs[attr::kYear] = *year;
        }
}
} // namespace

bool import_vosviewer(json& doc, Slice& slice, const ImportOptions& options, Reporter& report) {
    if (!doc.is_object()) return report.fail("top level: expected an object, got " + got(doc));
    GraphBuilder b(slice, options.limits, report);
    const json* network = member(doc, "network");
    if (!network) return report.fail("/network: missing; expected {\"items\", \"links\"}");
    if (!network->is_object()) return report.fail("/network: expected an object, got " + got(*network));

    std::map<std::string, std::string> cluster_labels; // cluster number (as text) -> label
    if (const json* cs = member(*network, "clusters"); cs && !cs->is_null()) {
        if (!cs->is_array()) return report.fail("/network/clusters: expected an array, got " + got(*cs));
        for (std::size_t i = 0; i < cs->size(); ++i) {
            const json& c = (*cs)[i];
            const json* num = member(c, "cluster");
            const json* label = member(c, "label");
            if (num && label && label->is_string()) cluster_labels[num->dump()] = label->get<std::string>();
        }
    }

    const json* items = member(*network, "items");
    if (!items) return report.fail("/network/items: missing; expected an array of items");
    if (!items->is_array()) return report.fail("/network/items: expected an array, got " + got(*items));
    for (std::size_t i = 0; i < items->size(); ++i) {
        const json& it = (*items)[i];
        const std::string p = pointer_index("/network/items", i);
        if (!it.is_object()) return report.fail(p + ": expected an object, got " + got(it));
        const json* idv = member(it, "id");
        if (!idv) return report.fail(p + ": missing \"id\"");
        std::string id;
        if (!read_id(*idv, p + "/id", id, report)) return false;
        NodeFields f;
        if (!read_node_fields(it, p, {"id"}, f, report)) return false;
        vosviewer_attrs(it, f.attrs);
        if (const json* c = member(it, "cluster")) {
            auto found = cluster_labels.find(c->dump());
            if (found != cluster_labels.end() && !f.attrs.contains("cluster_label"))
                f.attrs["cluster_label"] = found->second;
        }
        std::uint32_t index = kNoNode;
        if (!b.add_node(p, p + "/id", std::move(id), std::move(f.type), std::move(f.label),
                        std::move(f.attrs), &index))
            return false;
        if (f.has_position) b.set_position(index, f.x, f.y, f.pinned);
    }

    const json* links = member(*network, "links");
    if (links && !links->is_null() && !links->is_array())
        return report.fail("/network/links: expected an array, got " + got(*links));
    for (std::size_t i = 0; links && links->is_array() && i < links->size(); ++i) {
        const json& l = (*links)[i];
        const std::string p = pointer_index("/network/links", i);
        if (!l.is_object()) return report.fail(p + ": expected an object, got " + got(l));
        EdgeFields f;
        f.type = "link";
        if (!read_weight(member(l, "strength"), p + "/strength", f.weight, report)) return false;
        copy_leftovers(l, {"source_id", "target_id", "strength"}, f.attrs);
        if (!b.add_edge_between(p, l, p, "source_id", "target_id", std::move(f)))
            return false;
    }
    // config, clusters and any other key are kept for the round trip.
    for (auto it = doc.begin(); it != doc.end(); ++it)
        if (it.key() != "network") slice.extra[it.key()] = it.value();
    if (const json* cs = member(*network, "clusters")) slice.extra["clusters"] = *cs;
    return true;
}

} // namespace rgv
