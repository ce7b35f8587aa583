// test_slice.cpp — parse_slice() and write_slice(): the sample, every refuse rule and
// every repair rule of docs/slice-format.md, with the exact messages the user will see.
//
// Index
//   Helpers
//   The sample slice
//   Syntax errors (line, column)
//   Refused: schema errors
//   Refused: limits
//   Repaired with a warning
//   Unknown attributes are kept
//   Failure leaves `out` untouched
//   write_slice round trip
//   Streaming: the text reader gives what the DOM reader gives
#include "core/import_internal.h"
#include "core/slice.h"
#include "core/slice_io.h"

#include <doctest/doctest.h>

#include "test_util.h"

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>

using rgv::LoadLimits;
using rgv::LoadResult;
using rgv::NodeKind;
using rgv::Slice;
using json = nlohmann::json;

namespace {

using rgv::test::read_text;

// [SECTION] Helpers


std::string sample_text() {
    static const std::string text = read_text(std::string(RGV_ASSETS_DIR) + "/sample-slice.json");
    return text;
}

// A complete document around the given nodes / edges; `more` is spliced in as extra
// top-level members (must end with a comma).
std::string doc(const std::string& nodes, const std::string& edges = "[]",
                const std::string& more = R"("focus": "p",)") {
    return R"({"schema": "rgv-slice", "version": 1, )" + more + R"( "nodes": )" + nodes +
           R"(, "edges": )" + edges + "}";
}

const std::string kTwoNodes = R"([{"id": "p", "type": "person"}, {"id": "w", "type": "work"}])";

std::string error_of(const std::string& text, const LoadLimits& limits = {}) {
    Slice s;
    const LoadResult r = parse_slice(text, s, limits);
    CHECK_FALSE(r.ok);
    return r.error;
}

Slice load(const std::string& text) {
    Slice s;
    const LoadResult r = parse_slice(text, s);
    REQUIRE_MESSAGE(r.ok, r.error);
    return s;
}

std::map<std::string, int> edge_type_counts(const rgv::Graph& g) {
    std::map<std::string, int> counts;
    for (const auto& t : g.edge_type) ++counts[t];
    return counts;
}

} // namespace

// [SECTION] The sample slice

TEST_CASE("sample slice loads with the expected content") {
    const std::string text = sample_text();
    REQUIRE_FALSE(text.empty());
    const Slice s = load(text);
    const rgv::Graph& g = s.graph;

    CHECK(s.warnings.empty());
    CHECK(g.node_count() == 55);
    CHECK(g.count_kind(NodeKind::Work) == 10);
    CHECK(g.count_kind(NodeKind::Person) == 31);
    CHECK(g.count_kind(NodeKind::Topic) == 7);
    CHECK(g.count_kind(NodeKind::Institution) == 7);
    CHECK(g.count_kind(NodeKind::Other) == 0);
    CHECK(g.edge_count() == 116);
    const std::map<std::string, int> expected_edges = {
        {"about", 14}, {"affiliated", 11}, {"authored", 61}, {"coauthor", 30}};
    CHECK(edge_type_counts(g) == expected_edges);

    REQUIRE(s.focus != rgv::kNoNode);
    CHECK(g.node_id[s.focus] == "person:zhezhi-he");
    CHECK(g.node_label[s.focus] == "Zhezhi He");

    const rgv::Profile& p = s.profile;
    CHECK(p.name == "Zhezhi He");
    CHECK(p.headline == "Zhezhi He contributes to research discovery and scholarly infrastructure.");
    CHECK_FALSE(p.affiliation.has_value());
    CHECK(p.trust_score == 21);
    CHECK(p.trust_band == "Emerging");
    CHECK(p.verification == "L1");
    CHECK_FALSE(p.claimed);
    CHECK(p.open_to_collaborate);
    CHECK(p.works == 10);
    CHECK(p.followers == 0);
    CHECK(p.topics == 6);
    CHECK(p.close_collaborators == 4);

    const auto radar = g.find("work:arxiv:2101.08254");
    REQUIRE(radar != rgv::kNoNode);
    CHECK(g.node_label[radar] == "RADAR: Run-time Adversarial Weight Attack Detection and Accuracy Recovery");
    const json& a = g.node_attrs[radar];
    CHECK(a["year"] == 2021);
    CHECK(a["kind"] == "preprint");
    CHECK(a["venue"] == "arXiv");
    CHECK(a["doi"] == "10.23919/DATE51398.2021.9474113");
    CHECK(a["authors"].size() == 5);
    CHECK(a["url"] == "https://arxiv.org/abs/2101.08254");

    // The strongest co-author tie: Deliang Fan, 8 shared works.
    const auto fan = g.find("person:deliang-fan");
    REQUIRE(fan != rgv::kNoNode);
    bool found = false;
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        if (g.edge_type[e] == "coauthor" && g.edge_target[e] == fan) {
            CHECK(g.edge_source[e] == s.focus);
            CHECK(g.edge_weight[e] == 8.0f);
            CHECK_FALSE(g.edge_directed[e]);
            found = true;
        }
    }
    CHECK(found);
    // No positions in the sample: the layout places everything.
    for (std::size_t i = 0; i < g.node_count(); ++i) CHECK(g.has_position[i] == 0);
}

