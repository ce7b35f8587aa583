// test_importers.cpp — import_graph(): detection, every format's sample, the real OpenAlex
// responses, the bad-input corpus with its exact messages, limits, and "failure leaves
// the previous slice untouched".
//
// Index
//   Helpers
//   Format names and detection
//   Each format's sample (tests/data/formats)
//   Real OpenAlex responses (../shared/data/real)
//   Well-known attributes from real responses (tests/data/real, SOURCES.md)
//   The bad-input corpus (tests/data/bad/expected.json)
//   Limits: string length, a 100 MB file
//   Failure leaves `out` untouched; focus hints
#include "core/filter.h"
#include "core/importers.h"
#include "core/slice_io.h"

#include <doctest/doctest.h>

#include "test_util.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

using rgv::Format;
using rgv::ImportOptions;
using rgv::ImportResult;
using rgv::NodeKind;
using rgv::Slice;
using json = nlohmann::json;

namespace {

using rgv::test::read_text;

// [SECTION] Helpers

const std::string kData = std::string(RGV_ASSETS_DIR) + "/../tests/data";

Slice import_ok(const std::string& text, Format expect, const ImportOptions& o = {}) {
    Slice s;
    const ImportResult r = rgv::import_graph(text, s, o);
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.detected == expect);
    return s;
}

Slice sample(const std::string& name, Format expect) {
    const std::string text = read_text(kData + "/formats/" + name);
    REQUIRE_FALSE(text.empty());
    return import_ok(text, expect);
}

std::map<std::string, int> types(const rgv::Graph& g, bool edges) {
    std::map<std::string, int> m;
    for (const auto& t : edges ? g.edge_type : g.node_type) ++m[t];
    return m;
}

std::string label_of(const rgv::Graph& g, const std::string& id) {
    const std::uint32_t i = g.find(id);
    return i == rgv::kNoNode ? std::string("<missing>") : g.node_label[i];
}

} // namespace

// [SECTION] Format names and detection
TEST_CASE("format names round trip") {
    for (Format f : {Format::Auto, Format::Slice, Format::NodeLink, Format::Jgf, Format::Cytoscape,
                     Format::Graphology, Format::Vosviewer, Format::OpenAlex, Format::SemanticScholar}) {
        Format back = Format::Auto;
        CHECK(rgv::parse_format_name(rgv::format_name(f), back));
        CHECK(back == f);
    }
    Format f = Format::Auto;
    CHECK(rgv::parse_format_name("d3", f));
    CHECK(f == Format::NodeLink);
    CHECK_FALSE(rgv::parse_format_name("gexf", f));
}

TEST_CASE("the own format is detected and read as by parse_slice") {
    const Slice s = import_ok(read_text(std::string(RGV_ASSETS_DIR) + "/sample-slice.json"), Format::Slice);
    CHECK(s.graph.node_count() == 55);
    CHECK(s.graph.edge_count() == 116);
    CHECK(s.graph.node_label[s.focus] == "Zhezhi He");
}

// [SECTION] Each format's sample
TEST_CASE("node-link with ids: numbers as ids, name as label, value as weight") {
    const Slice s = sample("nodelink-ids.json", Format::NodeLink);
    const rgv::Graph& g = s.graph;
    REQUIRE(g.node_count() == 3);
    CHECK(label_of(g, "ada") == "Ada Lovelace");
    CHECK(g.node_attrs[g.find("w1")]["year"] == 1843);
    CHECK(g.node_type[g.find("7")] == "other");
    REQUIRE(g.edge_count() == 2);
    CHECK(g.edge_weight[0] == 2.0f);
    CHECK(g.edge_weight[1] == 3.0f); // d3's "value"
    CHECK(g.node_id[g.edge_source[1]] == "7");
    CHECK(s.focus == g.find("ada"));
    CHECK(s.extra["graph"]["name"] == "karate-ish");
}

TEST_CASE("node-link with indices (d3 miserables style)") {
    const Slice s = sample("nodelink-indices.json", Format::NodeLink);
    const rgv::Graph& g = s.graph;
    CHECK(g.node_id[0] == "0");
    CHECK(g.node_label[1] == "Napoleon");
    REQUIRE(g.edge_count() == 2);
    CHECK(g.node_id[g.edge_source[0]] == "1");
    CHECK(g.node_id[g.edge_target[0]] == "0");
    CHECK(g.edge_weight[1] == 8.0f);
}

TEST_CASE("JGF v2: nodes keyed by id, metadata, relation, directed") {
    const Slice s = sample("jgf-graph.json", Format::Jgf);
    const rgv::Graph& g = s.graph;
    REQUIRE(g.node_count() == 2);
    const std::uint32_t a = g.find("a");
    CHECK(g.node_label[a] == "Alice");
    CHECK(g.kind[a] == NodeKind::Person);
    CHECK(g.has_position[a] == 1);
    CHECK(g.x[a] == 1.0f);
    CHECK(g.node_attrs[g.find("p")]["year"] == 2020);
    REQUIRE(g.edge_count() == 1);
    CHECK(g.edge_type[0] == "authored");
    CHECK(g.edge_weight[0] == 0.5f);
    CHECK(g.edge_directed[0] == 1);
    CHECK(s.extra["graph"]["label"] == "small");
}

