// label_placement.cpp — see label_placement.h.
#include "core/label_placement.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace rgv {

bool boxes_overlap(const LabelBox& a, const LabelBox& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

std::vector<std::uint8_t> place_labels(const std::vector<LabelBox>& candidates, float cell_size) {
    std::vector<std::uint8_t> placed(candidates.size(), 0);
    if (!(cell_size > 0.0f)) cell_size = 64.0f;
    // Grid cell -> indices of placed boxes touching that cell.
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> grid;
    auto cell_range = [&](const LabelBox& b, std::int64_t& cx0, std::int64_t& cy0, std::int64_t& cx1,
                          std::int64_t& cy1) {
        cx0 = static_cast<std::int64_t>(std::floor(b.x0 / cell_size));
        cy0 = static_cast<std::int64_t>(std::floor(b.y0 / cell_size));
        cx1 = static_cast<std::int64_t>(std::floor(b.x1 / cell_size));
        cy1 = static_cast<std::int64_t>(std::floor(b.y1 / cell_size));
    };
    auto key = [](std::int64_t cx, std::int64_t cy) { return (cx << 32) ^ (cy & 0xFFFFFFFF); };

    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const LabelBox& b = candidates[i];
        if (!(b.x1 >= b.x0 && b.y1 >= b.y0)) continue; // NaN or inverted: never placed
        std::int64_t cx0, cy0, cx1, cy1;
        cell_range(b, cx0, cy0, cx1, cy1);
        // A label wider than the whole screen grid would touch too many cells; such a
        // box can only come from a bad zoom, so it is skipped unless it must be shown.
        const bool huge = (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 4096;
        bool free = true;
        if (!b.always && !huge) {
            for (std::int64_t cy = cy0; cy <= cy1 && free; ++cy)
                for (std::int64_t cx = cx0; cx <= cx1 && free; ++cx) {
                    auto it = grid.find(key(cx, cy));
                    if (it == grid.end()) continue;
                    for (std::uint32_t j : it->second)
                        if (boxes_overlap(b, candidates[j])) {
                            free = false;
                            break;
                        }
                }
        }
        if (huge && !b.always) free = false;
        if (!free) continue;
        placed[i] = 1;
        if (huge) continue;
        for (std::int64_t cy = cy0; cy <= cy1; ++cy)
            for (std::int64_t cx = cx0; cx <= cx1; ++cx) grid[key(cx, cy)].push_back(static_cast<std::uint32_t>(i));
    }
    return placed;
}

} // namespace rgv