// [SECTION] Syntax errors

TEST_CASE("syntax errors report line and column") {
    SUBCASE("empty input") {
        CHECK(error_of("") == "line 1, column 1: the input is empty; expected a JSON object");
        CHECK(error_of(" \n\t\r\n") == "line 1, column 1: the input is empty; expected a JSON object");
    }
    SUBCASE("truncated document") {
        CHECK(error_of(R"({"schema":"rgv-slice","nodes":[)") ==
              "line 1, column 32: syntax error while parsing value - unexpected end of input; "
              "expected '[', '{', or a literal");
        CHECK(error_of(R"({"schema":"rgv-slice")") ==
              "line 1, column 22: syntax error while parsing object - unexpected end of input; "
              "expected '}'");
    }
    SUBCASE("position on a later line") {
        const std::string text = "{\n"
                                 "  \"schema\": \"rgv-slice\",\n"
                                 "  \"version\": 1,\n"
                                 "  \"nodes\": [\n"
                                 "    {\"id\": \"a\", \"type\": \"person\",}\n"
                                 "  ]\n"
                                 "}\n";
        CHECK(error_of(text) == "line 5, column 34: syntax error while parsing object key - "
                                "unexpected '}'; expected string literal");
    }
    SUBCASE("bad literal") {
        CHECK(error_of("{\"schema\":\n  tru}") ==
              "line 2, column 6: syntax error while parsing value - invalid literal; "
              "last read: '\"schema\":<U+000A>  tru}'");
    }
    SUBCASE("content after the document") {
        CHECK(error_of(R"({} {})") == "line 1, column 4: syntax error while parsing value - "
                                      "unexpected '{'; expected end of input");
    }
    SUBCASE("number too large for a double") {
        CHECK(error_of(R"({"x": 1e999})") == "line 1, column 11: number overflow parsing '1e999'");
    }
    SUBCASE("invalid UTF-8 in a string names the byte") {
        CHECK(error_of("{\"schema\":\"rgv\xFF\"}") ==
              "line 1, column 15: invalid UTF-8 byte 0xFF in a string; the file must be UTF-8 encoded");
        // A truncated two-byte sequence: the lead byte is named, not the '(' after it.
        CHECK(error_of("{\"a\":\"\xC3(\"}") ==
              "line 1, column 8: invalid UTF-8 byte 0xC3 in a string; the file must be UTF-8 encoded");
    }
    SUBCASE("invalid UTF-8 outside a string is quoted as \\xHH") {
        // Latin-1 bytes would make the message itself unprintable. (nlohmann's "last
        // read" starts at the previous token here.)
        CHECK(error_of("{\"a\": \xE9t\xE9}") ==
              "line 1, column 7: syntax error while parsing value - invalid literal; last read: '\"a\": \\xE9'");
    }
    SUBCASE("a long unterminated string is quoted by its end only") {
        const std::string text = "{\"a\": \"" + std::string(100, 'x');
        CHECK(error_of(text) == "line 1, column 108: syntax error while parsing value - invalid string: "
                                "missing closing quote; last read: '..." +
                                    std::string(40, 'x') + "'");
    }
}

// [SECTION] Refused: schema errors