TEST_CASE("JGF graphs: the first graph, with a warning") {
    const Slice s = sample("jgf-graphs.json", Format::Jgf);
    CHECK(s.graph.node_count() == 2);
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0] == "/graphs: 2 graphs; only the first (/graphs/0) is shown");
}

TEST_CASE("Cytoscape.js: flat array and grouped elements") {
    const Slice flat = sample("cytoscape-flat.json", Format::Cytoscape);
    const rgv::Graph& g = flat.graph;
    REQUIRE(g.node_count() == 2);
    CHECK(g.has_position[0] == 1);
    CHECK(g.pinned[0] == 1); // locked
    CHECK(g.y[0] == 20.0f);
    CHECK(g.node_attrs[1]["classes"] == "hot");
    REQUIRE(g.edge_count() == 1);
    CHECK(g.edge_type[0] == "about");
    CHECK(g.edge_weight[0] == 2.0f);
    CHECK(g.edge_attrs[0]["id"] == "ab");

    const Slice grouped = sample("cytoscape-grouped.json", Format::Cytoscape);
    CHECK(grouped.graph.node_count() == 2);
    CHECK(grouped.graph.node_label[0] == "One");
    CHECK(grouped.graph.edge_count() == 1);
    CHECK(grouped.extra["zoom"] == 1.5);
}

TEST_CASE("graphology: attributes, mixed graph directedness") {
    const Slice s = sample("graphology.json", Format::Graphology);
    const rgv::Graph& g = s.graph;
    REQUIRE(g.node_count() == 3);
    CHECK(g.node_label[0] == "Alice");
    CHECK(g.has_position[0] == 1);
    CHECK(g.has_position[1] == 0);
    REQUIRE(g.edge_count() == 2);
    CHECK(g.edge_type[0] == "authored");
    CHECK(g.edge_weight[0] == 3.0f);
    CHECK(g.edge_directed[0] == 1);
    CHECK(g.edge_directed[1] == 0);
    CHECK(g.edge_attrs[0]["key"] == "e1");
}

TEST_CASE("VOSviewer: items, links with strength, cluster labels") {
    const Slice s = sample("vosviewer.json", Format::Vosviewer);
    const rgv::Graph& g = s.graph;
    REQUIRE(g.node_count() == 3);
    CHECK(g.node_label[g.find("2")] == "Waltman, L.");
    CHECK(g.node_attrs[0]["cluster_label"] == "CWTS methods");
    CHECK(g.node_attrs[0]["weights"]["Documents"] == 20);
    CHECK(g.has_position[2] == 1);
    REQUIRE(g.edge_count() == 2);
    CHECK(g.edge_weight[0] == 15.0f);
    CHECK(g.edge_type[0] == "link");
}

TEST_CASE("OpenAlex works list (hand-made from the single work's shape)") {
    const Slice s = sample("openalex-works.json", Format::OpenAlex);
    const rgv::Graph& g = s.graph;
    CHECK(g.count_kind(NodeKind::Work) == 3);
    CHECK(g.count_kind(NodeKind::Person) == 3);
    CHECK(g.count_kind(NodeKind::Institution) == 2);
    CHECK(g.count_kind(NodeKind::Topic) == 1);
    const auto e = types(g, true);
    CHECK(e.at("authored") == 6);
    CHECK(e.at("affiliated") == 3);
    CHECK(e.at("about") == 3);
    CHECK(e.at("cites") == 1); // W2 -> W1; W999 is outside the list
    CHECK(e.at("coauthor") == 2);
    // Jason Priem is on all three works: the focus.
    REQUIRE(s.focus != rgv::kNoNode);
    CHECK(g.node_id[s.focus] == "openalex:A5023888391");
    CHECK(s.profile.name == "Jason Priem");
    CHECK(s.profile.works == 3);
    CHECK(s.profile.close_collaborators == 2);
    // A works list names no researcher: the focus is a guess, and its counts are the graph's.
    CHECK(s.profile.focus_inferred);
    CHECK(s.profile.counts_source.empty());
    CHECK(s.profile.affiliation.value_or("") == "OurResearch");
    CHECK(s.extra["meta"]["count"] == 3);
    // Coauthor weight = shared works (Heather Piwowar: 2).
    for (std::size_t i = 0; i < g.edge_count(); ++i)
        if (g.edge_type[i] == "coauthor" && g.node_id[g.edge_target[i]] == "openalex:A5048491430")
            CHECK(g.edge_weight[i] == 2.0f);
}

