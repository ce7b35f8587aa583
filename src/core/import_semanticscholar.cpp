// import_semanticscholar.cpp — Semantic Scholar Graph API (api.semanticscholar.org/api-docs/graph)
// -> a researcher's slice. Read shapes:
//   - an author with papers: {"authorId", "name", "affiliations": [string], "paperCount",
//     "hIndex", ..., "papers": [Paper]}   (GET /author/{id}?fields=...,papers.authors)
//   - a papers page: {"offset", "next", "data": [Paper]}   (GET /author/{id}/papers)
// Paper: {"paperId", "title", "year", "venue", "citationCount", "fieldsOfStudy": [string],
//         "s2FieldsOfStudy": [{"category", "source"}], "authors": [{"authorId", "name"}]}
// Nodes: person "s2:author:<authorId>" (an author without id: "s2:name:<name>"), work
// "s2:paper:<paperId>", topic "s2:field:<category>", institution "s2:affiliation:<text>"
// (the author's affiliation strings). Edges as for OpenAlex: authored (person -> work,
// attrs.position), about (work -> field), affiliated, coauthor (focus - co-author, weight =
// shared papers). The focus: the author object itself, else the hint, else the author on
// the most papers.
#include "core/import_internal.h"

#include <algorithm>
#include <map>

namespace rgv {

namespace {

class Reader {
public:
    Reader(Slice& slice, const ImportOptions& options, Reporter& report)
        : slice_(slice), b_(slice, options.limits, report), report_(report) {}

    std::uint32_t person(const json& a, const std::string& p) {
        if (!a.is_object()) {
            report_.warn(p + ": expected an object; author skipped");
            return kNoNode;
        }
        std::string name;
        if (const json* n = member(a, "name"); n && n->is_string()) name = n->get<std::string>();
        std::string id;
        const json* idv = member(a, "authorId");
        if (idv && (idv->is_string() || idv->is_number_integer())) {
            id = "s2:author:" + (idv->is_string() ? idv->get<std::string>() : idv->dump());
        } else if (!name.empty()) {
            id = "s2:name:" + name; // S2 lists some authors without an id
        } else {
            report_.warn(p + ": no \"authorId\" and no \"name\"; author skipped");
            return kNoNode;
        }
        json attrs = json::object();
        if (idv && !idv->is_null()) attrs["authorId"] = *idv;
        for (const char* k : {"url", "externalIds", "paperCount", "citationCount", "hIndex", "homepage"})
            if (const json* v = member(a, k); v && !v->is_null()) attrs[k] = *v;
        set_alt_labels(member(a, "aliases"), name, attrs); // other spellings of the name
        return b_.ensure_node(p, id, "person", name, std::move(attrs));
    }

    bool paper(const json& w, const std::string& p) {
        if (!w.is_object()) return report_.fail(p + ": expected an object, got " + got(w));
        const json* idv = member(w, "paperId");
        if (!idv) return report_.fail(p + ": missing \"paperId\"");
        if (!idv->is_string()) return report_.fail(p + "/paperId: expected a string, got " + got(*idv));
        std::string title;
        if (!read_opt_string(w, "title", p, title, report_)) return false;
        json attrs = json::object();
        copy_leftovers(w, {"paperId", "title", "authors", "fieldsOfStudy", "s2FieldsOfStudy", "abstract"}, attrs);
        const std::string id = "s2:paper:" + idv->get<std::string>();
        if (b_.graph().find(id) != kNoNode) {
            report_.warn(p + "/paperId: paper " + in_quotes(idv->get<std::string>()) + " listed twice; skipped");
            return true;
        }
        const std::uint32_t wi = b_.ensure_node(p, id, "work", title, std::move(attrs));
        if (wi == kNoNode) return false;

        const json* authors = member(w, "authors");
        if (authors && !authors->is_null() && !authors->is_array())
            return report_.fail(p + "/authors: expected an array, got " + got(*authors));
        for (std::size_t i = 0; authors && authors->is_array() && i < authors->size(); ++i) {
            const std::string ap = pointer_index(p + "/authors", i);
            const std::uint32_t pi = person((*authors)[i], ap);
            if (report_.failed()) return false;
            if (pi == kNoNode || !authorship_.add(pi, wi)) continue;
            json ea = json::object();
            ea["position"] = i;
            if (!b_.add_edge_index(ap, pi, wi, "authored", 1.0f, true, std::move(ea))) return false;
        }

        std::vector<std::string> fields;
        if (const json* f = member(w, "fieldsOfStudy"); f && f->is_array())
            for (const json& v : *f)
                if (v.is_string()) fields.push_back(v.get<std::string>());
        if (const json* f = member(w, "s2FieldsOfStudy"); f && f->is_array())
            for (const json& v : *f)
                if (const json* c = member(v, "category"); c && c->is_string()) fields.push_back(c->get<std::string>());
        std::sort(fields.begin(), fields.end());
        fields.erase(std::unique(fields.begin(), fields.end()), fields.end());
        for (const std::string& f : fields) {
            const std::uint32_t ti = b_.ensure_node(p, "s2:field:" + f, "topic", f);
            if (ti == kNoNode || !b_.add_edge_index(p, wi, ti, "about", 1.0f, true)) return false;
        }
        return true;
    }

