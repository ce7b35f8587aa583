// test_view_options.cpp — the names of the view's modes (src/view/model/view_options.h),
// written once for the commands, the state report, the panels and the deep link.
#include "view/model/view_options.h"

#include <doctest/doctest.h>

using namespace rgv;

TEST_CASE("view options: every mode's name parses back to it") {
    for (Mode m : {Mode::Compact, Mode::Explorer}) CHECK(parse_mode(to_string(m)) == m);
    for (ColorMode m : {ColorMode::Type, ColorMode::Community, ColorMode::Year}) CHECK(parse_color_mode(to_string(m)) == m);
    for (SizeMode m : {SizeMode::Degree, SizeMode::Citations}) CHECK(parse_size_mode(to_string(m)) == m);
    CHECK(std::string(to_string(ColorMode::Community)) == "community");
    CHECK(std::string(to_string(SizeMode::Citations)) == "citations");
    CHECK(std::string(to_string(Mode::Compact)) == "compact");
}

TEST_CASE("view options: unknown names are refused, and the messages list the names") {
    CHECK_FALSE(parse_mode("Compact").has_value());
    CHECK_FALSE(parse_color_mode("").has_value());
    CHECK_FALSE(parse_size_mode("degrees").has_value());
    CHECK(mode_names() == "\"compact\" or \"explorer\"");
    CHECK(color_mode_names() == "\"type\", \"community\" or \"year\"");
    CHECK(size_mode_names() == "\"degree\" or \"citations\"");
}

TEST_CASE("view options: the defaults") {
    const ViewOptions o;
    CHECK(o.mode == Mode::Explorer);
    CHECK(o.color_mode == ColorMode::Type);
    CHECK(o.size_mode == SizeMode::Degree);
    CHECK_FALSE(o.filter.active());
    CHECK(o.theme.name == "light");
}
