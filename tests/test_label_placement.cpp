// test_label_placement.cpp — no two placed labels overlap, none covers another node,
// priority order wins, and the four positions are tried in order.
#include "core/label_placement.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <random>

using rgv::LabelBox;
using rgv::LabelCandidate;

namespace {
const rgv::LabelView kView{0, 0, 1000, 800};

bool same(const LabelBox& a, const LabelBox& b) {
    return a.node == b.node && a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1;
}
} // namespace

TEST_CASE("label placement: a lone label goes to the right of its node") {
    auto placed = rgv::place_labels({{7, 100, 100, 10, 50, 20}}, {}, kView, 3.0f);
    REQUIRE(placed.size() == 1);
    CHECK(same(placed[0], {113, 90, 163, 110, 7}));
}

TEST_CASE("label placement: blocked on the right, the next positions are left, below, above") {
    // Node 1 at (100,100); node 2 sits right where its label would go.
    std::vector<LabelBox> obstacles = {{90, 90, 110, 110, 1}, {115, 90, 135, 110, 2}};
    auto placed = rgv::place_labels({{1, 100, 100, 10, 50, 20}}, obstacles, kView, 3.0f);
    REQUIRE(placed.size() == 1);
    CHECK(same(placed[0], {37, 90, 87, 110, 1})); // left

    obstacles.push_back({40, 95, 60, 105, 3});     // block the left too
    placed = rgv::place_labels({{1, 100, 100, 10, 50, 20}}, obstacles, kView, 3.0f);
    REQUIRE(placed.size() == 1);
    CHECK(same(placed[0], {75, 113, 125, 133, 1})); // below

    obstacles.push_back({95, 120, 105, 130, 4});   // and below
    placed = rgv::place_labels({{1, 100, 100, 10, 50, 20}}, obstacles, kView, 3.0f);
    REQUIRE(placed.size() == 1);
    CHECK(same(placed[0], {75, 67, 125, 87, 1}));   // above

    obstacles.push_back({95, 70, 105, 80, 5});     // and above: no room at all
    CHECK(rgv::place_labels({{1, 100, 100, 10, 50, 20}}, obstacles, kView, 3.0f).empty());
}

TEST_CASE("label placement: the earlier candidate wins; the later one moves aside") {
    // Two nodes side by side: the first takes the right; the second's right and left would
    // both cover the first label, so it goes below.
    std::vector<LabelCandidate> c = {{1, 100, 100, 5, 80, 16}, {2, 150, 100, 5, 80, 16}};
    auto placed = rgv::place_labels(c, {}, kView, 3.0f);
    REQUIRE(placed.size() == 2);
    CHECK(placed[0].node == 1);
    CHECK(placed[0].x0 == 108.0f);
    CHECK(placed[1].node == 2);
    CHECK(placed[1].y0 == 108.0f);
    CHECK_FALSE(rgv::boxes_overlap(placed[0], placed[1]));
}

TEST_CASE("label placement: labels stay inside the view unless they must be shown") {
    std::vector<LabelCandidate> c = {{1, 990, 400, 5, 200, 16}};
    auto placed = rgv::place_labels(c, {}, kView, 3.0f);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].x1 <= 1000.0f); // went to the left
    c = {{1, 100, 400, 5, 5000, 16, true}}; // wider than the view: only 'always' shows it
    CHECK(rgv::place_labels(c, {}, kView, 3.0f).size() == 1);
    c[0].always = false;
    CHECK(rgv::place_labels(c, {}, kView, 3.0f).empty());
}

TEST_CASE("label placement: touching edges are not an overlap") {
    CHECK_FALSE(rgv::boxes_overlap({0, 0, 100, 20, 0}, {100, 0, 200, 20, 1}));
    CHECK(rgv::boxes_overlap({0, 0, 100, 20, 0}, {99, 0, 200, 20, 1}));
}