    bool papers(const json* list, const std::string& base) {
        if (!list) return true;
        if (!list->is_array()) return report_.fail(base + ": expected an array, got " + got(*list));
        for (std::size_t i = 0; i < list->size(); ++i)
            if (!paper((*list)[i], pointer_index(base, i))) return false;
        return true;
    }

    bool finish(std::uint32_t focus, const std::string& hint) {
        Graph& g = b_.graph();
        if (focus == kNoNode && !hint.empty()) {
            focus = find_by_hint(g, hint);
            if (focus != kNoNode && g.kind[focus] != NodeKind::Person) focus = kNoNode;
            if (focus == kNoNode)
                report_.warn("focus: no author matches " + in_quotes(hint) +
                             "; using the author on the most papers");
        }
        if (focus == kNoNode) focus = authorship_.most_works();
        slice_.focus = focus;
        if (focus == kNoNode) return true;
        const int coauthors = authorship_.add_coauthor_edges(b_, focus);
        if (coauthors < 0) return false;
        Profile& card = slice_.profile;
        card.name = g.node_label[focus];
        if (card.works < 0) card.works = static_cast<int>(authorship_.works_of(focus));
        card.topics = static_cast<int>(g.count_kind(NodeKind::Topic));
        card.close_collaborators = coauthors;
        return true;
    }

    bool author(const json& a) {
        const std::uint32_t pi = person(a, "");
        if (pi == kNoNode) return report_.fail("/authorId: missing; expected a Semantic Scholar author");
        authorship_.add_person(pi); // the focus, even without papers
        if (const json* affs = member(a, "affiliations"); affs && affs->is_array()) {
            for (std::size_t i = 0; i < affs->size(); ++i) {
                const json& af = (*affs)[i];
                if (!af.is_string() || af.get_ref<const std::string&>().empty()) continue;
                const std::string p = pointer_index("/affiliations", i);
                const std::uint32_t ii = b_.ensure_node(p, "s2:affiliation:" + af.get<std::string>(),
                                                        "institution", af.get<std::string>());
                if (ii == kNoNode || !b_.add_edge_index(p, pi, ii, "affiliated", 1.0f, true)) return false;
                if (!slice_.profile.affiliation) slice_.profile.affiliation = af.get<std::string>();
            }
        }
        if (const json* n = member(a, "paperCount"); n && n->is_number_unsigned() && n->get<std::uint64_t>() < 1u << 30)
            slice_.profile.works = static_cast<int>(n->get<std::uint64_t>());
        if (!papers(member(a, "papers"), "/papers")) return false;
        return finish(pi, "");
    }

private:
    Slice& slice_;
    GraphBuilder b_;
    Reporter& report_;
    Authorship authorship_;
};

} // namespace

bool import_semanticscholar(json& doc, Slice& slice, const ImportOptions& options,
                            Reporter& report) {
    if (!doc.is_object()) return report.fail("top level: expected an object, got " + got(doc));
    Reader r(slice, options, report);
    if (member(doc, "authorId")) {
        if (!options.focus_hint.empty())
            report.warn("focus: an author object is its own focus; the hint is ignored");
        return r.author(doc);
    }
    if (const json* data = member(doc, "data")) {
        if (!r.papers(data, "/data")) return false;
        return r.finish(kNoNode, options.focus_hint);
    }
    if (const json* papers = member(doc, "papers")) {
        if (!r.papers(papers, "/papers")) return false;
        return r.finish(kNoNode, options.focus_hint);
    }
    return report.fail("top level: expected a Semantic Scholar author (\"authorId\", \"papers\") "
                       "or a papers page (\"data\")");
}

} // namespace rgv
