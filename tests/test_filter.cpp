// test_filter.cpp — the filter model, its JSON form, years and colour ramps.
//
// Index
//   Helpers       a small slice shaped like the sample
//   Visibility    types, years, topics, focus, the second ring
//   JSON          round trip and every error message
//   Years         node_year forms, slice range, the sample
//   Colours       viridis ends, year ramp, palette wrap
#include "core/filter.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

using namespace rgv;

namespace {

// [SECTION] Helpers
// 0 me (focus), 1 w2019 (topic A), 2 w2021 (topic B), 3 w-undated, 4 alice (on 1),
// 5 bob (on 2), 6 topic A, 7 topic B, 8 inst of alice, 9 inst of bob, 10 paper 2020.
Slice sample() {
    Slice s;
    Graph& g = s.graph;
    g.add_node("me", "person", "Me");
    g.add_node("w1", "work", "One", {{"year", 2019}});
    g.add_node("w2", "work", "Two", {{"year", "2021"}});
    g.add_node("w3", "work", "Three");
    g.add_node("alice", "person", "Alice");
    g.add_node("bob", "person", "Bob");
    g.add_node("tA", "topic", "A");
    g.add_node("tB", "topic", "B");
    g.add_node("iA", "institution", "IA");
    g.add_node("iB", "institution", "IB");
    g.add_node("p", "paper", "Paper", {{"year", 2020.0}});
    for (std::uint32_t w : {1u, 2u, 3u, 10u}) g.add_edge(0, w, "authored", 1.0f, true);
    g.add_edge(4, 1, "authored", 1.0f, true);
    g.add_edge(5, 2, "authored", 1.0f, true);
    g.add_edge(1, 6, "about", 1.0f, true);
    g.add_edge(2, 7, "about", 1.0f, true);
    g.add_edge(4, 8, "affiliated", 1.0f, true);
    g.add_edge(5, 9, "affiliated", 1.0f, true);
    s.focus = 0;
    return s;
}

std::string shown(const Slice& s, const Filter& f) {
    const auto v = visible(s, f);
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i]) out += (out.empty() ? "" : " ") + s.graph.node_id[i];
    return out;
}

} // namespace