TEST_CASE("refused: document level") {
    CHECK(error_of("[]") == "top level: expected an object, got array");
    CHECK(error_of("\"rgv-slice\"") == "top level: expected an object, got string");
    CHECK(error_of(R"({"version": 1, "nodes": []})") == "/schema: missing; expected \"rgv-slice\"");
    CHECK(error_of(R"({"schema": "gexf", "version": 1, "nodes": []})") ==
          "/schema: expected \"rgv-slice\", got \"gexf\"");
    CHECK(error_of(R"({"schema": 1, "version": 1, "nodes": []})") ==
          "/schema: expected the string \"rgv-slice\", got number");
    CHECK(error_of(R"({"schema": "rgv-slice", "nodes": []})") == "/version: missing; expected 1");
    CHECK(error_of(R"({"schema": "rgv-slice", "version": 2, "nodes": []})") ==
          "/version: unsupported version 2; this viewer reads version 1");
    CHECK(error_of(R"({"schema": "rgv-slice", "version": 1.5, "nodes": []})") ==
          "/version: unsupported version 1.5; this viewer reads version 1");
    CHECK(error_of(R"({"schema": "rgv-slice", "version": "1", "nodes": []})") ==
          "/version: expected the number 1, got string");
    CHECK(error_of(R"({"schema": "rgv-slice", "version": 1})") ==
          "/nodes: missing; expected an array of nodes");
    CHECK(error_of(R"({"schema": "rgv-slice", "version": 1, "nodes": {}})") ==
          "/nodes: expected an array, got object");
    CHECK(error_of(doc(kTwoNodes, "{}")) == "/edges: expected an array, got object");
    CHECK(error_of(doc(kTwoNodes, "[]", R"("focus": 7,)")) == "/focus: expected a string, got number");
}

TEST_CASE("refused: nodes") {
    CHECK(error_of(doc(R"([{"id": "p", "type": "person"}, "w"])")) ==
          "/nodes/1: expected an object, got string");
    CHECK(error_of(doc(R"([{"type": "person"}])")) == "/nodes/0: missing \"id\"");
    CHECK(error_of(doc(R"([{"id": "p", "type": "person"}, {"id": "w", "type": "work"}, {"id": 3, "type": "work"}])")) ==
          "/nodes/2/id: expected a string, got number");
    CHECK(error_of(doc(R"([{"id": "", "type": "person"}])")) == "/nodes/0/id: empty node id");
    CHECK(error_of(doc(R"([{"id": "p", "type": "person"}, {"id": "x", "type": "work"},
                           {"id": "y", "type": "work"}, {"id": "x", "type": "topic"}])")) ==
          "/nodes/3/id: duplicate node id \"x\"");
    // Quotes inside an id are escaped, so the message stays readable.
    CHECK(error_of(doc(R"([{"id": "a\"b", "type": "work"}, {"id": "a\"b", "type": "work"}])")) ==
          "/nodes/1/id: duplicate node id \"a\\\"b\"");
    CHECK(error_of(doc(R"([{"id": "p"}])")) == "/nodes/0: missing \"type\"");
    CHECK(error_of(doc(R"([{"id": "p", "type": null}])")) == "/nodes/0/type: expected a string, got null");
    CHECK(error_of(doc(R"([{"id": "p", "type": "person", "label": 5}])")) ==
          "/nodes/0/label: expected a string, got number");
    CHECK(error_of(doc(R"([{"id": "p", "type": "person", "x": "1", "y": 2}])")) ==
          "/nodes/0/x: expected a number, got string");
    CHECK(error_of(doc(R"([{"id": "p", "type": "person", "x": 1, "y": null}])")) ==
          "/nodes/0/y: expected a number, got null");
    CHECK(error_of(doc(R"([{"id": "p", "type": "person", "x": 1e39, "y": 0}])")) ==
          "/nodes/0/x: number out of range, got 1e+39");
    CHECK(error_of(doc(R"([{"id": "p", "type": "person", "x": 1}])")) ==
          "/nodes/0/y: missing; give both \"x\" and \"y\" or neither");
    CHECK(error_of(doc(R"([{"id": "p", "type": "person", "y": 1}])")) ==
          "/nodes/0/x: missing; give both \"x\" and \"y\" or neither");
    CHECK(error_of(doc(R"([{"id": "p", "type": "person", "pinned": 1}])")) ==
          "/nodes/0/pinned: expected true or false, got number");
    CHECK(error_of(doc(R"([{"id": "p", "type": "person", "attrs": [1]}])")) ==
          "/nodes/0/attrs: expected an object, got array");
}

TEST_CASE("refused: edges") {
    CHECK(error_of(doc(kTwoNodes, R"([{"source": "p", "target": "w"}, 3])")) ==
          "/edges/1: expected an object, got number");
    CHECK(error_of(doc(kTwoNodes, R"([{"target": "w"}])")) == "/edges/0: missing \"source\"");
    CHECK(error_of(doc(kTwoNodes, R"([{"source": "p"}])")) == "/edges/0: missing \"target\"");
    CHECK(error_of(doc(kTwoNodes, R"([{"source": ["p"], "target": "w"}])")) ==
          "/edges/0/source: expected a string, got array");
    CHECK(error_of(doc(kTwoNodes, R"([{"source": "p", "target": "w", "type": 1}])")) ==
          "/edges/0/type: expected a string, got number");
    CHECK(error_of(doc(kTwoNodes, R"([{"source": "p", "target": "w", "weight": "heavy"}])")) ==
          "/edges/0/weight: expected a number, got string");
    CHECK(error_of(doc(kTwoNodes, R"([{"source": "p", "target": "w", "weight": null}])")) ==
          "/edges/0/weight: expected a number, got null");
    CHECK(error_of(doc(kTwoNodes, R"([{"source": "p", "target": "w", "weight": -1e300}])")) ==
          "/edges/0/weight: number out of range, got -1e+300");
    CHECK(error_of(doc(kTwoNodes, R"([{"source": "p", "target": "w", "directed": "yes"}])")) ==
          "/edges/0/directed: expected true or false, got string");
    CHECK(error_of(doc(kTwoNodes, R"([{"source": "p", "target": "w", "attrs": "x"}])")) ==
          "/edges/0/attrs: expected an object, got string");
}

