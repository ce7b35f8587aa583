// panel_overlays.cpp — the cards over the graph: the status card (building, empty, a
// failed load; a failure over a good graph is a banner at the top instead, so the graph
// stays usable), the progress pill (an expansion or a slice downloading, the layout
// settling), the explorer's legend and first hint over the graph, compact mode's bar; and
// the screen boxes of controls that tests click.
#include "view/ui/app.h"

#include "view/ui/panel_util.h"
#include "view/ui/text_font.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstring>

namespace rgv {

// [SECTION] status card and progress pill
void App::draw_status_overlay() {
    if (vm_.status() == AppStatus::Ready && vm_.error().empty() && vm_.slice().graph.node_count() > 0) return;
    // In the middle of the graph area; a failed load on top of a good graph is a banner at
    // its top instead, so the graph stays usable.
    const bool banner = vm_.status() == AppStatus::Ready && !vm_.error().empty();
    const ImVec2 pos{area().x + area().w * 0.5f, banner ? area().y + 12.0f : area().y + area().h * 0.5f};
    if (begin_card("##status", pos, {0.5f, banner ? 0.0f : 0.5f}, ImGui::GetStyle().WindowPadding, 8.0f, 0.95f)) {
        if (!vm_.error().empty()) {
            // One message in plain words; the exact one (for a bug report) a click away; and
            // a way on: back to the graph still shown, or where to get another.
            const PlainError& e = vm_.plain_error();
            const float wrap = std::min(520.0f, std::max(area().w - 80.0f, 200.0f));
            ImGui::PushStyleColor(ImGuiCol_Text, theme().error_text);
            push_font(TextSize::Large);
            ImGui::TextUnformatted(t(Str::ErrorTitle));
            ImGui::PopFont();
            ImGui::PopStyleColor();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
            ImGui::TextUnformatted(e.summary.c_str());
            ImGui::TextDisabled("%s", t(vm_.status() == AppStatus::Ready ? Str::ErrorKept : Str::ErrorOpenAnother));
            if (error_detail_open_) {
                ImGui::Spacing();
                ImGui::TextDisabled("%s", e.detail.c_str());
            }
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            if (small_button((strings().get(error_detail_open_ ? Str::ErrorHideDetails : Str::ErrorShowDetails) + "###details").c_str()))
                error_detail_open_ = !error_detail_open_;
            note_ui_box("errorDetails");
            ImGui::SameLine();
            if (small_button(t(Str::ErrorCopy))) ImGui::SetClipboardText(e.detail.c_str());
            if (vm_.status() == AppStatus::Ready) {
                ImGui::SameLine();
                if (small_button(t(Str::ErrorDismiss))) {
                    vm_.dismiss_error();
                    error_detail_open_ = false;
                }
                note_ui_box("errorDismiss");
            }
        } else if (vm_.status() == AppStatus::Building || vm_.status() == AppStatus::Empty) {
            push_font(TextSize::Large);
            ImGui::TextUnformatted(t(Str::BuildingTitle));
            ImGui::PopFont();
            const char* detail = t(Str::BuildingDetail);
            ImGui::TextDisabled("%s", detail);
            if (vm_.downloading()) {
                const Loading l = vm_.loading();
                const float width = ImGui::CalcTextSize(detail).x;
                ImGui::Spacing();
                progress_bar(l.fraction, width);
                ImGui::TextUnformatted(txc_fit(l.text, width));
                if (l.fraction >= 0.0) {
                    const std::string percent_text = strings().number(l.fraction * 100.0, 0) + "%";
                    const char* percent = percent_text.c_str();
                    ImGui::SameLine(ImGui::GetCursorPosX() + width - ImGui::CalcTextSize(percent).x);
                    ImGui::TextDisabled("%s", percent);
                }
            }
        } else {
            ImGui::TextUnformatted(t(Str::GraphEmpty));
        }
    }
    ImGui::End();
}

// While a graph is on screen: what is still going on (an expansion or a new slice
// downloading, the layout settling), as a small pill at the bottom of the graph area.
void App::draw_progress_pill() {
    if (vm_.status() != AppStatus::Ready || vm_.slice().graph.node_count() == 0) return;
    const Loading l = vm_.loading();
    if (std::strcmp(l.phase, "idle") == 0) return;
    ImGui::SetNextWindowSize({260.0f, 0.0f});
    // Above the legend when the graph area is too narrow for both on one line.
    const float centre = area().x + area().w * 0.5f;
    const bool under_legend = legend_box_[2] > 0.0f && centre - 130.0f < legend_box_[2];
    const float bottom = under_legend ? legend_box_[1] - 8.0f : area().y + area().h - 14.0f;
    if (begin_card("##progress", {centre, bottom}, {0.5f, 1.0f}, {12.0f, 8.0f}, 8.0f,
                   0.92f, ImGuiWindowFlags_NoInputs)) {
        push_font(TextSize::Small);
        ImGui::TextUnformatted(txc_fit(l.text, ImGui::GetContentRegionAvail().x));
        ImGui::PopFont();
        progress_bar(l.fraction, 0.0f, 4.0f);
    }
    ImGui::End();
}

// [SECTION] legend and hint
// The explorer's graph explains itself on the first screen, whichever tab is open: what
// each shape is (in its colour when colour is by type) and, until the user has selected a
// node or moved the view, how to use it. Bottom left, inside the fit margin, clicks pass
// through to the graph.
void App::draw_graph_legend() {
    legend_box_ = {};
    const Graph& g = vm_.slice().graph;
    if (!vm_.ready() || g.node_count() == 0) return;
    if (vm_.selected() != kNoNode || !vm_.camera().following()) hint_done_ = true;
    // A phone's sheet raised: the graph above it is small, and the sheet says what it shows.
    if (sheet_ && sheet_stop_ != SheetStop::Peek) return;
    const Theme& th = theme();
    const bool by_type = vm_.options().color_mode == ColorMode::Type;
    const ImU32 plain = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImVec2 pos{area().x + 10.0f, area().y + area().h - 8.0f};
    // As wide as its entries, at most the graph area's width: narrower, they wrap (a phone).
    const float max_w = std::max(area().w - 20.0f, 120.0f);
    ImGui::SetNextWindowSizeConstraints({0.0f, 0.0f}, {max_w, FLT_MAX});
    if (begin_card("##legend", pos, {0.0f, 1.0f}, {10.0f, 6.0f}, 6.0f, 0.85f,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs)) {
        push_font(TextSize::Small);
        bool first = true;
        const float line_end = max_w - 10.0f; // window x of the right padding
        const auto entry = [&](NodeShape shape, std::uint32_t color, const char* name) {
            const float w = ImGui::GetTextLineHeight() + 4.0f + ImGui::CalcTextSize(name).x;
            if (!first) {
                ImGui::SameLine(0.0f, 12.0f);
                if (ImGui::GetCursorPosX() + w > line_end) ImGui::NewLine();
            }
            first = false;
            shape_swatch(shape, by_type ? color : plain);
            ImGui::SameLine(0.0f, 4.0f);
            ImGui::TextUnformatted(name);
        };
        for (int k = 0; k < static_cast<int>(NodeKind::Count); ++k) {
            const auto kind = static_cast<NodeKind>(k);
            if (g.count_kind(kind) > 0) entry(kind_shape(kind), th.kind_color(kind), t(kind_word(kind)));
        }
        if (vm_.slice().focus != kNoNode) entry(NodeShape::Circle, th.focus, t(Str::TheResearcher));
        if (!hint_done_) {
            ImGui::PushTextWrapPos(line_end);
            ImGui::TextDisabled("%s", t(vm_.options().coarse_pointer ? Str::LegendHintTouch : Str::LegendHint));
            ImGui::PopTextWrapPos();
        }
        ImGui::PopFont();
        const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
        legend_box_ = {p.x, p.y, p.x + s.x, p.y + s.y};
        vm_.ui().ui_boxes["graphLegend"] = {p.x, p.y, p.x + s.x, p.y + s.y};
        if (!hint_done_) vm_.ui().ui_boxes["graphHint"] = {p.x, p.y, p.x + s.x, p.y + s.y};
    }
    ImGui::End();
}

// [SECTION] compact mode's bar
// Compact mode (the graph embedded in a profile page): the graph with minimal chrome.
void App::draw_compact_overlay() {
    push_touch_style(); // a profile page on a phone: finger-sized buttons
    if (begin_card("##compact", {area().x + 10.0f, area().y + 10.0f}, {0.0f, 0.0f}, {10.0f, 8.0f}, 6.0f, 0.92f)) {
        const Graph& g = vm_.slice().graph;
        const UiStrings& s = strings();
        auto n = [&](NodeKind k) { return s.number(static_cast<long long>(g.count_kind(k))); };
        ImGui::TextUnformatted(txc(s.format(Str::CompactCounts, {{"works", n(NodeKind::Work)},
                                                                {"people", n(NodeKind::Person)},
                                                                {"topics", n(NodeKind::Topic)}})));
        if (ImGui::Button(t(Str::CompactOpenExplorer)))
            // The selection goes along: the explorer opens on what the visitor was looking at.
            vm_.emit("action", {{"action", "open-explorer"},
                                {"id", vm_.slice().focus != kNoNode ? nlohmann::json(g.node_id[vm_.slice().focus]) : nlohmann::json()},
                                {"selected", vm_.selected() != kNoNode ? nlohmann::json(g.node_id[vm_.selected()]) : nlohmann::json()}});
        note_action_box("open-explorer");
        ImGui::SameLine();
        if (button(t(Str::CompactFit))) vm_.fit_view();
        note_ui_box("compactFit");
    }
    ImGui::End();
    pop_touch_style();
}

// [SECTION] control boxes for tests

void App::note_action_box(const char* action, std::uint32_t node) {
    if (!ImGui::IsItemVisible()) return; // scrolled away: not clickable
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const Graph& g = vm_.slice().graph;
    if (node == kNoNode) node = vm_.slice().focus;
    vm_.ui().action_boxes.push_back({{"action", action},
                             {"id", node != kNoNode ? nlohmann::json(g.node_id[node]) : nlohmann::json()},
                             {"box", {a.x, a.y, b.x, b.y}}});
}

void App::note_ui_box(const std::string& name) {
    if (!ImGui::IsItemVisible()) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    vm_.ui().ui_boxes[name] = {a.x, a.y, b.x, b.y};
}
} // namespace rgv