TEST_SUITE("filter") {

// [SECTION] Visibility
TEST_CASE("no filter shows everything") {
    const Slice s = sample();
    CHECK(shown(s, Filter{}) == "me w1 w2 w3 alice bob tA tB iA iB p");
    CHECK(!Filter{}.active());
}

TEST_CASE("hidden types match the type string or the kind; the focus stays") {
    const Slice s = sample();
    Filter f;
    f.types_hidden = {"work", "person"};
    CHECK(f.active());
    CHECK(shown(s, f) == "me tA tB iA iB"); // "paper" is a work kind
    f.types_hidden = {"paper"};
    CHECK(shown(s, f) == "me w1 w2 w3 alice bob tA tB iA iB");
}

TEST_CASE("a year range keeps matching works and what hangs off them") {
    const Slice s = sample();
    Filter f;
    f.has_years = true;
    f.year_from = 2019;
    f.year_to = 2020;
    // w2 (2021) goes, and with it bob, topic B and bob's institution; undated w3 stays.
    CHECK(shown(s, f) == "me w1 w3 alice tA iA p");
    f.hide_undated = true;
    CHECK(shown(s, f) == "me w1 alice tA iA p");
    f.types_hidden = {"work"}; // people of matching works stay even when works are hidden
    CHECK(shown(s, f) == "me alice tA iA");
}

TEST_CASE("topics keep works about them, the topics themselves and their people") {
    const Slice s = sample();
    Filter f;
    f.topics = {"tB"};
    CHECK(shown(s, f) == "me w2 bob tB iB");
    f.topics = {"tA", "tB", "no-such-topic"};
    CHECK(shown(s, f) == "me w1 w2 alice bob tA tB iA iB");
    f.topics = {"no-such-topic"};
    CHECK(shown(s, f) == "me");
}

TEST_CASE("without a focus nothing is forced visible; an empty slice gives nothing") {
    Slice s = sample();
    s.focus = kNoNode;
    Filter f;
    f.topics = {"tA"};
    CHECK(shown(s, f) == "me w1 alice tA iA"); // "me" is an author of w1, not forced
    s.graph.edge_target[0] = 2;                // me authored w2 instead of w1
    CHECK(shown(s, f) == "w1 alice tA iA");
    CHECK(visible(Slice{}, f).empty());
}

// [SECTION] JSON
TEST_CASE("filter JSON round trip") {
    Filter f;
    CHECK(filter_to_json(f) == "{}");
    f.types_hidden = {"institution", "topic"};
    f.has_years = true;
    f.year_from = 2019;
    f.year_to = 2021;
    f.hide_undated = true;
    f.topics = {"topic:cs.LG"};
    const std::string text = filter_to_json(f);
    CHECK(text ==
          R"({"hideUndated":true,"topics":["topic:cs.LG"],"typesHidden":["institution","topic"],"years":[2019,2021]})");
    Filter back;
    const auto r = filter_from_json(text, back);
    REQUIRE(r.ok);
    CHECK(back == f);
    // Lists are sorted and deduplicated.
    REQUIRE(filter_from_json(R"({"typesHidden":["topic","person","topic"]})", back).ok);
    CHECK(back.types_hidden == std::vector<std::string>{"person", "topic"});
    CHECK(!back.has_years);
}

TEST_CASE("bad filter JSON gives one exact line and leaves the filter alone") {
    Filter keep;
    keep.topics = {"t"};
    auto error = [&](std::string_view text) {
        Filter f = keep;
        const auto r = filter_from_json(text, f);
        CHECK(!r.ok);
        CHECK(f == keep);
        return r.error;
    };
    CHECK(error("[1]") == "filter: expected an object, got array");
    CHECK(error(R"({"years":[2021,2019]})") == "/years: from 2021 is after to 2019");
    CHECK(error(R"({"years":[2019]})") == "/years: expected [from, to], got an array of 1");
    CHECK(error(R"({"years":"2019-2021"})") == "/years: expected [from, to], got string");
    CHECK(error(R"({"years":[2019,"2021"]})") == "/years/1: expected an integer year, got string");
    CHECK(error(R"({"years":[2019.5,2021]})") == "/years/0: expected an integer year, got number");
    CHECK(error(R"({"years":[-10000,2021]})") == "/years/0: year out of range -9999..9999");
    CHECK(error(R"({"typesHidden":"topic"})") == "/typesHidden: expected an array of strings, got string");
    CHECK(error(R"({"topics":["a",3]})") == "/topics/1: expected a string, got number");
    CHECK(error(R"({"topics":[""]})") == "/topics/0: empty string");
    CHECK(error("{\"topics\":[\"\xFF\"]}") ==
          "filter: line 1, column 13: invalid UTF-8 byte 0xFF in a string; the file must be UTF-8 encoded");
    CHECK(error(R"({"hideUndated":1,"years":[1,2]})") == "/hideUndated: expected true or false, got number");
    CHECK(error(R"({"hideUndated":true})") == "/hideUndated: needs \"years\"");
    CHECK(error(R"({"<script>":1})") ==
          "/<script>: unknown key (expected typesHidden, years, hideUndated, topics)");
    CHECK(error(std::string(70000, ' ')) == "filter: longer than 65536 bytes");
    std::string many = R"({"topics":[)";
    for (int i = 0; i < 257; ++i) many += (i ? ",\"t" : "\"t") + std::to_string(i) + "\"";
    CHECK(error(many + "]}") == "/topics: more than 256 entries");
    CHECK(error(R"({"topics":[")" + std::string(600, 'x') + "\"]}") == "/topics/0: longer than 512 bytes");
    // Syntax errors and nesting come from the shared reader, with line and column.
    const std::string syntax = error("{\"years\": [1,");
    CHECK(syntax.rfind("filter: line 1, column ", 0) == 0);
    CHECK(error("") .rfind("filter: ", 0) == 0);
    CHECK(error("[[[[[[[[[[1]]]]]]]]]]").rfind("filter: ", 0) == 0);
}