TEST_CASE("refused: profile") {
    auto with_profile = [](const std::string& profile) {
        return doc(kTwoNodes, "[]", R"("focus": "p", "profile": )" + profile + ",");
    };
    CHECK(error_of(with_profile("[]")) == "/profile: expected an object, got array");
    CHECK(error_of(with_profile(R"({"name": 1})")) == "/profile/name: expected a string, got number");
    CHECK(error_of(with_profile(R"({"headline": false})")) ==
          "/profile/headline: expected a string, got boolean");
    CHECK(error_of(with_profile(R"({"affiliation": 3})")) ==
          "/profile/affiliation: expected a string or null, got number");
    CHECK(error_of(with_profile(R"({"trust": 21})")) == "/profile/trust: expected an object, got number");
    CHECK(error_of(with_profile(R"({"trust": {"score": 21.5}})")) ==
          "/profile/trust/score: expected a non-negative integer, got 21.5");
    CHECK(error_of(with_profile(R"({"trust": {"score": "21"}})")) ==
          "/profile/trust/score: expected a non-negative integer, got string");
    CHECK(error_of(with_profile(R"({"trust": {"score": 21, "band": 2}})")) ==
          "/profile/trust/band: expected a string, got number");
    CHECK(error_of(with_profile(R"({"verification": null})")) ==
          "/profile/verification: expected a string, got null");
    CHECK(error_of(with_profile(R"({"claimed": "no"})")) ==
          "/profile/claimed: expected true or false, got string");
    CHECK(error_of(with_profile(R"({"open_to_collaborate": 1})")) ==
          "/profile/open_to_collaborate: expected true or false, got number");
    CHECK(error_of(with_profile(R"({"counts": []})")) == "/profile/counts: expected an object, got array");
    CHECK(error_of(with_profile(R"({"counts": {"works": -1}})")) ==
          "/profile/counts/works: expected a non-negative integer, got -1");
    CHECK(error_of(with_profile(R"({"counts": {"followers": 3000000000}})")) ==
          "/profile/counts/followers: expected a non-negative integer, got 3000000000");
    CHECK(error_of(with_profile(R"({"counts": {"close_collaborators": true}})")) ==
          "/profile/counts/close_collaborators: expected a non-negative integer, got boolean");
}

// [SECTION] Refused: limits

TEST_CASE("refused: size limits") {
    LoadLimits limits;
    SUBCASE("bytes") {
        limits.max_bytes = 20;
        const std::string text = doc(kTwoNodes);
        CHECK(error_of(text, limits) ==
              "input too large: " + std::to_string(text.size()) + " bytes, the limit is 20 bytes");
    }
    SUBCASE("nodes") {
        limits.max_nodes = 1;
        CHECK(error_of(doc(kTwoNodes), limits) == "/nodes: too many nodes, the limit is 1");
        limits.max_nodes = 2;
        Slice s;
        CHECK(parse_slice(doc(kTwoNodes), s, limits).ok);
    }
    SUBCASE("edges") {
        limits.max_edges = 1;
        const std::string edges =
            R"([{"source": "p", "target": "w"}, {"source": "w", "target": "p"}])";
        CHECK(error_of(doc(kTwoNodes, edges), limits) == "/edges: too many edges, the limit is 1");
        limits.max_edges = 2;
        Slice s;
        CHECK(parse_slice(doc(kTwoNodes, edges), s, limits).ok);
    }
    SUBCASE("only the top-level arrays count as nodes and edges") {
        limits.max_nodes = 2;
        const std::string nodes =
            R"([{"id": "p", "type": "person", "attrs": {"nodes": [1, 2, 3, 4]}}, {"id": "w", "type": "work"}])";
        Slice s;
        CHECK(parse_slice(doc(nodes), s, limits).ok);
    }
    SUBCASE("nesting depth: the limit itself is allowed") {
        limits.max_depth = 5; // root, nodes, node, attrs, d
        const std::string ok = doc(R"([{"id": "p", "type": "person", "attrs": {"d": []}}])");
        Slice s;
        CHECK(parse_slice(ok, s, limits).ok);
        const std::string deep = doc(R"([{"id": "p", "type": "person", "attrs": {"d": [{}]}}])");
        CHECK(error_of(deep, limits) == "/nodes/0/attrs/d/0: nesting depth exceeds the limit of 5");
    }
    SUBCASE("pointer tokens are escaped") {
        limits.max_depth = 1;
        CHECK(error_of(R"({"a/b~c": {}})", limits) == "/a~1b~0c: nesting depth exceeds the limit of 1");
    }
}

