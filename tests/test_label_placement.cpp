// test_label_placement.cpp — no two placed labels overlap; priority order wins.
#include "core/label_placement.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <random>

using rgv::LabelBox;

TEST_CASE("label placement: the earlier candidate wins an overlap") {
    std::vector<LabelBox> c = {{0, 0, 100, 20, 0}, {50, 10, 150, 30, 1}, {200, 0, 260, 20, 2}};
    auto placed = rgv::place_labels(c);
    CHECK(placed == std::vector<std::uint8_t>{1, 0, 1});
}

TEST_CASE("label placement: touching edges are not an overlap") {
    std::vector<LabelBox> c = {{0, 0, 100, 20, 0}, {100, 0, 200, 20, 1}, {0, 20, 100, 40, 2}};
    CHECK(rgv::place_labels(c) == std::vector<std::uint8_t>{1, 1, 1});
}

TEST_CASE("label placement: 'always' labels are placed and still block later ones") {
    std::vector<LabelBox> c = {{0, 0, 100, 20, 0}, {10, 5, 90, 15, 1, true}, {20, 0, 40, 10, 2}};
    CHECK(rgv::place_labels(c) == std::vector<std::uint8_t>{1, 1, 0});
}

TEST_CASE("label placement: NaN and inverted boxes are never placed") {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    std::vector<LabelBox> c = {{nan, 0, 10, 10, 0}, {10, 10, 0, 0, 1}, {0, 0, 10, 10, 2}};
    CHECK(rgv::place_labels(c) == std::vector<std::uint8_t>{0, 0, 1});
}

TEST_CASE("label placement: random boxes, no placed pair overlaps, matches brute force") {
    std::mt19937 rng(42);
    std::uniform_real_distribution<float> pos(-500.0f, 1500.0f), w(10.0f, 180.0f), h(8.0f, 24.0f);
    std::vector<LabelBox> c;
    for (std::uint32_t i = 0; i < 2000; ++i) {
        const float x = pos(rng), y = pos(rng);
        c.push_back({x, y, x + w(rng), y + h(rng), i});
    }
    auto placed = rgv::place_labels(c, 50.0f);
    // Brute force greedy gives the same answer.
    std::vector<std::uint8_t> expect(c.size(), 0);
    std::size_t count = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        bool ok = true;
        for (std::size_t j = 0; j < i && ok; ++j)
            if (expect[j] && rgv::boxes_overlap(c[i], c[j])) ok = false;
        expect[i] = ok;
        count += ok;
    }
    CHECK(placed == expect);
    CHECK(count > 100);
    CHECK(count < c.size());
}
