// label_placement.h — choose which labels to show so that no two overlap on screen.
//
// Greedy by priority, the way map renderers do it: candidates come in priority order
// (focal researcher, selected, hovered, then by importance), each is placed if its box
// does not intersect a box already placed. A uniform grid of placed boxes keeps each
// test local, so the cost grows with the number of candidates, not its square.
#pragma once

#include <cstdint>
#include <vector>

namespace rgv {

struct LabelBox {
    float x0, y0, x1, y1;    // screen rectangle, x0 <= x1, y0 <= y1
    std::uint32_t node;      // which node the label belongs to
    bool always = false;     // placed even if it overlaps (but still blocks the others)
};

// Returns, for each candidate in order, whether it is placed.
std::vector<std::uint8_t> place_labels(const std::vector<LabelBox>& candidates, float cell_size = 64.0f);

// True when the two boxes overlap with positive area.
bool boxes_overlap(const LabelBox& a, const LabelBox& b);

} // namespace rgv
