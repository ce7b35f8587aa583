// test_view_state.cpp — deep links: the URL hash both ways.
//
// Index
//   Round trips     default, full, awkward ids, camera precision
//   Parsing         the documented example, '#' optional, unknown and repeated keys
//   Errors          one exact line per bad value, `out` untouched
//   Percent-coding
#include "core/view_state.h"

#include <doctest/doctest.h>

using namespace rgv;

namespace {

ViewState full_state() {
    ViewState v;
    v.focus = "person:zhezhi-he";
    v.selected = "work:arxiv:2205.04007";
    v.color_mode = "community";
    v.size_mode = "citations";
    v.filter.has_years = true;
    v.filter.year_from = 2019;
    v.filter.year_to = 2021;
    v.filter.hide_undated = true;
    v.filter.types_hidden = {"institution", "topic"};
    v.filter.topics = {"topic:cs.LG", "topic:odd,id & more"};
    v.has_camera = true;
    v.cx = 12.5f;
    v.cy = -3.25f;
    v.zoom = 1.8f;
    v.mode = "explorer";
    return v;
}

std::string parse_error(std::string_view hash) {
    ViewState v = full_state();
    const auto r = parse_view_state_hash(hash, v);
    CHECK(!r.ok);
    CHECK(v == full_state());
    return r.error;
}

} // namespace