TEST_CASE("OpenAlex works list: the focus hint wins") {
    ImportOptions o;
    o.focus_hint = "Bo Example";
    const Slice s = import_ok(read_text(kData + "/formats/openalex-works.json"), Format::OpenAlex, o);
    CHECK(s.profile.name == "Bo Example");
    CHECK(s.profile.works == 1);
    CHECK_FALSE(s.profile.focus_inferred); // named by the host
    o.focus_hint = "A5048491430";
    const Slice t = import_ok(read_text(kData + "/formats/openalex-works.json"), Format::OpenAlex, o);
    CHECK(t.profile.name == "Heather Piwowar");
}

TEST_CASE("OpenAlex author: display_name_alternatives become alt_labels") {
    const Slice s = sample("openalex-author.json", Format::OpenAlex);
    const rgv::Graph& g = s.graph;
    REQUIRE(s.focus != rgv::kNoNode);
    CHECK(g.node_label[s.focus] == "Xiaoming Wang");
    // The source's order; without the label itself, the empty string, the number and the
    // repeat of 王小明.
    CHECK(g.node_attrs[s.focus]["alt_labels"] == json::array({"Wang Xiaoming", "王小明", "X. Wang"}));
    CHECK_FALSE(g.node_attrs[s.focus].contains("display_name_alternatives"));
    CHECK(s.profile.works == 12);
    CHECK(s.profile.affiliation.value_or("") == "Tsinghua University");
    CHECK(s.warnings.empty());
}

TEST_CASE("Semantic Scholar author with papers") {
    const Slice s = sample("semanticscholar-author.json", Format::SemanticScholar);
    const rgv::Graph& g = s.graph;
    CHECK(g.count_kind(NodeKind::Work) == 2);
    CHECK(g.count_kind(NodeKind::Person) == 3); // incl. an author without authorId
    CHECK(g.count_kind(NodeKind::Topic) == 2);
    CHECK(g.count_kind(NodeKind::Institution) == 1);
    CHECK(label_of(g, "s2:name:Unknown Person") == "Unknown Person");
    CHECK(g.node_id[s.focus] == "s2:author:1741101");
    CHECK(s.profile.works == 3); // paperCount
    CHECK(s.profile.counts_source == "Semantic Scholar");
    CHECK_FALSE(s.profile.focus_inferred);
    CHECK(s.profile.affiliation.value_or("") == "Allen Institute for AI");
    // The author's aliases, without the name itself.
    CHECK(g.node_attrs[s.focus]["alt_labels"] == json::array({"O. Etzioni", "Etzioni Oren"}));
    const auto e = types(g, true);
    CHECK(e.at("authored") == 5);
    CHECK(e.at("coauthor") == 2);
    for (std::size_t i = 0; i < g.edge_count(); ++i)
        if (g.edge_type[i] == "coauthor" && g.node_id[g.edge_target[i]] == "s2:author:2")
            CHECK(g.edge_weight[i] == 2.0f);
}

// [SECTION] Real OpenAlex responses
#ifdef RGV_SHARED_DIR
TEST_CASE("real OpenAlex author A5023888391 (Jason Priem)") {
    const std::string text = read_text(std::string(RGV_SHARED_DIR) + "/data/real/openalex-author-A5023888391.json");
    REQUIRE_FALSE(text.empty());
    const Slice s = import_ok(text, Format::OpenAlex);
    const rgv::Graph& g = s.graph;
    CHECK(g.node_count() == 34);
    CHECK(g.count_kind(NodeKind::Person) == 1);
    CHECK(g.count_kind(NodeKind::Institution) == 8);
    CHECK(g.count_kind(NodeKind::Topic) == 25);
    CHECK(g.edge_count() == 33);
    CHECK(s.profile.name == "Jason Priem");
    CHECK(s.profile.works == 62);
    CHECK(s.profile.topics == 25);
    CHECK(s.profile.counts_source == "OpenAlex"); // the card: "62 works in OpenAlex"
    CHECK_FALSE(s.profile.focus_inferred);
    CHECK(s.profile.affiliation.value_or("") == "OurResearch");
    CHECK(label_of(g, "openalex:I4200000001") == "OurResearch");
    CHECK(label_of(g, "openalex:T10102") == "scientometrics and bibliometrics research");
    // display_name_alternatives ["Priem Jason", "Jason Priem"]: the label is not repeated.
    CHECK(g.node_attrs[s.focus]["alt_labels"] == json::array({"Priem Jason"}));
    CHECK(s.warnings.empty());
}