// [SECTION] Years
TEST_CASE("node_year reads integers, integral numbers and year strings") {
    Graph g;
    const char* bad[] = {"20", "20x1", "2020x", "abcd"};
    g.add_node("a", "work", "", {{"year", 2020}});
    g.add_node("b", "work", "", {{"year", "2019-05-01"}});
    g.add_node("c", "work", "", {{"year", 1999.0}});
    g.add_node("d", "work", "", {{"year", 1999.5}});
    g.add_node("e", "work", "", {{"year", 20000}});
    g.add_node("f", "work", "", {{"year", nullptr}});
    g.add_node("g", "work", "", nlohmann::json::array());
    for (const char* b : bad) g.add_node(std::string("bad") + b, "work", "", {{"year", b}});
    int y = 0;
    CHECK((node_year(g, 0, y) && y == 2020));
    CHECK((node_year(g, 1, y) && y == 2019));
    CHECK((node_year(g, 2, y) && y == 1999));
    for (std::uint32_t i = 3; i < g.node_count(); ++i) CHECK(!node_year(g, i, y));
    CHECK(!node_year(g, 999, y));
}

TEST_CASE("slice year range, and the bundled sample") {
    const Slice s = sample();
    int lo = 0, hi = 0;
    REQUIRE(slice_year_range(s, lo, hi));
    CHECK(lo == 2019);
    CHECK(hi == 2021);
    CHECK(!slice_year_range(Slice{}, lo, hi));
#ifdef RGV_ASSETS_DIR
    std::ifstream in(RGV_ASSETS_DIR "/sample-slice.json");
    std::stringstream text;
    text << in.rdbuf();
    Slice sample_slice;
    REQUIRE(parse_slice(text.str(), sample_slice).ok);
    REQUIRE(slice_year_range(sample_slice, lo, hi));
    CHECK(lo == 2020);
    CHECK(hi == 2022);
    Filter f;
    f.has_years = true;
    f.year_from = f.year_to = 2022;
    const auto v = visible(sample_slice, f);
    std::size_t works = 0;
    for (std::size_t i = 0; i < v.size(); ++i) works += v[i] && sample_slice.graph.kind[i] == NodeKind::Work;
    CHECK(works == 2);
    CHECK(v[sample_slice.focus] == 1);
#endif
}

// [SECTION] Colours
TEST_CASE("viridis ramp ends, middle, clamping") {
    CHECK(viridis(0.0f) == 0xff540144u);  // #440154
    CHECK(viridis(1.0f) == 0xff25e7fdu);  // #fde725
    CHECK(viridis(-3.0f) == viridis(0.0f));
    CHECK(viridis(7.0f) == viridis(1.0f));
    CHECK(year_color(2019, 2019, 2023) == viridis(0.0f));
    CHECK(year_color(2023, 2019, 2023) == viridis(1.0f));
    CHECK(year_color(2021, 2019, 2023) == viridis(128.0f / 255.0f));
    CHECK(year_color(1900, 2019, 2023) == viridis(0.0f));
    CHECK(year_color(2020, 2020, 2020) == viridis(128.0f / 255.0f));
    // Perceptual ramp: lightness grows, so green rises monotonically along viridis.
    for (int k = 1; k < 256; ++k)
        CHECK(((viridis(static_cast<float>(k) / 255.0f) >> 8) & 0xff) >=
              ((viridis(static_cast<float>(k - 1) / 255.0f) >> 8) & 0xff));
}

TEST_CASE("community palette: Tableau 10 without red + 3, wrapping") {
    CHECK(community_color(0) == 0xffa7794eu); // #4e79a7
    CHECK(community_color(11) == 0xff22bdbcu);
    CHECK(community_color(12) == community_color(0));
    CHECK(community_color(-1) == community_color(11));
    for (int a = 0; a < kCommunityColors; ++a)
        for (int b = a + 1; b < kCommunityColors; ++b) CHECK(community_color(a) != community_color(b));
    // The researcher is red in every colour mode, so no community may look red: no
    // colour of HSV saturation 0.5 or more with a hue within 25 degrees of red (Tableau's
    // light pink stays: saturation 0.38).
    for (int a = 0; a < kCommunityColors; ++a) {
        const std::uint32_t c = community_color(a);
        const double r = (c & 0xff) / 255.0, g = ((c >> 8) & 0xff) / 255.0, b = ((c >> 16) & 0xff) / 255.0;
        const double hi = std::max({r, g, b}), lo = std::min({r, g, b});
        if ((hi - lo) / hi < 0.5 || hi != r) continue; // pale, or not red-dominant
        const double hue = 60.0 * (g - b) / (hi - lo); // -60..60 when red is highest
        INFO("community colour ", a, " hue ", hue);
        CHECK(std::abs(hue) > 25.0);
    }
}

} // TEST_SUITE
