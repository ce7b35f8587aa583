// test_exporters.cpp — export_graph(): the own format round trip is lossless for every
// sample format, node-link carries x and y for every node and reads back, GraphML is
// escaped and typed.
//
// Index
//   Helpers       read, compare two slices field by field
//   Slice round trip
//   Node-link
//   GraphML
#include "core/exporters.h"
#include "core/importers.h"

#include <doctest/doctest.h>

#include "test_util.h"

#include <fstream>
#include <sstream>

using rgv::ExportFormat;
using rgv::Format;
using rgv::Slice;
using json = nlohmann::json;

namespace {

using rgv::test::read_text;

// [SECTION] Helpers

Slice load(const std::string& text, Format format = Format::Auto) {
    Slice s;
    rgv::ImportOptions o;
    o.format = format;
    const rgv::ImportResult r = rgv::import_graph(text, s, o);
    REQUIRE_MESSAGE(r.ok, r.error);
    return s;
}

void check_same_graph(const Slice& a, const Slice& b, bool positions) {
    const rgv::Graph& g = a.graph;
    const rgv::Graph& h = b.graph;
    REQUIRE(g.node_count() == h.node_count());
    REQUIRE(g.edge_count() == h.edge_count());
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        CAPTURE(g.node_id[i]);
        CHECK(g.node_id[i] == h.node_id[i]);
        CHECK(g.node_type[i] == h.node_type[i]);
        CHECK(g.node_label[i] == h.node_label[i]);
        CHECK(g.node_attrs[i] == h.node_attrs[i]);
        CHECK(g.pinned[i] == h.pinned[i]);
        if (positions) {
            CHECK(g.x[i] == h.x[i]);
            CHECK(g.y[i] == h.y[i]);
        }
    }
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        CHECK(g.edge_source[e] == h.edge_source[e]);
        CHECK(g.edge_target[e] == h.edge_target[e]);
        CHECK(g.edge_type[e] == h.edge_type[e]);
        CHECK(g.edge_weight[e] == h.edge_weight[e]);
        CHECK(g.edge_directed[e] == h.edge_directed[e]);
        CHECK(g.edge_attrs[e] == h.edge_attrs[e]);
    }
    CHECK(a.focus == b.focus);
}

const std::string kFormats = std::string(RGV_ASSETS_DIR) + "/../tests/data/formats/";
const char* const kSamples[] = {"nodelink-ids.json", "nodelink-indices.json", "jgf-graph.json",
                                "cytoscape-flat.json", "cytoscape-grouped.json", "graphology.json",
                                "vosviewer.json", "openalex-works.json", "openalex-author.json",
                                "semanticscholar-author.json"};

} // namespace

// [SECTION] Slice round trip
TEST_CASE("own format: export then import gives the same slice, for every input format") {
    for (const char* name : kSamples) {
        CAPTURE(name);
        const Slice a = load(read_text(kFormats + name));
        const Slice b = load(rgv::export_graph(a, ExportFormat::Slice), Format::Slice);
        check_same_graph(a, b, true);
        CHECK(a.extra == b.extra);
        CHECK(a.profile.name == b.profile.name);
        CHECK(a.profile.works == b.profile.works);
        CHECK(a.profile.affiliation == b.profile.affiliation);
    }
    const Slice a = load(read_text(std::string(RGV_ASSETS_DIR) + "/sample-slice.json"));
    const Slice b = load(rgv::export_graph(a, ExportFormat::Slice));
    check_same_graph(a, b, false);
    CHECK(b.extra.contains("meta") == a.extra.contains("meta"));
}

TEST_CASE("own format: unknown top-level keys survive the round trip") {
    const Slice a = load(R"({"schema": "rgv-slice", "version": 1, "meta": {"source": "x"},
                             "nodes": [{"id": "p", "type": "person"}]})");
    CHECK(a.extra["meta"]["source"] == "x");
    const std::string out = rgv::export_graph(a, ExportFormat::Slice);
    CHECK(out.find("\"meta\"") != std::string::npos);
    CHECK(load(out).extra == a.extra);
}

// [SECTION] Node-link
TEST_CASE("node-link: x and y on every node, and it reads back the same") {
    for (const char* name : kSamples) {
        CAPTURE(name);
        const Slice a = load(read_text(kFormats + name));
        const std::string text = rgv::export_graph(a, ExportFormat::NodeLink);
        const json doc = json::parse(text, nullptr, false);
        REQUIRE(doc.is_object());
        REQUIRE(doc["nodes"].size() == a.graph.node_count());
        for (const json& n : doc["nodes"]) {
            CHECK(n["x"].is_number());
            CHECK(n["y"].is_number());
        }
        CHECK(doc["links"].size() == a.graph.edge_count());
        const Slice b = load(text, Format::NodeLink);
        check_same_graph(a, b, true);
    }
}

TEST_CASE("node-link: attributes named like our fields go into \"attrs\" and come back") {
    Slice a;
    a.graph.add_node("n", "work", "N", json{{"x", "not a coordinate"}, {"label", "alt"}, {"year", 2020}});
    a.graph.add_node("m", "work", "M");
    a.graph.add_edge(0, 1, "cites", 1.0f, true, json{{"weight", "heavy"}});
    const std::string text = rgv::export_graph(a, ExportFormat::NodeLink);
    const json doc = json::parse(text, nullptr, false);
    CHECK(doc["nodes"][0]["attrs"]["x"] == "not a coordinate");
    CHECK(doc["nodes"][0]["year"] == 2020);
    const Slice b = load(text, Format::NodeLink);
    CHECK(b.graph.node_attrs[0] == a.graph.node_attrs[0]);
    CHECK(b.graph.edge_attrs[0] == a.graph.edge_attrs[0]);
}

// [SECTION] GraphML
TEST_CASE("GraphML: escaped, typed keys, directed edges marked") {
    Slice a;
    a.graph.add_node("a&b", "person", "<Ana> \"Q\" 'x'", json{{"year", 2020}, {"tags", json::array({"x"})}, {"ok", true}});
    a.graph.add_node(std::string("c\x01", 2), "work", std::string("bad \xFF byte"));
    a.graph.add_edge(0, 1, "authored", 0.5f, true, json{{"position", 1}});
    const std::string x = rgv::export_graph(a, ExportFormat::GraphMl);
    CHECK(x.find("<node id=\"a&amp;b\">") != std::string::npos);
    CHECK(x.find("&lt;Ana&gt; &quot;Q&quot; &apos;x&apos;") != std::string::npos);
    CHECK(x.find("<node id=\"c\xEF\xBF\xBD\">") != std::string::npos);
    CHECK(x.find("bad \xEF\xBF\xBD byte") != std::string::npos);
    CHECK(x.find("attr.name=\"year\" attr.type=\"long\"") != std::string::npos);
    CHECK(x.find("attr.name=\"ok\" attr.type=\"boolean\"") != std::string::npos);
    CHECK(x.find("attr.name=\"tags\" attr.type=\"string\"") != std::string::npos);
    CHECK(x.find("[&quot;x&quot;]") != std::string::npos);
    CHECK(x.find("<edge source=\"a&amp;b\" target=\"c\xEF\xBF\xBD\" directed=\"true\">") != std::string::npos);
    CHECK(x.find("<data key=\"weight\">0.5</data>") != std::string::npos);
    CHECK(x.rfind("</graphml>\n") == x.size() - 11);
}