TEST_CASE("refused: 100,000-deep nesting, quickly and without recursion") {
    const std::size_t depth = 100000;
    std::string expected_pointer = "/x";
    for (int i = 0; i < 63; ++i) expected_pointer += "/0";

    const std::string inner = std::string(depth, '[') + std::string(depth, ']');
    const std::string text = R"({"schema": "rgv-slice", "version": 1, "nodes": [], "x": )" + inner + "}";
    const auto start = std::chrono::steady_clock::now();
    CHECK(error_of(text) == expected_pointer + ": nesting depth exceeds the limit of 64");
    // The same depth unclosed (a truncated or hostile file) stops at the same place.
    CHECK(error_of(R"({"x": )" + std::string(depth, '{') ) ==
          "line 1, column 8: syntax error while parsing object key - unexpected '{'; expected string literal");
    CHECK(error_of(std::string(depth, '[')) ==
          [] {
              std::string p;
              for (int i = 0; i < 64; ++i) p += "/0";
              return p;
          }() + ": nesting depth exceeds the limit of 64");
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 1.0);
}

// [SECTION] Repaired with a warning

TEST_CASE("repaired: edges to unknown nodes and self-loops are dropped") {
    const Slice s = load(doc(kTwoNodes, R"([
        {"source": "p", "target": "nope"},
        {"source": "ghost", "target": "w"},
        {"source": "p", "target": "p", "type": "cites"},
        {"source": "p", "target": "w", "type": "authored"}])"));
    REQUIRE(s.graph.edge_count() == 1);
    CHECK(s.graph.edge_type[0] == "authored");
    const std::vector<std::string> expected = {
        "/edges/0/target: unknown node id \"nope\"; edge dropped",
        "/edges/1/source: unknown node id \"ghost\"; edge dropped",
        "/edges/2: self-loop on \"p\"; edge dropped",
    };
    CHECK(s.warnings == expected);
}

TEST_CASE("repaired: a negative weight is set to 0, the edge is kept") {
    const Slice s = load(doc(kTwoNodes, R"([{"source": "p", "target": "w", "weight": -2.5},
                                            {"source": "w", "target": "p", "weight": -3}])"));
    REQUIRE(s.graph.edge_count() == 2);
    CHECK(s.graph.edge_weight[0] == 0.0f);
    CHECK(s.graph.edge_weight[1] == 0.0f);
    const std::vector<std::string> expected = {"/edges/0/weight: negative weight -2.5 set to 0",
                                               "/edges/1/weight: negative weight -3 set to 0"};
    CHECK(s.warnings == expected);
}

TEST_CASE("repaired: focus") {
    SUBCASE("missing: the first person node") {
        const std::string nodes = R"([{"id": "w", "type": "work"}, {"id": "a", "type": "author"},
                                      {"id": "b", "type": "person"}])";
        const Slice s = load(doc(nodes, "[]", ""));
        CHECK(s.graph.node_id[s.focus] == "a");
        CHECK(s.warnings == std::vector<std::string>{"/focus: missing; using the first person node \"a\""});
    }
    SUBCASE("unknown id: the first person node") {
        const Slice s = load(doc(kTwoNodes, "[]", R"("focus": "zz",)"));
        CHECK(s.graph.node_id[s.focus] == "p");
        CHECK(s.warnings ==
              std::vector<std::string>{"/focus: no node has id \"zz\"; using the first person node \"p\""});
    }
    SUBCASE("no person at all: no focus") {
        const Slice s = load(doc(R"([{"id": "w", "type": "work"}])", "[]", ""));
        CHECK(s.focus == rgv::kNoNode);
        CHECK(s.warnings == std::vector<std::string>{
                                "/focus: missing and there is no person node; no focal researcher"});
    }
    SUBCASE("given: no warning, any node type") {
        const Slice s = load(doc(kTwoNodes, "[]", R"("focus": "w",)"));
        CHECK(s.graph.node_id[s.focus] == "w");
        CHECK(s.warnings.empty());
    }
}