TEST_CASE("real OpenAlex work W2741809807 (The state of OA)") {
    const std::string text = read_text(std::string(RGV_SHARED_DIR) + "/data/real/openalex-work-W2741809807.json");
    REQUIRE_FALSE(text.empty());
    const Slice s = import_ok(text, Format::OpenAlex);
    const rgv::Graph& g = s.graph;
    CHECK(g.count_kind(NodeKind::Work) == 1);
    CHECK(g.count_kind(NodeKind::Person) == 9);
    CHECK(g.count_kind(NodeKind::Institution) == 8);
    CHECK(g.count_kind(NodeKind::Topic) == 3);
    const auto e = types(g, true);
    CHECK(e.at("authored") == 9);
    CHECK(e.at("coauthor") == 8);
    CHECK(e.at("about") == 3);
    CHECK(label_of(g, "openalex:W2741809807").rfind("The state of OA", 0) == 0);
    CHECK(label_of(g, "openalex:A5023888391") == "Jason Priem");
    // All nine share the one work: the first author is the focus, unless a hint says.
    CHECK(s.profile.name == "Heather Piwowar");
    ImportOptions o;
    o.focus_hint = "https://openalex.org/A5023888391";
    const Slice t = import_ok(text, Format::OpenAlex, o);
    CHECK(t.profile.name == "Jason Priem");
}
#endif

// [SECTION] Well-known attributes from real responses (tests/data/real, SOURCES.md)
namespace {
const json& attrs_of(const rgv::Graph& g, const std::string& id) {
    static const json none;
    const std::uint32_t i = g.find(id);
    return i == rgv::kNoNode ? none : g.node_attrs[i];
}

// The edge of `type` from `source` to `target` (ids); nullptr when there is none.
const json* edge_attrs(const rgv::Graph& g, const std::string& source, const std::string& target, const char* type) {
    for (std::size_t e = 0; e < g.edge_count(); ++e)
        if (g.edge_type[e] == type && g.node_id[g.edge_source[e]] == source && g.node_id[g.edge_target[e]] == target)
            return &g.edge_attrs[e];
    return nullptr;
}

// What every importer writes for W2741809807, whether alone or in a works list.
void check_state_of_oa(const Slice& s) {
    const rgv::Graph& g = s.graph;
    const json& w = attrs_of(g, "openalex:W2741809807");
    CHECK(label_of(g, "openalex:W2741809807") ==
          "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles");
    CHECK(w["year"] == 2018);
    CHECK(w["date"] == "2018-02-13");
    CHECK(w["kind"] == "article");
    CHECK(w["venue"] == "PeerJ"); // primary_location.source.display_name
    CHECK(w["doi"] == "10.7717/peerj.4375");
    CHECK(w["url"] == "https://doi.org/10.7717/peerj.4375"); // primary_location.landing_page_url
    CHECK(w["open_access"] == true);
    CHECK(w["pdf_url"] == "https://peerj.com/articles/4375.pdf"); // best_oa_location.pdf_url
    CHECK(w["citations"] == 962);
    CHECK(w["language"] == "en");
    // The abstract rebuilt from abstract_inverted_index: 258 words by position.
    const std::string abstract = w.value("abstract", "");
    CHECK(abstract.rfind("Despite growing interest in Open Access (OA) to scholarly literature, there is an unmet "
                         "need for large-scale, up-to-date, and reproducible studies",
                         0) == 0);
    CHECK(abstract.size() > 1500);
    CHECK(abstract.find("  ") == std::string::npos);
    CHECK(w["authors"].size() == 9);
    CHECK(w["authors"][0] == "Heather Piwowar");
    CHECK(w["authors"][8] == "Stefanie Haustein");
    CHECK_FALSE(w.contains("publication_year")); // mapped, not kept twice
    CHECK_FALSE(w.contains("cited_by_count"));

    // Authorships: position (0-based), corresponding; the person's ORCID.
    const json* first = edge_attrs(g, "openalex:A5048491430", "openalex:W2741809807", "authored");
    REQUIRE(first != nullptr);
    CHECK((*first)["position"] == 0);
    CHECK((*first)["author_position"] == "first");
    CHECK((*first)["corresponding"] == false);
    const json* last = edge_attrs(g, "openalex:A5014077037", "openalex:W2741809807", "authored");
    REQUIRE(last != nullptr);
    CHECK((*last)["position"] == 8);
    CHECK((*last)["author_position"] == "last");
    CHECK(attrs_of(g, "openalex:A5023888391")["orcid"] == "0000-0001-6187-6610");

    // Institutions: several per author, each with ROR, country and type.
    const json& montreal = attrs_of(g, "openalex:I70931966");
    CHECK(label_of(g, "openalex:I70931966") == "Université de Montréal");
    CHECK(montreal["ror"] == "https://ror.org/0161xgx34");
    CHECK(montreal["country"] == "CA");
    CHECK(montreal["type"] == "funder");
    // Public Knowledge Project has no country in OpenAlex: none is made up.
    for (std::size_t i = 0; i < g.node_count(); ++i)
        if (g.node_label[i] == "Public Knowledge Project") {
            CHECK(g.node_attrs[i]["ror"] == "https://ror.org/05ek4tb53");
            CHECK_FALSE(g.node_attrs[i].contains("country"));
        }

    // Topics: level 3 under their subfield, with field and domain.
    const json& t = attrs_of(g, "openalex:T10102");
    CHECK(t["level"] == 3);
    CHECK(t["parent"] == "Statistics, Probability and Uncertainty");
    CHECK(t["subfield"] == "Statistics, Probability and Uncertainty");
    CHECK(t["field"] == "Decision Sciences");
    CHECK(t["domain"] == "Social Sciences");
    CHECK(s.warnings.empty());
}
} // namespace

