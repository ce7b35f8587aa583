// labels.cpp — see labels.h.
#include "view/ui/labels.h"

#include "core/attributes.h"
#include "core/label_placement.h"
#include "core/work_label.h"
#include "text/text_layout.h"
#include "view/ui/text_font.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace rgv {

namespace {
// A label's width at most, in ems of the label font (by the shaped text's width, then cut
// with an ellipsis): about 42 Latin letters, 23 ideographs.
constexpr float kMaxEms = 23.0f;
// The researcher's, selected and hovered: the whole label where the view is wide enough
// (the longest titles of the sample are about 100 letters).
constexpr float kAlwaysMaxEms = 64.0f;
// A work's short form when the graph knows none of its authors: a title cut to this many
// characters at a word boundary (about 13 ems of Latin letters).
constexpr std::size_t kShortTitleChars = 24;
constexpr std::size_t kMaxCandidates = 2000; // keeps the cost bounded on huge graphs
} // namespace

void LabelLayer::draw(ViewModel& vm, ImFont* font, float font_size, const std::array<float, 4>& keep_clear) {
    UiReport& report = vm.ui();
    if (!vm.options().show_labels) {
        report.labels.clear();
        return;
    }
    if (!font) font = ImGui::GetFont();
    report.label_font_size = font_size;
    report.label_em_px = text_em_px(font_size);
    if (cache_font_ != font || cache_size_ != font_size) ++font_revision_;

    // Placement only changes when the nodes, the camera, the highlight or the font do.
    const Revisions& r = vm.revisions();
    const Camera& camera = vm.camera().camera();
    const bool camera_moved = !camera.same_view(placed_camera_);
    if (placed_for_.changed({r.graph, r.positions, r.visibility, r.style, r.hover, r.selection, r.labels, r.search, font_revision_}) ||
        camera_moved || keep_clear != keep_clear_) {
        placed_camera_ = camera;
        keep_clear_ = keep_clear;
        place(vm, font, font_size);
    }

    const Theme& t = vm.options().theme;
    const Scene& scene = vm.scene();
    const Area& area = vm.camera().area();
    const std::uint32_t focus = vm.slice().focus;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    dl->PushClipRect({area.x, area.y}, {area.x + area.w, area.y + area.h}, true);
    const std::uint32_t lit = vm.hovered() != kNoNode ? vm.hovered() : vm.selected();
    // Under the veil (scene.veil) the labels of what it fades fade too: all but the lit node,
    // its neighbours and the search hits.
    const bool veiled = lit != kNoNode || !vm.search_marks().empty();
    for (const PlacedLabel& l : report.labels) {
        const bool kept = (lit != kNoNode && (l.node == lit || scene.is_neighbor_of(lit, l.node))) ||
                          vm.is_search_mark(l.node);
        const bool dim = veiled && !kept;
        const float alpha = dim ? 0.35f : 1.0f;
        dl->AddRectFilled({l.x0, l.y0}, {l.x1, l.y1}, fade(t.label_box, alpha), 3.0f);
        const std::uint32_t text = l.node == focus ? t.label_focus_text : t.text;
        // tx() every frame, not the form measured at placement: a label that waits for its
        // piece keeps the text engine's pending() true (so an image export waits for it).
        const std::string_view drawn = tx(l.text);
        dl->AddText(font, font_size, {l.x0 + 3.0f, l.y0 + 2.0f}, fade(text, alpha), drawn.data(), drawn.data() + drawn.size());
    }
    dl->PopClipRect();
}