TEST_CASE("repaired: a UTF-8 byte order mark is skipped") {
    const Slice s = load("\xEF\xBB\xBF" + doc(kTwoNodes));
    CHECK(s.graph.node_count() == 2);
    CHECK(s.warnings == std::vector<std::string>{"skipped a UTF-8 byte order mark at the start of the file"});
    // Columns after it count from after the mark.
    CHECK(error_of("\xEF\xBB\xBF{,}") ==
          "line 1, column 2: syntax error while parsing object key - unexpected ','; expected string literal");
    // The sample with a BOM prepended loads the same.
    CHECK(load("\xEF\xBB\xBF" + sample_text()).graph.node_count() == 55);
}

TEST_CASE("repaired: a duplicate key keeps the last value") {
    const Slice s = load(doc(R"([{"id": "p", "type": "person", "label": "A", "label": "B"}])"));
    CHECK(s.graph.node_label[0] == "B");
    CHECK(s.warnings == std::vector<std::string>{"/nodes/0/label: duplicate key; the last value is used"});
}

TEST_CASE("repaired: warnings are capped at 100 plus a count") {
    std::string edges = "[";
    for (int i = 0; i < 150; ++i) edges += std::string(i ? "," : "") + R"({"source": "p", "target": "p"})";
    edges += "]";
    const Slice s = load(doc(kTwoNodes, edges));
    REQUIRE(s.warnings.size() == 101);
    CHECK(s.warnings[0] == "/edges/0: self-loop on \"p\"; edge dropped");
    CHECK(s.warnings[99] == "/edges/99: self-loop on \"p\"; edge dropped");
    CHECK(s.warnings[100] == "... and 50 more warning(s) not shown");
}

// [SECTION] Unknown attributes are kept

TEST_CASE("unknown keys are merged into attrs, nothing is dropped") {
    const Slice s = load(doc(
        R"([{"id": "p", "type": "person", "orcid": "0000-0001", "attrs": {"h_index": 12, "a": 1}, "a": 2},
            {"id": "w", "type": "dataset", "label": "Data", "x": 1.5, "y": -2, "pinned": true}])",
        R"([{"source": "p", "target": "w", "type": "made", "since": 2020, "attrs": {"note": "x"}}])",
        R"("focus": "p", "meta": {"anything": [1, 2]}, "future_field": true,)"));
    const rgv::Graph& g = s.graph;
    CHECK(g.node_attrs[0] == json({{"orcid", "0000-0001"}, {"h_index", 12}, {"a", 1}}));
    CHECK(s.warnings == std::vector<std::string>{
                            "/nodes/0/a: also given inside \"attrs\"; the value in \"attrs\" is kept"});
    CHECK(g.node_label[0] == "p"); // label defaults to the id
    CHECK(g.has_position[0] == 0);
    CHECK(g.node_type[1] == "dataset");
    CHECK(g.kind[1] == NodeKind::Other);
    CHECK(g.node_label[1] == "Data");
    CHECK(g.has_position[1] == 1);
    CHECK(g.x[1] == 1.5f);
    CHECK(g.y[1] == -2.0f);
    CHECK(g.pinned[1] == 1);
    CHECK(g.node_attrs[1] == json::object());
    REQUIRE(g.edge_count() == 1);
    CHECK(g.edge_attrs[0] == json({{"since", 2020}, {"note", "x"}}));
    CHECK(g.edge_weight[0] == 1.0f);
    CHECK(g.edge_directed[0] == 0);
}

// [SECTION] Failure leaves `out` untouched

TEST_CASE("a failed load leaves the previous slice as it was") {
    Slice s;
    REQUIRE(parse_slice(doc(kTwoNodes, "[]", R"("focus": "missing",)"), s).ok);
    REQUIRE(s.warnings.size() == 1);
    const std::string before = rgv::write_slice(s, true);

    // Fails late: the nodes were already read when the duplicate shows up.
    const LoadResult r = parse_slice(doc(R"([{"id": "q", "type": "person"}, {"id": "q", "type": "work"}])"), s);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "/nodes/1/id: duplicate node id \"q\"");
    CHECK(s.graph.node_count() == 2);
    CHECK(s.graph.node_id[0] == "p");
    CHECK(s.warnings.size() == 1);
    CHECK(rgv::write_slice(s, true) == before);

    CHECK_FALSE(parse_slice("{", s).ok);
    CHECK_FALSE(parse_slice("", s).ok);
    CHECK(rgv::write_slice(s, true) == before);

    // A successful load replaces everything, warnings included.
    REQUIRE(parse_slice(doc(R"([{"id": "z", "type": "person"}])", "[]", R"("focus": "z",)"), s).ok);
    CHECK(s.graph.node_count() == 1);
    CHECK(s.warnings.empty());
}