TEST_CASE("real OpenAlex work: every well-known attribute arrives") {
    const std::string text = read_text(kData + "/real/openalex-work-W2741809807.json");
    REQUIRE_FALSE(text.empty());
    const Slice s = import_ok(text, Format::OpenAlex);
    CHECK(s.graph.count_kind(NodeKind::Institution) == 8);
    check_state_of_oa(s);
}

TEST_CASE("real OpenAlex work: written as a slice and read back, the same attributes and no warning") {
    const Slice s = import_ok(read_text(kData + "/real/openalex-work-W2741809807.json"), Format::OpenAlex);
    Slice back;
    const rgv::LoadResult r = rgv::parse_slice(rgv::write_slice(s, false), back);
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(back.warnings.empty()); // the importer writes no other spelling of a well-known name
    check_state_of_oa(back);
}

TEST_CASE("real OpenAlex works list: the same attributes, and the list's meta kept") {
    const std::string text = read_text(kData + "/real/openalex-works-list-W2741809807.json");
    REQUIRE_FALSE(text.empty());
    const Slice s = import_ok(text, Format::OpenAlex);
    check_state_of_oa(s);
    CHECK(s.extra["meta"]["count"] == 1);
    // What colour by year, the year filter and size by citations read.
    int lo = 0, hi = 0;
    CHECK(rgv::slice_year_range(s, lo, hi));
    CHECK(lo == 2018);
    CHECK(hi == 2018);
}

TEST_CASE("real OpenAlex author: every well-known attribute arrives") {
    const std::string text = read_text(kData + "/real/openalex-author-A5023888391.json");
    REQUIRE_FALSE(text.empty());
    const Slice s = import_ok(text, Format::OpenAlex);
    const rgv::Graph& g = s.graph;
    REQUIRE(s.focus != rgv::kNoNode);
    const json& a = g.node_attrs[s.focus];
    CHECK(g.node_label[s.focus] == "Jason Priem");
    CHECK(a["alt_labels"] == json::array({"Priem Jason"})); // display_name_alternatives
    CHECK(a["orcid"] == "0000-0001-6187-6610");
    CHECK(a["affiliation"] == "OurResearch"); // last_known_institutions[0]
    CHECK(a["works_count"] == 62);
    CHECK(a["citations"] == 3890); // cited_by_count
    CHECK(a["h_index"] == 17);     // summary_stats.h_index
    CHECK(a["summary_stats"]["i10_index"] == 20);
    CHECK_FALSE(a.contains("cited_by_count"));
    // Institutions with ROR and country; topics with their counts and hierarchy.
    const json& our = attrs_of(g, "openalex:I4200000001");
    CHECK(our["ror"] == "https://ror.org/02nr0ka47");
    CHECK(our["country"] == "CA");
    CHECK(our["type"] == "nonprofit");
    const json* topic = edge_attrs(g, "openalex:A5023888391", "openalex:T10102", "about");
    REQUIRE(topic != nullptr);
    CHECK((*topic)["works"] == 23);
    CHECK(attrs_of(g, "openalex:T10102")["level"] == 3);
    CHECK(attrs_of(g, "openalex:T10102")["field"] == "Decision Sciences");
    CHECK(s.warnings.empty());
}

