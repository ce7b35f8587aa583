// test_attributes.cpp — the well-known attributes (core/attributes.h): the typed
// readers, the loader's warning for other spellings (exact text), and the generic
// importers taking other spellings under the well-known names.
//
// Index
//   Readers
//   Spellings: the slice loader's warnings
//   Spellings: generic formats adopt them
#include "core/attributes.h"
#include "core/importers.h"
#include "core/slice.h"

#include <doctest/doctest.h>

#include <string>

using json = nlohmann::json;
namespace attr = rgv::attr;

// [SECTION] Readers
TEST_CASE("attributes: typed readers") {
    const json a = {{"year", 2018},     {"date", "2018-02-13"}, {"citations", 962}, {"open_access", true},
                    {"h_index", 17.0},  {"venue", "PeerJ"},     {"position", 2},    {"alt_labels", {"Priem Jason", 3, ""}},
                    {"bad", "x"},       {"neg", -4.5},          {"big", 1e12}};
    CHECK(attr::work_year(a) == 2018);
    CHECK(attr::citations(a) == 962.0);
    CHECK(attr::flag(a, attr::kOpenAccess) == true);
    CHECK_FALSE(attr::flag(a, attr::kVenue).has_value());
    CHECK(attr::integer(a, attr::kHIndex) == 17); // an integral float counts
    CHECK_FALSE(attr::integer(a, "big").has_value()); // past int
    CHECK_FALSE(attr::integer(a, "bad").has_value());
    CHECK(attr::number(a, "neg") == -4.5);
    CHECK(attr::text(a, attr::kVenue) == "PeerJ");
    CHECK(attr::text(a, attr::kYear) == "2018");
    CHECK(attr::text(a, attr::kOpenAccess) == ""); // booleans are not display text
    CHECK(attr::alt_labels(a) == std::vector<std::string>{"Priem Jason"});
    CHECK(attr::integer(a, attr::kPosition) == 2);
    // Not an object, absent: nothing.
    CHECK_FALSE(attr::work_year(json()).has_value());
    CHECK_FALSE(attr::citations(json::array()).has_value());
    CHECK(attr::text(json("x"), attr::kVenue).empty());
}

TEST_CASE("attributes: work_year takes integers and year strings only") {
    CHECK(attr::work_year({{"year", "2020"}}) == 2020);
    CHECK(attr::work_year({{"year", "2020-05-01"}}) == 2020);
    CHECK(attr::work_year({{"year", 1999.0}}) == 1999);
    CHECK_FALSE(attr::work_year({{"year", "20x0"}}).has_value());
    CHECK_FALSE(attr::work_year({{"year", "2020/05"}}).has_value());
    CHECK_FALSE(attr::work_year({{"year", 2020.5}}).has_value());
    CHECK_FALSE(attr::work_year({{"year", 12345}}).has_value());
    CHECK_FALSE(attr::citations({{"citations", -1}}).has_value());
    CHECK_FALSE(attr::citations({{"citations", "12"}}).has_value());
}

TEST_CASE("attributes: known other spellings map to one name each") {
    CHECK(std::string(attr::canonical_for("publication_year")) == "year");
    CHECK(std::string(attr::canonical_for("publicationYear")) == "year");
    CHECK(std::string(attr::canonical_for("cited_by_count")) == "citations");
    CHECK(std::string(attr::canonical_for("citationCount")) == "citations");
    CHECK(std::string(attr::canonical_for("citation_count")) == "citations");
    CHECK(std::string(attr::canonical_for("display_name_alternatives")) == "alt_labels");
    CHECK(std::string(attr::canonical_for("doi_url")) == "doi");
    CHECK(std::string(attr::canonical_for("is_corresponding")) == "corresponding");
    CHECK(attr::canonical_for("year") == nullptr);
    CHECK(attr::canonical_for("author_position") == nullptr); // first / middle / last: not an order
    for (const attr::Spelling& s : attr::other_spellings()) CHECK(attr::canonical_for(s.canonical) == nullptr);
}