void LabelLayer::place(ViewModel& vm, ImFont* font, float font_size) {
    const Graph& g = vm.slice().graph;
    const Scene& scene = vm.scene();
    const Camera& camera = vm.camera().camera();
    const Area& area = vm.camera().area();
    const std::uint32_t focus = vm.slice().focus, selected = vm.selected(), hovered = vm.hovered();

    // Nodes on screen are obstacles; tiny ones (far zoomed out) are not worth the cost.
    std::vector<LabelBox> obstacles;
    for (std::uint32_t i = 0; i < g.node_count(); ++i) {
        const float r = scene.radius(i) * camera.zoom;
        if (r < 2.0f || !scene.visible(i)) continue;
        const Vec2 s = camera.world_to_screen({g.x[i], g.y[i]});
        if (s.x + r < 0 || s.y + r < 0 || s.x - r > area.w || s.y - r > area.h) continue;
        obstacles.push_back({s.x - r, s.y - r, s.x + r, s.y + r, i});
    }
    if (keep_clear_[2] > keep_clear_[0])
        obstacles.push_back({keep_clear_[0] - area.x, keep_clear_[1] - area.y, keep_clear_[2] - area.x, keep_clear_[3] - area.y, kNoNode});
    // Candidates in priority order: always-shown ones first, then by label order. The
    // short text and its size are measured once per node and font: a moving camera
    // re-places up to 2,000 labels every frame on a big graph.
    if (cache_font_ != font || cache_size_ != font_size || cache_graph_ != vm.revisions().graph) {
        cache_.assign(g.node_count(), CachedLabel{}); // a new graph: new texts
        short_cache_.assign(g.node_count(), CachedLabel{});
        if (cache_graph_ != vm.revisions().graph || short_labels_.size() != g.node_count())
            short_labels_ = work_short_labels(g, kShortTitleChars);
        cache_font_ = font;
        cache_size_ = font_size;
        cache_graph_ = vm.revisions().graph;
    }
    // A text cut to `max_px` by its shaped width, its drawable form and size.
    auto measure_text = [&](std::uint32_t i, const std::string& full, float max_px, CachedLabel& c) {
        c.text = fit_text(full, max_px, font_size);
        c.cut = c.text != full;
        c.drawn = std::string(tx(c.text)); // shaped: widths of glyph runs
        const ImVec2 measured = font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, c.drawn.c_str());
        c.width = measured.x;
        c.height = measured.y;
        c.rtl = text::paragraph_rtl(c.text);
        c.lang = text::language_of(c.text);
        // The slice's own word on the language (a work's "language") over the script's.
        if (i < g.node_attrs.size())
            if (std::string lang = attr::text(g.node_attrs[i], attr::kLanguage); !lang.empty()) c.lang = std::move(lang);
    };
    auto measure = [&](std::uint32_t i, float max_px, CachedLabel& c) { measure_text(i, g.node_label[i], max_px, c); };
    std::vector<LabelCandidate> candidates;
    std::vector<CachedLabel> always_texts; // the always-shown ones get more characters
    always_texts.reserve(3);               // (texts points into it)
    std::vector<const CachedLabel*> texts, shorts; // per candidate (shorts: null for none)
    // `always`: placed even over other nodes; `whole`: with up to kAlwaysMaxEms of its text.
    auto add = [&](std::uint32_t i, bool always, bool whole) {
        if (!scene.visible(i)) return;
        const Vec2 s = camera.world_to_screen({g.x[i], g.y[i]});
        const float r = scene.radius(i) * camera.zoom;
        if (s.x + r < 0 || s.y + r < 0 || s.x - r > area.w || s.y - r > area.h) return; // off screen
        CachedLabel* c = &cache_[i];
        if (whole) {
            c = &always_texts.emplace_back();
            measure(i, std::min(kAlwaysMaxEms * font_size, std::max(area.w - 24.0f, kMaxEms * font_size)), *c);
        } else if (c->width < 0.0f) {
            measure(i, kMaxEms * font_size, *c);
        }
        const CachedLabel* sc = nullptr;
        if (!whole && i < short_labels_.size() && !short_labels_[i].empty()) {
            CachedLabel& cs = short_cache_[i];
            if (cs.width < 0.0f) measure_text(i, short_labels_[i], kMaxEms * font_size, cs);
            sc = &cs;
        }
        const CachedLabel* shown = c;
        LabelCandidate cand{i, s.x, s.y, std::max(r, 1.5f), c->width + 6.0f, c->height + 4.0f, always};
        if (sc && c->cut) {
            // The title does not fit in a label at all: cite the work instead of cutting it.
            shown = sc;
            cand.width = sc->width + 6.0f;
            cand.height = sc->height + 4.0f;
            sc = nullptr;
        } else if (sc) {
            cand.short_width = sc->width + 6.0f; // the full title first, where it fits
            cand.short_height = sc->height + 4.0f;
        }
        texts.push_back(shown);
        shorts.push_back(sc);
        candidates.push_back(cand);
    };
    // Each once: the selected node may be the hovered one or the researcher too.
    for (std::uint32_t i : {focus, selected, hovered})
        if (i != kNoNode && std::none_of(candidates.begin(), candidates.end(), [&](const LabelCandidate& c) { return c.node == i; }))
            add(i, true, true);
    // Then the search hits, best first, over other nodes where need be: the list names them,
    // the graph must show where they are.
    for (std::uint32_t i : vm.search_marks())
        if (i < g.node_count() && i != focus && i != selected && i != hovered) add(i, true, false);
    const auto& order = scene.label_order();
    const std::size_t cap = std::min(order.size(), kMaxCandidates); // the most important come first
    for (std::size_t k = 0; k < cap; ++k) {
        const std::uint32_t i = order[k];
        if (i == focus || i == selected || i == hovered || vm.is_search_mark(i)) continue;
        add(i, false, false);
    }
    const auto boxes = place_labels(candidates, obstacles, {0.0f, 0.0f, area.w, area.h}, 3.0f, 48.0f);
    std::vector<PlacedLabel>& placed = vm.ui().labels;
    placed.clear();
    std::size_t k = 0;
    for (const LabelBox& b : boxes) {
        while (candidates[k].node != b.node) ++k; // boxes come in candidate order
        const CachedLabel& c = b.short_form && shorts[k] ? *shorts[k] : *texts[k];
        const bool short_form = &c == shorts[k] || (b.node < short_cache_.size() && &c == &short_cache_[b.node]);
        placed.push_back({b.node, area.x + b.x0, area.y + b.y0, area.x + b.x1, area.y + b.y1, c.text, c.rtl, c.lang, short_form, c.width});
    }
}

} // namespace rgv