TEST_CASE("Semantic Scholar author: every well-known attribute arrives") {
    const Slice s = sample("semanticscholar-author-fields.json", Format::SemanticScholar);
    const rgv::Graph& g = s.graph;
    REQUIRE(s.focus != rgv::kNoNode);
    const json& a = g.node_attrs[s.focus];
    CHECK(a["alt_labels"] == json::array({"A. Vaswani"}));
    CHECK(a["orcid"] == "0000-0002-1825-0097");
    CHECK(a["affiliation"] == "Google Brain");
    CHECK(a["works_count"] == 70);  // paperCount
    CHECK(a["citations"] == 150000); // citationCount
    CHECK(a["h_index"] == 30);       // hIndex
    CHECK(a["url"] == "https://www.semanticscholar.org/author/40348417");

    const json& p = attrs_of(g, "s2:paper:204e3073870fae3d05bcbc2f6a8e263d9b72e776");
    CHECK(label_of(g, "s2:paper:204e3073870fae3d05bcbc2f6a8e263d9b72e776") == "Attention is All you Need");
    CHECK(p["year"] == 2017);
    CHECK(p["date"] == "2017-06-12");     // publicationDate
    CHECK(p["kind"] == "article");        // publicationTypes[0] JournalArticle
    CHECK(p["venue"] == "Neural Information Processing Systems");
    CHECK(p["arxiv"] == "1706.03762");    // externalIds.ArXiv
    CHECK_FALSE(p.contains("doi"));
    CHECK(p["url"] == "https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776");
    CHECK_FALSE(p.contains("pdf_url"));   // openAccessPdf.url is empty
    CHECK(p["open_access"] == false);
    CHECK(p["citations"] == 120000);
    CHECK(p["influential_citations"] == 15000);
    CHECK(p["abstract"] ==
          "The dominant sequence transduction models are based on complex recurrent or convolutional neural "
          "networks. We propose a new simple network architecture, the Transformer, based solely on attention "
          "mechanisms. It achieves 28.4 BLEU on the WMT 2014 English-to-German translation task \xE2\x80\x94 "
          "improving over the existing best results by over 2 BLEU, with O(n\xC2\xB2 \xC2\xB7 d) cost per layer.");
    CHECK(p["authors"] == json::array({"Ashish Vaswani", "Noam M. Shazeer"}));
    CHECK_FALSE(p.contains("citationCount"));
    CHECK(p["publicationVenue"]["alternate_names"][0] == "NeurIPS"); // the rest stays raw

    const json& q = attrs_of(g, "s2:paper:p-journal-only");
    CHECK(label_of(g, "s2:paper:p-journal-only") == "Tensor2Tensor for Neural Machine Translation & more");
    CHECK(q["venue"] == "Proceedings of AMTA"); // venue empty, no publicationVenue: the journal's name
    CHECK(q["doi"] == "10.1000/XYZ.123");
    CHECK(q["url"] == "https://doi.org/10.1000/XYZ.123");
    CHECK(q["pdf_url"] == "https://aclanthology.org/W18-1819.pdf");
    CHECK(q["open_access"] == true);
    CHECK_FALSE(q.contains("kind"));
    CHECK_FALSE(q.contains("date"));
    CHECK_FALSE(q.contains("abstract"));
    // Author order on the edges, 0-based.
    const json* e = edge_attrs(g, "s2:author:40348417", "s2:paper:p-journal-only", "authored");
    REQUIRE(e != nullptr);
    CHECK((*e)["position"] == 1);
    CHECK(label_of(g, "s2:field:Mathematics") == "Mathematics"); // fieldsOfStudy
    CHECK(s.warnings.empty());
}