// [SECTION] write_slice round trip

namespace {

// positions: b must have every position, equal to a's; else none. as_given: b's
// positions (given or not) must be a's, whatever they are.
void check_same(const Slice& a, const Slice& b, bool positions, bool as_given = false) {
    const rgv::Graph& g = a.graph;
    const rgv::Graph& h = b.graph;
    REQUIRE(g.node_count() == h.node_count());
    REQUIRE(g.edge_count() == h.edge_count());
    CHECK(a.focus == b.focus);
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        CHECK(g.node_id[i] == h.node_id[i]);
        CHECK(g.node_type[i] == h.node_type[i]);
        CHECK(g.node_label[i] == h.node_label[i]);
        CHECK(g.kind[i] == h.kind[i]);
        CHECK(g.pinned[i] == h.pinned[i]);
        CHECK(g.node_attrs[i] == h.node_attrs[i]);
        if (as_given) {
            CHECK(h.has_position[i] == g.has_position[i]);
            CHECK(g.x[i] == h.x[i]);
            CHECK(g.y[i] == h.y[i]);
        } else if (positions) {
            CHECK(h.has_position[i] == 1);
            CHECK(g.x[i] == h.x[i]);
            CHECK(g.y[i] == h.y[i]);
        } else {
            CHECK(h.has_position[i] == 0);
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
    const rgv::Profile& p = a.profile;
    const rgv::Profile& q = b.profile;
    CHECK(p.name == q.name);
    CHECK(p.headline == q.headline);
    CHECK(p.affiliation == q.affiliation);
    CHECK(p.trust_score == q.trust_score);
    CHECK(p.trust_band == q.trust_band);
    CHECK(p.verification == q.verification);
    CHECK(p.claimed == q.claimed);
    CHECK(p.open_to_collaborate == q.open_to_collaborate);
    CHECK(p.works == q.works);
    CHECK(p.followers == q.followers);
    CHECK(p.topics == q.topics);
    CHECK(p.close_collaborators == q.close_collaborators);
}

} // namespace

TEST_CASE("round trip: write_slice then parse_slice gives the same slice") {
    Slice original = load(sample_text());

    SUBCASE("without positions") {
        const std::string text = rgv::write_slice(original, false);
        const Slice again = load(text);
        CHECK(again.warnings.empty());
        check_same(original, again, false);
        CHECK(rgv::write_slice(again, false) == text); // stable
    }
    SUBCASE("with positions, floats written exactly and short") {
        const float xs[] = {0.1f, -123.456f, 1e-7f, 3.4e38f, -0.0f, 16777216.0f, 1.0f / 3.0f};
        rgv::Graph& g = original.graph;
        for (std::size_t i = 0; i < g.node_count(); ++i) {
            g.x[i] = xs[i % 7];
            g.y[i] = xs[(i + 3) % 7] * 0.5f;
        }
        g.pinned[3] = 1;
        g.edge_weight[0] = 0.3f;
        const std::string text = rgv::write_slice(original, true);
        CHECK(text.find("\"x\": 0.1,") != std::string::npos);
        CHECK(text.find("0.10000000149011612") == std::string::npos);
        const Slice again = load(text);
        check_same(original, again, true);
        CHECK(again.graph.pinned[3] == 1);
        CHECK(again.graph.edge_weight[0] == 0.3f);
    }
    SUBCASE("profile fields that were not given stay not given") {
        Slice empty = load(doc(kTwoNodes, R"([{"source": "p", "target": "w", "weight": 0}])"));
        empty.profile.affiliation = "ASU";
        const Slice again = load(rgv::write_slice(empty, false));
        check_same(empty, again, false);
        CHECK(again.profile.trust_score == -1);
        CHECK(again.profile.works == -1);
        CHECK(again.profile.affiliation == std::optional<std::string>("ASU"));
        CHECK(again.graph.edge_weight[0] == 0.0f);
        CHECK(again.profile.counts_source.empty());
        CHECK_FALSE(again.profile.focus_inferred);
    }
    SUBCASE("where the counts come from and a guessed focus survive the round trip") {
        Slice s = load(doc(kTwoNodes, R"([{"source": "p", "target": "w"}])"));
        s.profile.works = 62;
        s.profile.counts_source = "OpenAlex";
        s.profile.focus_inferred = true;
        const std::string text = rgv::write_slice(s, false);
        CHECK(text.find("\"counts_source\": \"OpenAlex\"") != std::string::npos);
        const Slice again = load(text);
        CHECK(again.profile.works == 62);
        CHECK(again.profile.counts_source == "OpenAlex");
        CHECK(again.profile.focus_inferred);
    }
}

TEST_CASE("write_slice never aborts on invalid UTF-8 set by code") {
    Slice s = load(doc(kTwoNodes));
    s.graph.node_label[0] = "bad \xFF label";
    const std::string text = rgv::write_slice(s, false);
    const Slice again = load(text);
    CHECK(again.graph.node_label[0] == "bad \xEF\xBF\xBD label"); // U+FFFD
}

// [SECTION] Streaming
// parse_slice reads nodes and edges one element at a time from the checked text; the
// DOM reader (read_slice_document) is the reference it must agree with on every input.
namespace {

// Reads `text` both ways; both must agree on success, error and every node, edge and
// warning.
void check_stream_matches_dom(const std::string& text) {
    Slice streamed;
    const LoadResult r = parse_slice(text, streamed);

    Slice dom;
    std::vector<std::string> dom_warnings;
    rgv::Reporter report(dom_warnings);
    json tree;
    REQUIRE(rgv::read_json(text, LoadLimits{}, tree, report));
    const bool dom_ok = rgv::read_slice_document(tree, dom, report);
    report.finish();
    REQUIRE(r.ok == dom_ok);
    if (!r.ok) {
        CHECK(r.error == report.error());
        return;
    }
    CHECK(streamed.warnings == dom_warnings);
    check_same(dom, streamed, false, /*as_given=*/true);
    CHECK(streamed.focus == dom.focus);
    CHECK(streamed.extra == dom.extra);
}

} // namespace

TEST_CASE("streaming: the sample and its rewrite read the same as through a DOM") {
    check_stream_matches_dom(sample_text());
    // write_slice puts "edges" before "nodes" (keys sorted): edges must wait for nodes.
    const std::string rewritten = rgv::write_slice(load(sample_text()), true);
    REQUIRE(rewritten.find("\"edges\"") < rewritten.find("\"nodes\""));
    check_stream_matches_dom(rewritten);
}

TEST_CASE("streaming: awkward but valid text reads the same as through a DOM") {
    // Strings full of brackets, quotes and escapes inside elements; an escaped key that
    // spells "nodes"; no whitespace at all; a duplicate top-level key (the last wins).
    check_stream_matches_dom(
        R"({"schema":"rgv-slice","version":1,"focus":"p","edges":[{"source":"p","target":"w","note":"]}\"[{,"}],)"
        R"("\u006eodes":[{"id":"p","type":"person","label":"a \"quoted\" ]} label"},)"
        R"({"id":"w","type":"work","attrs":{"t":["[",{"}":"{"}],"n":-1.5e3}}]})");
    check_stream_matches_dom(doc(kTwoNodes, "[]", R"("nodes": [{"id": "gone", "type": "topic"}],)"));
    check_stream_matches_dom("\xEF\xBB\xBF" + doc(kTwoNodes) + "\n\t ");
    check_stream_matches_dom(doc(R"([ ])", R"([ ])", R"("meta": {"a": [1, {"b": null}]}, "focus": "p",)"));
}

