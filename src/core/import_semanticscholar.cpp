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
#include "core/attributes.h"
#include "core/import_internal.h"
#include "core/plain_text.h"

#include <algorithm>
#include <map>

namespace rgv {

namespace {

// object[key] when object is an object, else null.
const json* member_of(const json* object, const char* key) {
    return object != nullptr && object->is_object() ? member(*object, key) : nullptr;
}

std::string str(const json* object, const char* key) {
    const json* v = member_of(object, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// S2's publicationTypes -> the slice's kind (the names OpenAlex and Crossref use).
std::string kind_of(const json* types) {
    if (types == nullptr || !types->is_array() || types->empty() || !(*types)[0].is_string()) return {};
    static const std::pair<const char*, const char*> names[] = {
        {"JournalArticle", "article"}, {"Conference", "conference-paper"}, {"Review", "review"},
        {"Book", "book"}, {"BookSection", "book-chapter"}, {"Dataset", "dataset"},
        {"Editorial", "editorial"}, {"LettersAndComments", "letter"}, {"CaseReport", "case-report"},
        {"ClinicalTrial", "clinical-trial"}, {"MetaAnalysis", "meta-analysis"}, {"News", "news"},
        {"Study", "study"}};
    const std::string& t = (*types)[0].get_ref<const std::string&>();
    for (const auto& [s2, kind] : names)
        if (t == s2) return kind;
    return t;
}

// The well-known attributes of a paper (docs/import-formats.md, Semantic Scholar).
void paper_attrs(const json& w, json& attrs) {
    auto set = [&](const char* key, std::string v) {
        if (!v.empty()) attrs[key] = std::move(v);
    };
    if (const json* y = member(w, "year"); y && y->is_number_integer()) attrs[attr::kYear] = *y;
    set(attr::kDate, str(&w, "publicationDate"));
    set(attr::kKind, kind_of(member(w, "publicationTypes")));
    // The venue: "venue" (S2's normalised name), else publicationVenue's, else the journal's.
    std::string venue = str(&w, "venue");
    if (venue.empty()) venue = str(member(w, "publicationVenue"), "name");
    if (venue.empty()) venue = str(member(w, "journal"), "name");
    set(attr::kVenue, std::move(venue));
    const json* ids = member(w, "externalIds");
    const std::string doi = bare_doi(str(ids, "DOI")), arxiv = str(ids, "ArXiv");
    set(attr::kDoi, doi);
    set("arxiv", arxiv);
    std::string url = str(&w, "url");
    if (url.empty() && !doi.empty()) url = "https://doi.org/" + doi;
    if (url.empty() && !arxiv.empty()) url = "https://arxiv.org/abs/" + arxiv;
    set(attr::kUrl, std::move(url));
    set(attr::kPdfUrl, str(member(w, "openAccessPdf"), "url"));
    if (const json* oa = member(w, "isOpenAccess"); oa && oa->is_boolean()) attrs[attr::kOpenAccess] = *oa;
    if (const json* c = member(w, "citationCount"); c && c->is_number_unsigned()) attrs[attr::kCitations] = *c;
    if (const json* c = member(w, "influentialCitationCount"); c && c->is_number_unsigned())
        attrs[attr::kInfluentialCitations] = *c;
    set(attr::kAbstract, plain_text(str(&w, "abstract")));
}

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
        for (const char* k : {"url", "externalIds", "homepage"})
            if (const json* v = member(a, k); v && !v->is_null()) attrs[k] = *v;
        if (const json* n = member(a, "paperCount"); n && n->is_number_unsigned()) attrs[attr::kWorksCount] = *n;
        if (const json* n = member(a, "citationCount"); n && n->is_number_unsigned()) attrs[attr::kCitations] = *n;
        if (const json* n = member(a, "hIndex"); n && n->is_number_unsigned()) attrs[attr::kHIndex] = *n;
        if (const json* ids = member(a, "externalIds"); ids && ids->is_object())
            if (const json* o = member(*ids, "ORCID"); o && o->is_string()) attrs[attr::kOrcid] = bare_orcid(o->get<std::string>());
        if (const json* affs = member(a, "affiliations"); affs && affs->is_array() && !affs->empty() && (*affs)[0].is_string())
            attrs[attr::kAffiliation] = (*affs)[0];
        // Other spellings of the name: S2's aliases, and the author's names in DBLP
        // (externalIds.DBLP: a list of names, e.g. "Alan M. Turing" for "A. Turing").
        json names = json::array();
        for (const json* list : {member(a, "aliases"), member_of(member(a, "externalIds"), "DBLP")})
            if (list && list->is_array()) names.insert(names.end(), list->begin(), list->end());
            else if (list && list->is_string()) names.push_back(*list);
        set_alt_labels(&names, name, attrs);
        return b_.ensure_node(p, id, "person", name, std::move(attrs));
    }

    bool paper(const json& w, const std::string& p) {
        if (!w.is_object()) return report_.fail(p + ": expected an object, got " + got(w));
        const json* idv = member(w, "paperId");
        if (!idv) return report_.fail(p + ": missing \"paperId\"");
        if (!idv->is_string()) return report_.fail(p + "/paperId: expected a string, got " + got(*idv));
        std::string title;
        if (!read_opt_string(w, "title", p, title, report_)) return false;
        title = plain_text(title); // titles carry LaTeX and HTML too
        json attrs = json::object();
        paper_attrs(w, attrs);
        // The rest as S2 gives it, but not the fields mapped above under S2's spelling.
        copy_leftovers(w, {"paperId", "title", "authors", "fieldsOfStudy", "s2FieldsOfStudy", "abstract",
                           "year", "publicationDate", "venue", "citationCount", "isOpenAccess",
                           "influentialCitationCount"}, attrs);
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
            ea[attr::kPosition] = i; // 0-based order in "authors"
            b_.graph().node_attrs[wi][attr::kAuthors].push_back(b_.graph().node_label[pi]);
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
        // A paper list names no researcher: the author on the most papers stands in (said so).
        const bool inferred = focus == kNoNode;
        if (inferred) focus = authorship_.most_works();
        slice_.focus = focus;
        if (focus == kNoNode) return true;
        const int coauthors = authorship_.add_coauthor_edges(b_, focus);
        if (coauthors < 0) return false;
        Profile& card = slice_.profile;
        card.name = g.node_label[focus];
        card.focus_inferred = inferred;
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
        if (const json* n = member(a, "paperCount"); n && n->is_number_unsigned() && n->get<std::uint64_t>() < 1u << 30) {
            slice_.profile.works = static_cast<int>(n->get<std::uint64_t>());
            slice_.profile.counts_source = "Semantic Scholar"; // all their papers, not only these
        }
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
