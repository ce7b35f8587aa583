// test_theme.cpp — the viewer's themes (src/view/model/theme.h, color.h): WCAG contrast of
// the panel text in both built-in themes, computed from the theme's own colours; the
// set_theme specification and every error message; hex colours both ways.
#include "view/model/theme.h"

#include <doctest/doctest.h>

using namespace rgv;

namespace {
// A translucent colour over an opaque one, as the label boxes sit on the graph.
std::uint32_t over(std::uint32_t top, std::uint32_t bottom) {
    return with_alpha(mix(bottom, top, static_cast<float>(alpha_of(top)) / 255.0f), 255);
}

std::string theme_error(const nlohmann::json& spec) {
    Theme t = light_theme();
    std::string error;
    CHECK_FALSE(theme_from_json(spec, t, error));
    CHECK(t.name == "light"); // untouched on failure
    return error;
}
} // namespace

// [SECTION] contrast
TEST_CASE("theme: text keeps WCAG AA contrast (4.5:1) on the panels of both themes") {
    for (const Theme& t : {light_theme(), dark_theme()}) {
        CAPTURE(t.name);
        CHECK(contrast_ratio(t.text, t.panel) >= 4.5);
        CHECK(contrast_ratio(t.text_dim, t.panel) >= 4.5);  // secondary text (TextDisabled)
        CHECK(contrast_ratio(t.error_text, t.panel) >= 4.5);
        CHECK(contrast_ratio(t.ok_text, t.panel) >= 4.5);
        CHECK(contrast_ratio(t.text, t.frame) >= 4.5);      // the search box
        // Labels: text on the translucent box, over the graph's background.
        const std::uint32_t box = over(t.label_box, t.background);
        CHECK(contrast_ratio(t.text, box) >= 4.5);
        CHECK(contrast_ratio(t.label_focus_text, box) >= 4.5);
        CHECK(contrast_ratio(t.text, t.background) >= 4.5);
    }
}

TEST_CASE("theme: the contrast measure is WCAG's") {
    CHECK(contrast_ratio(rgba(0, 0, 0), rgba(255, 255, 255)) == doctest::Approx(21.0));
    CHECK(contrast_ratio(rgba(255, 255, 255), rgba(255, 255, 255)) == doctest::Approx(1.0));
    // #767676 on white is the classic 4.54:1 grey.
    CHECK(contrast_ratio(rgba(0x76, 0x76, 0x76), rgba(255, 255, 255)) == doctest::Approx(4.54).epsilon(0.005));
}

TEST_CASE("theme: dark is dark and light is light") {
    const Theme light = light_theme(), dark = dark_theme();
    CHECK_FALSE(light.dark);
    CHECK(dark.dark);
    CHECK(relative_luminance(light.background) > 0.8);
    CHECK(relative_luminance(dark.background) < 0.05);
    CHECK(relative_luminance(dark.panel) < 0.05);
    // Node types stay distinct from each other and from the focal researcher in both.
    for (const Theme& t : {light, dark})
        for (int a = 0; a < static_cast<int>(NodeKind::Count); ++a) {
            CHECK(t.kind[a] != t.focus);
            for (int b = a + 1; b < static_cast<int>(NodeKind::Count); ++b) CHECK(t.kind[a] != t.kind[b]);
        }
}

// [SECTION] set_theme specifications
TEST_CASE("theme: names and objects of colours") {
    Theme t;
    std::string error;
    REQUIRE(theme_from_json("dark", t, error));
    CHECK(t.name == "dark");
    CHECK(t.dark);
    REQUIRE(theme_from_json("light", t, error));
    CHECK(t.name == "light");

    REQUIRE(theme_from_json({{"base", "dark"}, {"accent", "#ff8800"}, {"person", "#0af"}}, t, error));
    CHECK(t.name == "custom");
    CHECK(t.dark);
    CHECK(t.accent == rgba(255, 136, 0));
    CHECK(t.kind_color(NodeKind::Person) == rgba(0, 170, 255));
    CHECK(t.background == dark_theme().background); // the rest from the base

    // Derived colours follow the named ones: a custom panel gets its own label boxes.
    REQUIRE(theme_from_json({{"panel", "#102030"}}, t, error));
    CHECK(t.label_box == rgba(0x10, 0x20, 0x30, 215));
    CHECK_FALSE(t.dark);

    // An object with only a base is that theme, not a custom one.
    REQUIRE(theme_from_json({{"base", "dark"}}, t, error));
    CHECK(t.name == "dark");

    const nlohmann::json j = theme_to_json(dark_theme());
    CHECK(j["name"] == "dark");
    CHECK(j["dark"] == true);
    CHECK(j["colors"].size() == 12);
    CHECK(j["colors"]["background"] == "#16181d");
    CHECK(j["colors"]["edge"] == "#96a0b250");
}

TEST_CASE("theme: every mistake has its message") {
    CHECK(theme_error("blue") == "\"theme\" must be \"light\", \"dark\" or an object of colours");
    CHECK(theme_error(3) == "\"theme\" must be \"light\", \"dark\" or an object of colours");
    CHECK(theme_error({{"base", "sepia"}}) == "\"base\" must be \"light\" or \"dark\"");
    CHECK(theme_error({{"backgroud", "#fff"}}) ==
          "unknown colour \"backgroud\" (one of background, text, panel, accent, work, person, topic, institution, "
          "other, focus, edge, highlight)");
    CHECK(theme_error({{"text", "red"}}) == "\"text\" must be a colour like \"#1f6feb\"");
    CHECK(theme_error({{"text", "#12345"}}) == "\"text\" must be a colour like \"#1f6feb\"");
    CHECK(theme_error({{"text", 0xffffff}}) == "\"text\" must be a colour like \"#1f6feb\"");
}

// [SECTION] hex colours
TEST_CASE("color: CSS hex notation both ways") {
    std::uint32_t c = 0;
    REQUIRE(parse_hex_color("#1F6FEB", c));
    CHECK(c == rgba(0x1f, 0x6f, 0xeb));
    CHECK(hex_color(c) == "#1f6feb");
    REQUIRE(parse_hex_color("#abc", c));
    CHECK(c == rgba(0xaa, 0xbb, 0xcc));
    REQUIRE(parse_hex_color("#10203040", c));
    CHECK(c == rgba(0x10, 0x20, 0x30, 0x40));
    CHECK(hex_color(c) == "#10203040");
    c = 7;
    for (const char* bad : {"", "#", "123456", "#12", "#1234", "#12345g", "#1234567", "#123456789"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_hex_color(bad, c));
    }
    CHECK(c == 7);
    CHECK(mix(rgba(0, 0, 0, 0), rgba(255, 255, 255, 255), 0.5f) == rgba(128, 128, 128, 128));
    CHECK(fade(rgba(1, 2, 3, 200), 0.5f) == rgba(1, 2, 3, 100));
}