// [SECTION] Spellings: the slice loader's warnings
TEST_CASE("slice: other spellings of well-known attributes get one warning per spelling") {
    const char* text = R"({"schema": "rgv-slice", "version": 1, "focus": "p",
      "nodes": [
        {"id": "w1", "type": "work", "attrs": {"publication_year": 2014, "cited_by_count": 8}},
        {"id": "w2", "type": "work", "publication_year": 2015, "attrs": {"citationCount": 3}},
        {"id": "w3", "type": "work", "attrs": {"year": 2016, "publication_year": 2016}},
        {"id": "p", "type": "person", "attrs": {"display_name_alternatives": ["P"]}}],
      "edges": [
        {"source": "p", "target": "nope", "attrs": {"is_corresponding": true}},
        {"source": "p", "target": "w1", "attrs": {"is_corresponding": true}},
        {"source": "p", "target": "w2", "is_corresponding": false}]})";
    rgv::Slice s;
    const rgv::LoadResult r = rgv::parse_slice(text, s);
    REQUIRE_MESSAGE(r.ok, r.error);
    const std::vector<std::string> expected = {
        "/edges/0/target: unknown node id \"nope\"; edge dropped",
        // attrs keys in their JSON object order (nlohmann/json sorts them), nodes in file order
        "/nodes/0/attrs/cited_by_count: unknown spelling of a well-known attribute; use \"citations\" (1 node)",
        "/nodes/0/attrs/publication_year: unknown spelling of a well-known attribute; use \"year\" (2 nodes)",
        "/nodes/1/attrs/citationCount: unknown spelling of a well-known attribute; use \"citations\" (1 node)",
        "/nodes/3/attrs/display_name_alternatives: unknown spelling of a well-known attribute; use \"alt_labels\" (1 node)",
        "/edges/1/attrs/is_corresponding: unknown spelling of a well-known attribute; use \"corresponding\" (2 edges)",
    };
    CHECK(s.warnings == expected);
    // The values are kept as they were: the file is not rewritten behind its author's back.
    CHECK(s.graph.node_attrs[0]["publication_year"] == 2014);
    CHECK_FALSE(s.graph.node_attrs[0].contains("year"));
}

TEST_CASE("slice: well-known names load without a warning, through import_graph too") {
    const char* text = R"({"schema": "rgv-slice", "version": 1, "focus": "p",
      "nodes": [{"id": "w", "type": "work", "attrs": {"year": 2014, "citations": 8, "doi": "10.1/x"}},
                {"id": "p", "type": "person", "attrs": {"alt_labels": ["P"], "orcid": "0000-0001-6187-6610"}}],
      "edges": [{"source": "p", "target": "w", "attrs": {"position": 0, "corresponding": true}}]})";
    rgv::Slice s;
    REQUIRE(rgv::parse_slice(text, s).ok);
    CHECK(s.warnings.empty());
    rgv::Slice t;
    REQUIRE(rgv::import_graph("{\"schema\": \"rgv-slice\", \"version\": 1, \"nodes\": [{\"id\": \"w\", \"type\": \"work\", "
                              "\"attrs\": {\"publicationYear\": 2001}}]}",
                              t)
                .ok);
    CHECK(t.warnings == std::vector<std::string>{
                            "/nodes/0/attrs/publicationYear: unknown spelling of a well-known attribute; use \"year\" (1 node)",
                            "/focus: missing and there is no person node; no focal researcher"});
}

// [SECTION] Spellings: generic formats adopt them
TEST_CASE("generic formats: other spellings reach the well-known names, raw keys kept") {
    const char* text = R"({"directed": true, "nodes": [
        {"id": "w", "type": "work", "publication_year": "2019-04-01", "citationCount": 12, "doi_url": "https://doi.org/10.1/ABC",
         "abstract": "An <i>in vivo</i> study &amp; more"},
        {"id": "p", "type": "person", "display_name_alternatives": ["Pat", 4], "ORCID": "0000-0002-1825-0097"},
        {"id": "q", "type": "work", "publication_year": "soon", "citations": 5, "citation_count": 99}],
      "links": [{"source": "p", "target": "w", "is_corresponding": true, "author_order": 1}]})";
    rgv::Slice s;
    const rgv::ImportResult r = rgv::import_graph(text, s);
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.detected == rgv::Format::NodeLink);
    const json& w = s.graph.node_attrs[0];
    CHECK(attr::work_year(w) == 2019);
    CHECK(w["year"] == "2019-04-01");
    CHECK(attr::citations(w) == 12.0);
    CHECK(w["citationCount"] == 12); // the raw field stays
    CHECK(w["doi"] == "10.1/ABC");
    CHECK(w["abstract"] == "An in vivo study & more");
    const json& p = s.graph.node_attrs[1];
    CHECK(p["alt_labels"] == json::array({"Pat"}));
    CHECK(p["orcid"] == "0000-0002-1825-0097");
    const json& q = s.graph.node_attrs[2];
    CHECK_FALSE(q.contains("year"));      // "soon" is no year
    CHECK(attr::citations(q) == 5.0);     // the well-known name wins
    const json& e = s.graph.edge_attrs[0];
    CHECK(e["corresponding"] == true);
    CHECK(e["position"] == 1);
    CHECK(s.warnings.empty());
}
