// label_placement.h — choose where labels go so that no two overlap on screen and none
// covers a node other than its own.
//
// Greedy by priority, the way map renderers do it: candidates come in priority order
// (focal researcher, selected, hovered, then by importance). Each tries four positions
// around its node — right, left, below, above — and takes the first that stays inside the
// view and hits neither a placed label nor another node. A candidate with a short form
// (a work's "He et al. 2022" beside its long title) tries the four positions with its
// full text first, then with the short one. A flat grid over the view keeps
// each test local, so the cost grows with the number of candidates, not its square.
#pragma once

#include <cstdint>
#include <vector>

namespace rgv {

struct LabelBox {
    float x0, y0, x1, y1; // screen rectangle, x0 <= x1, y0 <= y1
    std::uint32_t node;   // the node it belongs to
    bool short_form = false; // placed labels: the candidate's short form was used
};

struct LabelCandidate {
    std::uint32_t node;
    float x, y;           // the node's centre on screen
    float radius;         // the node's radius on screen
    float width, height;  // the label's box, padding included
    bool always = false;  // placed even where it overlaps (it still blocks later ones)
    // The short form's box, tried when the full one fits nowhere; short_width < 0: none.
    // An 'always' candidate shows its full text and never falls back.
    float short_width = -1.0f, short_height = 0.0f;
};

struct LabelView {
    float x0, y0, x1, y1; // labels must stay inside this rectangle
};

// Nodes as obstacles: the bounding boxes of the nodes drawn on screen. A label may touch
// its own node's box but no other.
std::vector<LabelBox> place_labels(const std::vector<LabelCandidate>& candidates,
                                   const std::vector<LabelBox>& obstacles, const LabelView& view,
                                   float gap = 3.0f, float cell_size = 48.0f);

// True when the two boxes overlap with positive area.
bool boxes_overlap(const LabelBox& a, const LabelBox& b);

} // namespace rgv