TEST_CASE("streaming: errors name the same place as through a DOM") {
    const char* const bad_nodes[] = {
        R"({"nodes": 5, "schema": "rgv-slice", "version": 1})",
        R"({"nodes": "x", "schema": "rgv-slice", "version": 1})",
        R"({"nodes": {"a": 1}, "schema": "rgv-slice", "version": 1})",
        R"({"nodes": null, "schema": "rgv-slice", "version": 1})",
        R"({"nodes": [], "edges": true, "schema": "rgv-slice", "version": 1})",
        R"({"edges": [{"source": 1}], "nodes": [], "schema": "rgv-slice", "version": 1})",
        R"({"edges": [{"source": 1}], "nodes": [7], "schema": "rgv-slice", "version": 1})",
        R"({"schema": "rgv-slice", "version": 1})",
        R"([{"schema": "rgv-slice"}])",
    };
    for (const char* text : bad_nodes) {
        CAPTURE(text);
        check_stream_matches_dom(text);
    }
    CHECK(error_of(R"({"nodes": 5, "schema": "rgv-slice", "version": 1})") ==
          "/nodes: expected an array, got number");
    CHECK(error_of(R"({"edges": [{"source": 1}], "nodes": [7], "schema": "rgv-slice", "version": 1})") ==
          "/nodes/0: expected an object, got number");
}
