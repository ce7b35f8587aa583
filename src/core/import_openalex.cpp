// import_openalex.cpp — OpenAlex (docs.openalex.org) -> a researcher's slice.
//
// Index
//   Ids and entities   "https://openalex.org/A123" -> node id "openalex:A123"
//   Works              work, authors (authored), institutions (affiliated), topics (about)
//   Author object      the author, affiliations (with years), topics
//   import_openalex    which of the three shapes, the focal researcher, the profile card
//
// Three shapes are read:
//   - an Author object  {"id": ".../A...", "display_name", "affiliations", "topics", ...}
//   - a Work object     {"id": ".../W...", "display_name", "authorships", "topics", ...}
//   - a works list      {"meta": {...}, "results": [Work, ...]}  (GET /works)
// The focal researcher of a work or a list: the options' focus hint (OpenAlex id, short
// id or exact name), else the author on the most works (ties: the first seen). Each
// co-author gets a "coauthor" edge to the focus with weight = shared works, as in the
// sample slice. "cites" edges link works of the list that reference each other; works
// outside the list are not added (they would swamp the slice with id-only nodes).
#include "core/attributes.h"
#include "core/import_internal.h"
#include "core/plain_text.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

namespace rgv {

namespace {

constexpr std::string_view kUrlPrefix = "https://openalex.org/";

// [SECTION] Ids and entities
std::string short_id(const std::string& id) {
    if (id.compare(0, kUrlPrefix.size(), kUrlPrefix) == 0) return id.substr(kUrlPrefix.size());
    return id;
}

// A string member's value, or "" (absent, null or another type).
std::string str(const json* object, const char* key) {
    if (object == nullptr) return {};
    const json* v = member(*object, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

void set_text(json& attrs, const char* key, std::string value) {
    if (!value.empty()) attrs[key] = std::move(value);
}

// The abstract from "abstract_inverted_index" ({"word": [positions]}): each word placed
// at its positions, in position order, separated by spaces. Positions past 100,000 or
// repeated are ignored (a malformed index must not allocate without bound).
std::string rebuild_abstract(const json* index) {
    if (index == nullptr || !index->is_object()) return {};
    std::map<std::uint64_t, const std::string*> at;
    for (auto it = index->begin(); it != index->end(); ++it) {
        if (!it.value().is_array()) continue;
        for (const json& pos : it.value())
            if (pos.is_number_unsigned() && pos.get<std::uint64_t>() < 100000)
                at.emplace(pos.get<std::uint64_t>(), &it.key());
    }
    std::string out;
    for (const auto& [pos, word] : at) {
        if (!out.empty()) out += ' ';
        out += *word;
    }
    return out;
}

// The well-known attributes of a work (docs/import-formats.md, OpenAlex).
void work_attrs(const json& w, json& attrs) {
    if (const json* y = member(w, "publication_year"); y && y->is_number_integer()) attrs[attr::kYear] = *y;
    set_text(attrs, attr::kDate, str(&w, "publication_date"));
    set_text(attrs, attr::kKind, str(&w, "type"));
    const json* primary = member(w, "primary_location");
    const json* source = primary ? member(*primary, "source") : nullptr;
    std::string venue = str(source, "display_name");
    if (venue.empty()) venue = str(member(w, "host_venue"), "display_name"); // the API before 2023
    set_text(attrs, attr::kVenue, std::move(venue));
    const std::string doi = bare_doi(str(&w, "doi"));
    set_text(attrs, attr::kDoi, doi);
    std::string url = str(primary, "landing_page_url");
    if (url.empty() && !doi.empty()) url = "https://doi.org/" + doi;
    set_text(attrs, attr::kUrl, std::move(url));
    const json* oa = member(w, "open_access");
    if (const json* is_oa = oa ? member(*oa, "is_oa") : nullptr; is_oa && is_oa->is_boolean())
        attrs[attr::kOpenAccess] = *is_oa;
    // The PDF: the best open copy's, else the primary location's, else oa_url.
    std::string pdf = str(member(w, "best_oa_location"), "pdf_url");
    if (pdf.empty()) pdf = str(primary, "pdf_url");
    if (pdf.empty()) pdf = str(oa, "oa_url");
    set_text(attrs, attr::kPdfUrl, std::move(pdf));
    if (const json* c = member(w, "cited_by_count"); c && c->is_number_unsigned()) attrs[attr::kCitations] = *c;
    set_text(attrs, attr::kLanguage, str(&w, "language"));
    set_text(attrs, attr::kAbstract, plain_text(rebuild_abstract(member(w, "abstract_inverted_index"))));
}

// An institution's: ror, country (ISO code), type.
void institution_attrs(const json& inst, json& attrs) {
    set_text(attrs, attr::kRor, str(&inst, "ror"));
    set_text(attrs, attr::kCountry, str(&inst, "country_code"));
    set_text(attrs, attr::kInstitutionType, str(&inst, "type"));
}

class Reader {
public:
    Reader(Slice& slice, const ImportOptions& options, Reporter& report)
        : slice_(slice), b_(slice, options.limits, report), report_(report) {}

    // The node of an OpenAlex entity object ({"id", "display_name", ...}); kNoNode with a
    // warning when it has no usable id (the entity is skipped), or on a limit (error set).
    std::uint32_t entity(const json& e, const std::string& p, const char* type,
                         std::initializer_list<const char*> keep) {
        const json* idv = member(e, "id");
        if (!e.is_object() || idv == nullptr || !idv->is_string() || idv->get_ref<const std::string&>().empty()) {
            report_.warn(p + (e.is_object() ? "/id: missing or not a string; " : ": not an object; ") +
                         type + " skipped");
            return kNoNode;
        }
        const std::string id = "openalex:" + short_id(idv->get<std::string>());
        const std::uint32_t found = b_.graph().find(id);
        if (found != kNoNode) return found;
        std::string label;
        if (const json* n = member(e, "display_name"); n && n->is_string()) label = n->get<std::string>();
        json attrs = json::object();
        attrs["openalex"] = *idv;
        for (const char* k : keep)
            if (const json* v = member(e, k); v && !v->is_null()) attrs[k] = *v;
        if (std::string orcid = bare_orcid(str(&e, "orcid")); !orcid.empty()) attrs[attr::kOrcid] = std::move(orcid);
        if (std::strcmp(type, "institution") == 0) institution_attrs(e, attrs);
        if (std::strcmp(type, "work") == 0) work_attrs(e, attrs);
        // Authors (and institutions) list their other spellings: Latin and native scripts.
        set_alt_labels(member(e, "display_name_alternatives"), label, attrs);
        return b_.ensure_node(p, id, type, std::move(label), std::move(attrs));
    }

    // [SECTION] Works
    // Returns false only when the file is refused (error set).
    bool work(const json& w, const std::string& p) {
        if (!w.is_object()) return report_.fail(p + ": expected an object, got " + got(w));
        const json* idv = member(w, "id");
        if (!idv) return report_.fail(p + ": missing \"id\"");
        if (!idv->is_string()) return report_.fail(p + "/id: expected a string, got " + got(*idv));
        const std::uint32_t wi = entity(w, p, "work", {});
        if (report_.failed()) return false;
        if (wi == kNoNode) return true;
        if (b_.graph().node_label[wi] == b_.graph().node_id[wi])
            if (const json* t = member(w, "title"); t && t->is_string()) b_.graph().node_label[wi] = t->get<std::string>();
        b_.graph().node_label[wi] = plain_text(b_.graph().node_label[wi]); // titles carry <i>, <sub>, &amp;
        works_.push_back({wi, &w});

        const json* authorships = member(w, "authorships");
        if (authorships && !authorships->is_null() && !authorships->is_array())
            return report_.fail(p + "/authorships: expected an array, got " + got(*authorships));
        std::set<std::uint32_t> authors_here;
        for (std::size_t i = 0; authorships && authorships->is_array() && i < authorships->size(); ++i) {
            const json& a = (*authorships)[i];
            const std::string ap = pointer_index(p + "/authorships", i);
            if (!a.is_object()) return report_.fail(ap + ": expected an object, got " + got(a));
            const json* author = member(a, "author");
            if (!author) {
                report_.warn(ap + ": missing \"author\"; authorship skipped");
                continue;
            }
            const std::uint32_t pi = entity(*author, ap + "/author", "person", {});
            if (report_.failed()) return false;
            if (pi == kNoNode || !authors_here.insert(pi).second) continue;
            authorship_.add(pi, wi);
            json attrs = json::object();
            attrs[attr::kPosition] = i; // 0-based order in "authorships"
            if (const json* pos = member(a, "author_position")) attrs["author_position"] = *pos; // first / middle / last
            if (const json* c = member(a, "is_corresponding"); c && c->is_boolean()) attrs[attr::kCorresponding] = *c;
            b_.graph().node_attrs[wi][attr::kAuthors].push_back(b_.graph().node_label[pi]);
            if (!b_.add_edge_index(ap, pi, wi, "authored", 1.0f, true, std::move(attrs))) return false;
            if (!affiliations(a, ap, pi)) return false;
        }

        const json* topics = member(w, "topics");
        if (topics && topics->is_array()) {
            for (std::size_t i = 0; i < topics->size(); ++i) {
                const json& t = (*topics)[i];
                const std::string tp = pointer_index(p + "/topics", i);
                const std::uint32_t ti = topic(t, tp);
                if (report_.failed()) return false;
                if (ti == kNoNode) continue;
                float weight = 1.0f;
                if (const json* s = member(t, "score"); s && s->is_number() && fits_float(s->get<double>()) &&
                                                          s->get<double>() >= 0.0)
                    weight = static_cast<float>(s->get<double>());
                if (!b_.add_edge_index(tp, wi, ti, "about", weight, true)) return false;
            }
        }
        return true;
    }

    // person -> institution, once per pair; attrs.works counts the works that say so.
    bool affiliations(const json& authorship, const std::string& ap, std::uint32_t pi) {
        const json* insts = member(authorship, "institutions");
        if (!insts || !insts->is_array()) return true;
        for (std::size_t k = 0; k < insts->size(); ++k) {
            const std::string ip = pointer_index(ap + "/institutions", k);
            const std::uint32_t ii = entity((*insts)[k], ip, "institution", {});
            if (report_.failed()) return false;
            if (ii == kNoNode) continue;
            ++inst_count_[{pi, ii}];
            auto [it, added] = affiliated_.emplace(std::make_pair(pi, ii), kNoNode);
            if (added) {
                it->second = static_cast<std::uint32_t>(b_.graph().edge_count());
                if (!b_.add_edge_index(ip, pi, ii, "affiliated", 1.0f, true)) return false;
            }
            b_.graph().edge_attrs[it->second]["works"] = inst_count_[{pi, ii}];
        }
        return true;
    }

    std::uint32_t topic(const json& t, const std::string& tp) {
        const std::uint32_t ti = entity(t, tp, "topic", {});
        if (ti == kNoNode) return ti;
        json& attrs = b_.graph().node_attrs[ti];
        // OpenAlex's hierarchy: domain > field > subfield > topic. The topic is level 3 and
        // its parent the subfield; the broader names are kept as they are.
        bool any = false;
        for (const char* level : {"subfield", "field", "domain"})
            if (const json* l = member(t, level); l && l->is_object())
                if (const json* n = member(*l, "display_name"); n && n->is_string()) {
                    attrs[level] = *n;
                    if (!any) attrs[attr::kParent] = *n;
                    any = true;
                }
        if (any) attrs[attr::kLevel] = 3;
        return ti;
    }

    // Works list: "cites" between works of the list, then the focus and coauthor edges.
    bool finish_works(const std::string& hint) {
        Graph& g = b_.graph();
        for (const auto& [wi, w] : works_) {
            const json* refs = member(*w, "referenced_works");
            if (!refs || !refs->is_array()) continue;
            for (const json& r : *refs) {
                if (!r.is_string()) continue;
                const std::uint32_t ti = g.find("openalex:" + short_id(r.get<std::string>()));
                if (ti == kNoNode || g.kind[ti] != NodeKind::Work) continue;
                if (!b_.add_edge_index("/", wi, ti, "cites", 1.0f, true)) return false;
            }
        }
        std::uint32_t focus = find_by_hint(g, hint);
        if (!hint.empty() && (focus == kNoNode || g.kind[focus] != NodeKind::Person)) {
            report_.warn("focus: no author matches " + in_quotes(hint) +
                         "; using the author on the most works");
            focus = kNoNode;
        }
        // A works list names no researcher: the author on the most works stands in, and the
        // card says so. Its counts are the graph's (no counts_source).
        const bool inferred = focus == kNoNode;
        if (inferred) focus = authorship_.most_works();
        slice_.focus = focus;
        if (focus == kNoNode) return true;
        const int coauthors = authorship_.add_coauthor_edges(b_, focus);
        if (coauthors < 0) return false;
        Profile& card = slice_.profile;
        card.name = g.node_label[focus];
        card.focus_inferred = inferred;
        card.works = static_cast<int>(authorship_.works_of(focus));
        card.close_collaborators = coauthors;
        card.topics = static_cast<int>(g.count_kind(NodeKind::Topic));
        // The institution the focus is listed with most often.
        std::size_t best = 0;
        for (const auto& [pair, n] : inst_count_)
            if (pair.first == focus && n > best) {
                best = n;
                card.affiliation = g.node_label[pair.second];
            }
        return true;
    }

    // [SECTION] Author object
    bool author(const json& a) {
        const std::uint32_t pi = entity(a, "", "person", {"summary_stats"});
        if (report_.failed()) return false;
        if (pi == kNoNode) return report_.fail("/id: missing; expected an OpenAlex author id");
        slice_.focus = pi;
        Graph& g = b_.graph();
        const json* affs = member(a, "affiliations");
        if (affs && !affs->is_null() && !affs->is_array())
            return report_.fail("/affiliations: expected an array, got " + got(*affs));
        for (std::size_t i = 0; affs && affs->is_array() && i < affs->size(); ++i) {
            const json& af = (*affs)[i];
            const std::string p = pointer_index("/affiliations", i);
            const json* inst = member(af, "institution");
            if (!inst) {
                report_.warn(p + ": missing \"institution\"; affiliation skipped");
                continue;
            }
            const std::uint32_t ii = entity(*inst, p + "/institution", "institution", {});
            if (report_.failed()) return false;
            if (ii == kNoNode) continue;
            json attrs = json::object();
            if (const json* y = member(af, "years")) attrs["years"] = *y;
            if (!b_.add_edge_index(p, pi, ii, "affiliated", 1.0f, true, std::move(attrs))) return false;
        }
        const json* topics = member(a, "topics");
        if (topics && !topics->is_null() && !topics->is_array())
            return report_.fail("/topics: expected an array, got " + got(*topics));
        for (std::size_t i = 0; topics && topics->is_array() && i < topics->size(); ++i) {
            const json& t = (*topics)[i];
            const std::string p = pointer_index("/topics", i);
            const std::uint32_t ti = topic(t, p);
            if (report_.failed()) return false;
            if (ti == kNoNode) continue;
            json attrs = json::object();
            if (const json* c = member(t, "count")) attrs["works"] = *c;
            if (!b_.add_edge_index(p, pi, ti, "about", 1.0f, true, std::move(attrs))) return false;
        }
        json& pa = g.node_attrs[pi];
        if (const json* w = member(a, "works_count"); w && w->is_number_unsigned()) pa[attr::kWorksCount] = *w;
        if (const json* c = member(a, "cited_by_count"); c && c->is_number_unsigned()) pa[attr::kCitations] = *c;
        if (const json* ss = member(a, "summary_stats"); ss && ss->is_object())
            if (const json* h = member(*ss, "h_index"); h && h->is_number_unsigned()) pa[attr::kHIndex] = *h;
        if (const json* lk = member(a, "last_known_institutions"); lk && lk->is_array() && !lk->empty())
            set_text(pa, attr::kAffiliation, str(&(*lk)[0], "display_name"));
        Profile& card = slice_.profile;
        card.name = g.node_label[pi];
        if (const json* w = member(a, "works_count"); w && w->is_number_unsigned() && w->get<std::uint64_t>() < 1u << 30)
            card.works = static_cast<int>(w->get<std::uint64_t>());
        card.topics = static_cast<int>(g.count_kind(NodeKind::Topic));
        card.counts_source = "OpenAlex"; // works_count: all their works, most not in this graph
        if (const json* lk = member(a, "last_known_institutions"); lk && lk->is_array() && !lk->empty())
            if (const json* n = member((*lk)[0], "display_name"); n && n->is_string())
                card.affiliation = n->get<std::string>();
        return true;
    }

private:
    Slice& slice_;
    GraphBuilder b_;
    Reporter& report_;
    std::vector<std::pair<std::uint32_t, const json*>> works_;
    Authorship authorship_;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> inst_count_;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> affiliated_;
};

} // namespace

// [SECTION] import_openalex
bool import_openalex(json& doc, Slice& slice, const ImportOptions& options, Reporter& report) {
    if (!doc.is_object()) return report.fail("top level: expected an object, got " + got(doc));
    Reader r(slice, options, report);
    if (const json* results = member(doc, "results")) {
        if (!results->is_array()) return report.fail("/results: expected an array, got " + got(*results));
        for (std::size_t i = 0; i < results->size(); ++i)
            if (!r.work((*results)[i], pointer_index("/results", i))) return false;
        if (const json* meta = member(doc, "meta")) slice.extra["meta"] = *meta;
        return r.finish_works(options.focus_hint);
    }
    const json* idv = member(doc, "id");
    if (!idv) return report.fail("/id: missing; expected an OpenAlex author, work or works list");
    if (!idv->is_string()) return report.fail("/id: expected a string, got " + got(*idv));
    const std::string id = short_id(idv->get<std::string>());
    if (member(doc, "authorships") || (!id.empty() && id[0] == 'W')) {
        if (!r.work(doc, "")) return false;
        return r.finish_works(options.focus_hint);
    }
    if (!id.empty() && id[0] == 'A') return r.author(doc);
    return report.fail("/id: " + in_quotes(id) +
                       " is not an OpenAlex author (A...) or work (W...); those and works lists are read");
}

} // namespace rgv