TEST_CASE("real Semantic Scholar author 2262347 (A. Turing, 60 papers): every well-known attribute arrives") {
    const std::string text = read_text(kData + "/real/semanticscholar-author-2262347.json");
    REQUIRE_FALSE(text.empty());
    const Slice s = import_ok(text, Format::SemanticScholar); // detected as such
    const rgv::Graph& g = s.graph;
    REQUIRE(s.focus != rgv::kNoNode);
    CHECK(g.node_id[s.focus] == "s2:author:2262347");
    CHECK(g.node_label[s.focus] == "A. Turing");
    const json& a = g.node_attrs[s.focus];
    CHECK(a["works_count"] == 60);   // paperCount
    CHECK(a["citations"] == 12415);  // citationCount
    CHECK(a["h_index"] == 23);       // hIndex
    CHECK(a["url"] == "https://www.semanticscholar.org/author/2262347");
    CHECK(a["alt_labels"] == json::array({"Alan M. Turing"})); // externalIds.DBLP
    CHECK_FALSE(a.contains("affiliation"));                   // "affiliations": []
    // The card: the source's count, said as the source's; the graph's own count beside it.
    CHECK(s.profile.works == 60);
    CHECK(s.profile.counts_source == "Semantic Scholar");
    CHECK(g.count_kind(NodeKind::Work) == 60);
    CHECK(g.count_kind(NodeKind::Person) == 76);
    CHECK(g.count_kind(NodeKind::Topic) == 13); // fieldsOfStudy and s2FieldsOfStudy categories
    CHECK(s.profile.topics == 13);
    int lo = 0, hi = 0;
    CHECK(rgv::slice_year_range(s, lo, hi));
    CHECK(lo == 1937);
    CHECK(hi == 2022);

    // A journal article (and a review): venue, date, DOI, counts, abstract, fields.
    const std::string cmi = "s2:paper:2d5673caa9e6af3a7b82a43f19ee920992db07ad";
    const json& p = attrs_of(g, cmi);
    CHECK(label_of(g, cmi) == "Computing Machinery and Intelligence");
    CHECK(p["year"] == 1950);
    CHECK(p["date"] == "1950-10-01");
    CHECK(p["kind"] == "article"); // publicationTypes[0] "JournalArticle"
    CHECK(p["venue"] == "The Philosophy of Artificial Intelligence");
    CHECK(p["doi"] == "10.1093/MIND/LIX.236.433");
    CHECK(p["url"] == "https://www.semanticscholar.org/paper/2d5673caa9e6af3a7b82a43f19ee920992db07ad");
    CHECK(p["open_access"] == false);
    CHECK_FALSE(p.contains("pdf_url"));
    CHECK(p["citations"] == 8596);
    CHECK(p["influential_citations"] == 493);
    CHECK(p["abstract"].get<std::string>().rfind("I propose to consider the question, \xE2\x80\x9C" "Can machines think?\xE2\x80\x9D", 0) == 0);
    CHECK(p["journal"]["name"] == "Mind"); // the rest stays as S2 gives it
    CHECK(p["authors"] == json::array({"A. Turing"}));
    CHECK_FALSE(p.contains("citationCount"));
    CHECK_FALSE(p.contains("publicationDate"));
    for (const char* field : {"s2:field:Computer Science", "s2:field:Sociology", "s2:field:Philosophy"})
        CHECK_MESSAGE(edge_attrs(g, cmi, field, "about") != nullptr, field);
    const json* e = edge_attrs(g, "s2:author:2262347", cmi, "authored");
    REQUIRE(e != nullptr);
    CHECK((*e)["position"] == 0);

    // No "venue" and a journal: the journal's name; an open-access PDF.
    const std::string sl = "s2:paper:947efa54175145240c1a33f62321f23db43571e7";
    const json& q = attrs_of(g, sl);
    CHECK(label_of(g, sl) == "Systems of Logic Based on Ordinals");
    CHECK(q["venue"] == "Alan Turing's Systems of Logic");
    CHECK(q["open_access"] == true);
    CHECK(q["pdf_url"] == "https://pure.mpg.de/pubman/item/item_2403325_2/component/file_2403324/Turing_1939_Sysyems.pdf");
    CHECK(q["doi"] == "10.1016/b978-044450423-4/50007-3");
    CHECK(q["citations"] == 328);
    CHECK(q["influential_citations"] == 30);
    CHECK_FALSE(q.contains("kind")); // publicationTypes null
    CHECK_FALSE(q.contains("abstract")); // abstract null

    // publicationVenue present: S2's own venue name, the object kept raw.
    const json& r = attrs_of(g, "s2:paper:092da8384571c8261858e91e3278e765eedde1d5");
    CHECK(r["venue"] == "Journal of Symbolic Logic (JSL)");
    CHECK(r["publicationVenue"]["issn"] == "0022-4812");

    // A co-author: fifth of five on the essay review; co-authorship edges to the focus.
    const std::string review = "s2:paper:6b7b392d5f3284a78fd559439bc735f3f0b08bae";
    const json* fifth = edge_attrs(g, "s2:author:2085428", review, "authored");
    REQUIRE(fifth != nullptr);
    CHECK((*fifth)["position"] == 4);
    CHECK(label_of(g, "s2:author:2085428") == "A. Bokulich");
    CHECK(attrs_of(g, review)["kind"] == "article");
    CHECK(attrs_of(g, review)["venue"] == "Cryptologia");

    // The one undated paper has no year, and nothing made up.
    int undated = 0;
    for (std::uint32_t i = 0; i < g.node_count(); ++i)
        if (g.kind[i] == NodeKind::Work && !g.node_attrs[i].contains("year")) ++undated;
    CHECK(undated == 1);
    CHECK(s.warnings.empty());
}

TEST_CASE("VOSviewer weights and scores as well-known attributes") {
    const char* text = R"({"network": {"items": [
        {"id": 1, "label": "Paper A", "weights": {"Citations": 40, "Links": 3}, "scores": {"Pub. year": 2019, "Norm. citations": 1.2}},
        {"id": 2, "label": "term", "weights": {"Documents": 12, "Citations": 3.5}, "scores": {"Avg. pub. year": 2017.4}}],
      "links": [{"source_id": 1, "target_id": 2, "strength": 2}]}})";
    const Slice s = import_ok(text, Format::Vosviewer);
    const json& a = s.graph.node_attrs[0];
    CHECK(a["citations"] == 40);
    CHECK(a["year"] == 2019);
    CHECK(a["weights"]["Links"] == 3); // raw kept
    const json& b = s.graph.node_attrs[1];
    CHECK(b["works_count"] == 12);
    CHECK(b["citations"] == 3.5);
    CHECK_FALSE(b.contains("year")); // an average year is not the item's year
}