TEST_SUITE("view_state") {

// [SECTION] Round trips
TEST_CASE("the default state is an empty hash and back") {
    CHECK(view_state_to_hash(ViewState{}) == "#");
    ViewState v = full_state();
    const auto r = parse_view_state_hash("#", v);
    REQUIRE(r.ok);
    CHECK(v == ViewState{});
    CHECK(r.warnings.empty());
}

TEST_CASE("a full state round-trips, with the exact hash") {
    const ViewState v = full_state();
    const std::string hash = view_state_to_hash(v);
    CHECK(hash == "#focus=person%3Azhezhi-he&sel=work%3Aarxiv%3A2205.04007&color=community&size=citations"
                  "&years=2019-2021&undated=hide&hide=institution,topic"
                  "&topics=topic%3Acs.LG,topic%3Aodd%2Cid%20%26%20more&cam=12.5,-3.25,1.8&mode=explorer");
    ViewState back;
    const auto r = parse_view_state_hash(hash, back);
    REQUIRE(r.ok);
    CHECK(back == v);
}

TEST_CASE("camera numbers: 2 decimals for the centre, 5 significant digits for the zoom") {
    ViewState v;
    v.has_camera = true;
    v.cx = 1234.5678f;
    v.cy = -0.004f;
    v.zoom = 0.0012345f;
    CHECK(view_state_to_hash(v) == "#cam=1234.57,0,0.0012345");
    v.zoom = 250.25f;
    CHECK(view_state_to_hash(v) == "#cam=1234.57,0,250.25");
    ViewState back;
    REQUIRE(parse_view_state_hash("cam=1234.57,0,0.0012345", back).ok);
    CHECK(back.cx == doctest::Approx(1234.57));
    CHECK(back.zoom == doctest::Approx(0.0012345));
}

TEST_CASE("ids with UTF-8 and reserved characters survive") {
    ViewState v;
    v.focus = "person:łukasz-żółć?#&=+/ é";
    ViewState back;
    REQUIRE(parse_view_state_hash(view_state_to_hash(v), back).ok);
    CHECK(back.focus == v.focus);
}

// [SECTION] Parsing
TEST_CASE("the documented example, with or without '#'") {
    for (const char* h : {"#focus=person%3Azhezhi-he&color=community&years=2019-2021&hide=topic,institution&cam=12.5,-3.2,1.8",
                          "focus=person%3Azhezhi-he&color=community&years=2019-2021&hide=topic,institution&cam=12.5,-3.2,1.8"}) {
        ViewState v;
        const auto r = parse_view_state_hash(h, v);
        REQUIRE(r.ok);
        CHECK(v.focus == "person:zhezhi-he");
        CHECK(v.color_mode == "community");
        CHECK(v.size_mode == "degree");
        CHECK(v.filter.year_from == 2019);
        CHECK(v.filter.year_to == 2021);
        CHECK(v.filter.types_hidden == std::vector<std::string>{"institution", "topic"});
        CHECK(v.has_camera);
        CHECK(v.cx == 12.5f);
        CHECK(v.cy == doctest::Approx(-3.2));
        CHECK(v.zoom == doctest::Approx(1.8));
    }
}

TEST_CASE("unknown keys are warnings; repeated keys: the last wins, with a warning") {
    ViewState v;
    const auto r = parse_view_state_hash("#&utm_source=x&color=year&&color=community&newthing", v);
    REQUIRE(r.ok);
    CHECK(v.color_mode == "community");
    CHECK(r.warnings == std::vector<std::string>{"unknown key \"utm_source\" ignored",
                                                 "\"color\" given twice; the last one is used",
                                                 "unknown key \"newthing\" ignored"});
    std::string many;
    for (int i = 0; i < 100; ++i) many += "&k" + std::to_string(i) + "=1";
    CHECK(parse_view_state_hash(many, v).warnings.size() == 16);
}

// [SECTION] Errors
TEST_CASE("bad values: one exact line naming the key") {
    CHECK(parse_error("cam=1,2") == "cam: expected X,Y,ZOOM with finite decimal numbers, got \"1,2\"");
    CHECK(parse_error("cam=1e3,2,1") == "cam: expected X,Y,ZOOM with finite decimal numbers, got \"1e3,2,1\"");
    CHECK(parse_error("cam=nan,2,1") == "cam: expected X,Y,ZOOM with finite decimal numbers, got \"nan,2,1\"");
    CHECK(parse_error("cam=1,2,0") == "cam: zoom must be > 0 and every number must fit a float, got \"1,2,0\"");
    CHECK(parse_error("cam=1,2,-1") == "cam: zoom must be > 0 and every number must fit a float, got \"1,2,-1\"");
    CHECK(parse_error("cam") == "cam: expected X,Y,ZOOM with finite decimal numbers, got \"\"");
    CHECK(parse_error("years=2021") == "years: expected FROM-TO with years 0..9999, got \"2021\"");
    CHECK(parse_error("years=2021-2019") == "years: 2021 is after 2019");
    CHECK(parse_error("years=-5-3") == "years: expected FROM-TO with years 0..9999, got \"-5-3\"");
    CHECK(parse_error("color=rainbow") == "color: expected type, community or year, got \"rainbow\"");
    CHECK(parse_error("size=") == "size: expected degree or citations, got \"\"");
    CHECK(parse_error("mode=full") == "mode: expected compact or explorer, got \"full\"");
    CHECK(parse_error("undated=yes") == "undated: expected hide or show, got \"yes\"");
    CHECK(parse_error("focus=%zz") == "focus: invalid percent-encoding in \"%zz\"");
    CHECK(parse_error("focus=abc%4") == "focus: invalid percent-encoding in \"abc%4\"");
    CHECK(parse_error("focus=%FF") == "focus: not valid UTF-8 once decoded");
    CHECK(parse_error("sel=a%0Ab") == "sel: control character in \"a%0Ab\"");
    CHECK(parse_error("hide=topic,,work") == "hide: empty entry in \"topic,,work\"");
    CHECK(parse_error("focus=" + std::string(600, 'a')) == "focus: longer than 512 bytes");
    std::string many = "topics=";
    for (int i = 0; i < 257; ++i) many += "t,";
    CHECK(parse_error(many + "t") == "topics: more than 256 entries");
    CHECK(parse_error(std::string(9000, '&')) == "hash: longer than 8192 bytes");
    // A long hostile value is cut in the message and stays one printable line.
    const std::string msg = parse_error("color=<script>" + std::string(100, 'x') + "\n\x01");
    CHECK(msg == "color: control character in \"<script>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"...");
}

// [SECTION] Percent-coding
TEST_CASE("percent-coding both ways") {
    CHECK(percent_encode("a-b_c.d~e f:g/h%") == "a-b_c.d~e%20f%3Ag%2Fh%25");
    CHECK(percent_encode("é") == "%C3%A9");
    std::string out;
    CHECK(percent_decode("%C3%a9+x", out));
    CHECK(out == "é+x"); // '+' stays a plus in a hash
    CHECK(!percent_decode("%", out));
    CHECK(!percent_decode("%4", out));
    CHECK(!percent_decode("%g0", out));
}

} // TEST_SUITE