TEST_CASE("label placement: NaN, infinite and negative sizes are never placed") {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    std::vector<LabelCandidate> c = {{1, nan, 0, 5, 10, 10, true}, {2, 10, 10, inf, 10, 10, true},
                                     {3, 10, 10, 5, -1, 10, true}, {4, 300, 300, 5, 10, 10}};
    auto placed = rgv::place_labels(c, {{nan, 0, 1, 1, 9}}, kView);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].node == 4);
    CHECK(rgv::place_labels(c, {}, {0, 0, 0, 0}).empty()); // an empty view places nothing
}

TEST_CASE("label placement: 2,000 random labels among 3,000 nodes, no overlaps of any kind") {
    std::mt19937 rng(42);
    std::uniform_real_distribution<float> px(0.0f, 1000.0f), py(0.0f, 800.0f), w(20.0f, 160.0f);
    std::vector<LabelBox> nodes;
    std::vector<LabelCandidate> c;
    for (std::uint32_t i = 0; i < 3000; ++i) {
        const float x = px(rng), y = py(rng);
        nodes.push_back({x - 3, y - 3, x + 3, y + 3, i});
        if (i < 2000) c.push_back({i, x, y, 3, w(rng), 14});
    }
    auto placed = rgv::place_labels(c, nodes, kView, 2.0f, 40.0f);
    CHECK(placed.size() > 50);
    CHECK(placed.size() < c.size());
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const LabelBox& a = placed[i];
        CHECK((a.x0 >= 0 && a.y0 >= 0 && a.x1 <= 1000 && a.y1 <= 800));
        for (std::size_t j = i + 1; j < placed.size(); ++j) REQUIRE_FALSE(rgv::boxes_overlap(a, placed[j]));
        for (const LabelBox& n : nodes)
            if (n.node != a.node) REQUIRE_FALSE(rgv::boxes_overlap(a, n));
    }
}

TEST_CASE("label placement: two labels that must show never overlap, even around a crowded node") {
    // Node 2 sits right of node 1 and node 1's four positions are all blocked by nodes:
    // both labels are 'always' (focus and hovered); the second must dodge the first.
    std::vector<LabelBox> obstacles = {{90, 90, 110, 110, 1},  {115, 90, 135, 110, 2}, {40, 95, 60, 105, 3},
                                       {95, 120, 105, 130, 4}, {95, 70, 105, 80, 5}};
    std::vector<LabelCandidate> c = {{2, 125, 100, 10, 60, 20, true}, {1, 100, 100, 10, 50, 20, true}};
    auto placed = rgv::place_labels(c, obstacles, kView, 3.0f);
    REQUIRE(placed.size() == 2);
    CHECK_FALSE(rgv::boxes_overlap(placed[0], placed[1]));
}

TEST_CASE("label placement: a label that fits nowhere in full takes its short form") {
    // Node 1 near the right edge, node 2 just left of it: a 300-px title fits neither right
    // (out of the view), left (over node 2), below nor above (out of the view, the view is
    // only 40 px tall); its 60-px short form fits on the right.
    const rgv::LabelView view{0, 0, 1000, 40};
    std::vector<LabelBox> obstacles = {{890, 10, 910, 30, 1}, {850, 10, 870, 30, 2}};
    LabelCandidate c{1, 900, 20, 10, 300, 16};
    CHECK(rgv::place_labels({c}, obstacles, view, 3.0f).empty());
    c.short_width = 60;
    c.short_height = 16;
    auto placed = rgv::place_labels({c}, obstacles, view, 3.0f);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].short_form);
    CHECK(same(placed[0], {913, 12, 973, 28, 1}));

    // Where the full text fits, it wins over the short form.
    c.width = 50;
    placed = rgv::place_labels({c}, obstacles, view, 3.0f);
    REQUIRE(placed.size() == 1);
    CHECK_FALSE(placed[0].short_form);
    CHECK(same(placed[0], {913, 12, 963, 28, 1}));

    // A label that must show keeps its full text (it may cover nodes instead).
    c.width = 300;
    c.always = true;
    placed = rgv::place_labels({c}, obstacles, view, 3.0f);
    REQUIRE(placed.size() == 1);
    CHECK_FALSE(placed[0].short_form);
    CHECK(placed[0].x1 - placed[0].x0 == 300.0f);
}