// [SECTION] The bad-input corpus
TEST_CASE("bad inputs: every file gives its documented message") {
    const std::string dir = kData + "/bad/";
    const json manifest = json::parse(read_text(dir + "expected.json"), nullptr, false);
    REQUIRE(manifest.is_object());
    std::size_t checked = 0;
    for (auto it = manifest.begin(); it != manifest.end(); ++it) {
        if (it.key()[0] == '_') continue;
        const json& e = it.value();
        CAPTURE(it.key());
        ImportOptions o;
        if (const auto l = e.find("limits"); l != e.end()) {
            o.limits.max_nodes = l->value("max_nodes", o.limits.max_nodes);
            o.limits.max_edges = l->value("max_edges", o.limits.max_edges);
            o.limits.max_bytes = l->value("max_bytes", o.limits.max_bytes);
            o.limits.max_depth = l->value("max_depth", o.limits.max_depth);
            o.limits.max_string_length = l->value("max_string_length", o.limits.max_string_length);
        }
        if (const auto f = e.find("format"); f != e.end())
            REQUIRE(rgv::parse_format_name(f->get<std::string>(), o.format));
        Slice s;
        const ImportResult r = rgv::import_graph(read_text(dir + it.key()), s, o);
        if (e.contains("error")) {
            CHECK_FALSE(r.ok);
            CHECK(r.error == e["error"].get<std::string>());
        } else {
            REQUIRE_MESSAGE(r.ok, r.error);
            REQUIRE_FALSE(s.warnings.empty());
            CHECK(s.warnings[0] == e["warning"].get<std::string>());
        }
        ++checked;
    }
    CHECK(checked >= 40);
}

// [SECTION] Limits
TEST_CASE("limits: a long key is refused too") {
    ImportOptions o;
    o.limits.max_string_length = 8;
    Slice s;
    const ImportResult r = rgv::import_graph(R"({"nodes": [{"abcdefghijk": 1}]})", s, o);
    CHECK(r.error == "/nodes/0: key of 11 bytes exceeds the limit of 8 bytes");
}

TEST_CASE("limits: node counts of non-top-level shapes are checked as the graph is built") {
    ImportOptions o;
    o.limits.max_nodes = 1;
    Slice s;
    ImportResult r = rgv::import_graph(read_text(kData + "/formats/vosviewer.json"), s, o);
    CHECK(r.error == "/network/items/1: too many nodes, the limit is 1");
    o.limits = {};
    o.limits.max_edges = 1;
    r = rgv::import_graph(read_text(kData + "/formats/jgf-graph.json"), s, o);
    CHECK(r.ok);
    r = rgv::import_graph(read_text(kData + "/formats/openalex-works.json"), s, o);
    CHECK(r.error == "/results/0/authorships/0/institutions/0: too many edges, the limit is 1");
}

TEST_CASE("limits: a 100 MB file is refused before parsing") {
    // Generated here (in the test's working directory, the build dir), never committed.
    const std::string path = "bad-100mb.json";
    {
        std::ofstream out(path, std::ios::binary);
        const std::string chunk(1 << 20, ' ');
        out << "[";
        for (int i = 0; i < 100; ++i) out << chunk;
        out << "]";
    }
    const std::string text = read_text(path);
    REQUIRE(text.size() == 104857602u);
    ImportOptions o;
    o.limits.max_bytes = 64u << 20;
    Slice s;
    const ImportResult r = rgv::import_graph(text, s, o);
    CHECK(r.error == "input too large: 104857602 bytes, the limit is 67108864 bytes");
    std::remove(path.c_str());
}

// [SECTION] Failure leaves `out` untouched; focus hints
TEST_CASE("a failed import leaves the previous slice as it was") {
    Slice s = import_ok(read_text(kData + "/formats/vosviewer.json"), Format::Vosviewer);
    const std::size_t nodes = s.graph.node_count();
    for (const char* bad : {"", "[1]", R"({"network": {}})", R"({"graph": {"nodes": {"a": {}}, "edges": [{"source": "a"}]}})"}) {
        const ImportResult r = rgv::import_graph(bad, s);
        CHECK_FALSE(r.ok);
        CHECK(s.graph.node_count() == nodes);
        CHECK(s.warnings.empty());
    }
}

TEST_CASE("an explicit format skips detection; a hint picks the focus") {
    ImportOptions o;
    o.format = Format::NodeLink;
    Slice s;
    ImportResult r = rgv::import_graph(R"({"nodes": [{"id": "a"}, {"id": "b", "type": "person"}], "edges": []})", s, o);
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.detected == Format::NodeLink);
    CHECK(s.graph.node_id[s.focus] == "b");
    o.focus_hint = "a";
    r = rgv::import_graph(R"({"nodes": [{"id": "a"}, {"id": "b", "type": "person"}]})", s, o);
    CHECK(s.graph.node_id[s.focus] == "a");
    o.focus_hint = "zz";
    r = rgv::import_graph(R"({"nodes": [{"id": "a"}]})", s, o);
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0] == "focus: no node matches \"zz\"; the hint is ignored");
}
