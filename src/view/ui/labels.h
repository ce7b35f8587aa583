// labels.h — the label layer: node labels in the graph, placed greedily by importance
// without overlapping each other or the nodes on screen, and drawn into ImGui's
// background draw list (so the image export draws them too). The researcher's, the
// selected and the hovered node's labels always show (in full); the rest by label priority.
// A work whose title is longer than a label may be (or that fits nowhere) is labelled by
// its short form, "He et al. 2022" (core/work_label.h); the full title stays on hover, on
// selection and in the details.
// Placement reruns only when the nodes, the camera, the highlight or the font changed.
#pragma once

#include "view/model/view_model.h"

#include <array>
#include <string>
#include <vector>

struct ImFont;

namespace rgv {

class LabelLayer {
public:
    // Places (when something they depend on changed) and draws the labels in `font` (null:
    // ImGui's current one) at `font_size` logical px; the placed boxes go to the model's
    // UiReport (state report, SVG export).
    // `keep_clear`: a card over the graph (window px x0, y0, x1, y1; all 0: none) that no
    // label may go under.
    void draw(ViewModel& vm, ImFont* font, float font_size, const std::array<float, 4>& keep_clear = {});
    // The font changed: measure every text again.
    void invalidate() { cache_font_ = nullptr; }

private:
    void place(ViewModel& vm, ImFont* font, float font_size);

    // Per node: its label cut to a width (logical text), that text shaped (drawable), its
    // size in the label font (width < 0: not measured yet), direction and language. Valid
    // for one font at one size.
    struct CachedLabel {
        std::string text, drawn;
        float width = -1.0f, height = 0.0f;
        bool rtl = false;
        std::string lang;
        bool cut = false; // text is the label cut with an ellipsis
    };
    std::vector<CachedLabel> cache_;
    std::vector<CachedLabel> short_cache_; // per node: its short form (work_short_labels)
    std::vector<std::string> short_labels_; // per node, "" for none; of cache_graph_
    const ImFont* cache_font_ = nullptr;
    float cache_size_ = 0.0f;
    std::uint64_t cache_graph_ = 0; // the graph revision the texts are of
    Stamp<9> placed_for_; // graph, positions, visibility, style, hover, selection, labels, search, font
    Camera placed_camera_;
    std::array<float, 4> keep_clear_{};
    std::uint64_t font_revision_ = 1;
};

} // namespace rgv
