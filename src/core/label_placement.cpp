// label_placement.cpp — see label_placement.h.
#include "core/label_placement.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace rgv {

bool boxes_overlap(const LabelBox& a, const LabelBox& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

namespace {

// A grid of box indices over the view. Boxes are labels (index >= 0) or obstacles
// (stored as ~index); each cell lists what touches it.
class Grid {
public:
    Grid(const LabelView& view, float cell) : view_(view), cell_(cell) {
        cols_ = std::max(1, static_cast<int>(std::ceil((view.x1 - view.x0) / cell)));
        rows_ = std::max(1, static_cast<int>(std::ceil((view.y1 - view.y0) / cell)));
        cells_.resize(static_cast<std::size_t>(cols_) * static_cast<std::size_t>(rows_));
    }
    template <typename F> void for_cells(const LabelBox& b, F&& f) {
        const int cx0 = clamp_col(b.x0), cx1 = clamp_col(b.x1), cy0 = clamp_row(b.y0), cy1 = clamp_row(b.y1);
        for (int cy = cy0; cy <= cy1; ++cy)
            for (int cx = cx0; cx <= cx1; ++cx) f(cells_[static_cast<std::size_t>(cy) * cols_ + cx]);
    }

private:
    int clamp_col(float x) const {
        return std::clamp(static_cast<int>(std::floor((x - view_.x0) / cell_)), 0, cols_ - 1);
    }
    int clamp_row(float y) const {
        return std::clamp(static_cast<int>(std::floor((y - view_.y0) / cell_)), 0, rows_ - 1);
    }
    LabelView view_;
    float cell_;
    int cols_ = 1, rows_ = 1;
    std::vector<std::vector<std::int64_t>> cells_;
};

bool finite_box(const LabelBox& b) {
    return std::isfinite(b.x0) && std::isfinite(b.y0) && std::isfinite(b.x1) && std::isfinite(b.y1) && b.x0 <= b.x1 &&
           b.y0 <= b.y1;
}

} // namespace

std::vector<LabelBox> place_labels(const std::vector<LabelCandidate>& candidates,
                                   const std::vector<LabelBox>& obstacles, const LabelView& view, float gap,
                                   float cell_size) {
    std::vector<LabelBox> placed;
    if (!(view.x1 > view.x0 && view.y1 > view.y0) || !(cell_size > 0.0f)) return placed;
    Grid grid(view, cell_size);
    for (std::size_t i = 0; i < obstacles.size(); ++i) {
        const LabelBox& o = obstacles[i];
        if (!finite_box(o) || o.x1 < view.x0 || o.x0 > view.x1 || o.y1 < view.y0 || o.y0 > view.y1) continue;
        grid.for_cells(o, [&](std::vector<std::int64_t>& c) { c.push_back(~static_cast<std::int64_t>(i)); });
    }

    auto fits = [&](const LabelBox& b, bool mind_nodes) {
        if (b.x0 < view.x0 || b.y0 < view.y0 || b.x1 > view.x1 || b.y1 > view.y1) return false;
        bool free = true;
        grid.for_cells(b, [&](std::vector<std::int64_t>& cell) {
            for (std::int64_t k : cell) {
                if (!free) return;
                if (k < 0 && !mind_nodes) continue;
                const LabelBox& other = k >= 0 ? placed[static_cast<std::size_t>(k)] : obstacles[static_cast<std::size_t>(~k)];
                if (k < 0 && other.node == b.node) continue; // its own node
                if (boxes_overlap(b, other)) free = false;
            }
        });
        return free;
    };

    for (const LabelCandidate& c : candidates) {
        if (!(std::isfinite(c.x) && std::isfinite(c.y) && std::isfinite(c.radius) && c.width >= 0.0f &&
              c.height >= 0.0f && std::isfinite(c.width) && std::isfinite(c.height)))
            continue;
        const float r = std::max(c.radius, 0.0f) + gap;
        // The four positions around the node for a box of w x h.
        auto around = [&](float w, float h, bool short_form, LabelBox* out) {
            const float hw = w * 0.5f, hh = h * 0.5f;
            out[0] = {c.x + r, c.y - hh, c.x + r + w, c.y + hh, c.node, short_form};  // right
            out[1] = {c.x - r - w, c.y - hh, c.x - r, c.y + hh, c.node, short_form};  // left
            out[2] = {c.x - hw, c.y + r, c.x + hw, c.y + r + h, c.node, short_form};  // below
            out[3] = {c.x - hw, c.y - r - h, c.x + hw, c.y - r, c.node, short_form}; // above
        };
        LabelBox positions[4];
        around(c.width, c.height, false, positions);
        std::optional<LabelBox> chosen;
        for (const LabelBox& p : positions)
            if (fits(p, true)) {
                chosen = p;
                break;
            }
        if (!chosen && !c.always && c.short_width >= 0.0f && std::isfinite(c.short_width) &&
            std::isfinite(c.short_height) && c.short_height >= 0.0f) {
            LabelBox shorter[4];
            around(c.short_width, c.short_height, true, shorter);
            for (const LabelBox& p : shorter)
                if (fits(p, true)) {
                    chosen = p;
                    break;
                }
        }
        if (!chosen && c.always) {
            // A label that must show may cover other nodes, but still no other label: try
            // the four positions again, then step the right-hand one down and up.
            for (const LabelBox& p : positions)
                if (!chosen && fits(p, false)) chosen = p;
            for (int step = 1; !chosen && step <= 24; ++step) {
                const float dy = static_cast<float>((step + 1) / 2) * (c.height + 1.0f) * (step % 2 ? 1.0f : -1.0f);
                LabelBox p = positions[0];
                p.y0 += dy;
                p.y1 += dy;
                if (fits(p, false)) chosen = p;
            }
            if (!chosen) chosen = positions[0];
        }
        if (!chosen) continue;
        placed.push_back(*chosen);
        const auto index = static_cast<std::int64_t>(placed.size() - 1);
        grid.for_cells(*chosen, [&](std::vector<std::int64_t>& cell) { cell.push_back(index); });
    }
    return placed;
}

} // namespace rgv
