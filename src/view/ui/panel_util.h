// panel_util.h — small helpers shared by the ImGui panels: reading optional attributes
// without throwing (exceptions are off in wasm), text bits, a progress bar, overlay cards,
// headings, counts, shape swatches.
#pragma once

#include "core/attributes.h"
#include "core/plain_text.h"
#include "view/model/shape.h"

#include <imgui.h>
#include <imgui_internal.h> // the line's text offset (shape_swatch)
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <string>

namespace rgv {

// A well-known attribute (core/attributes.h) as the text to show: markup a slice may
// carry (HTML, JATS, LaTeX) turned into plain text, as the importers do.
inline std::string attr_shown(const nlohmann::json& attrs, const char* key) {
    return plain_text(attr::text(attrs, key));
}

inline std::string join_nonempty(std::initializer_list<std::string> parts, const char* sep) {
    std::string out;
    for (const std::string& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

// A work's "kind · year · venue" line.
inline std::string work_meta(const nlohmann::json& attrs, const char* sep) {
    const std::optional<int> year = attr::work_year(attrs);
    return join_nonempty({attr_shown(attrs, attr::kKind), year ? std::to_string(*year) : std::string(),
                          attr_shown(attrs, attr::kVenue)},
                         sep);
}

// Only http(s) links leave the viewer: a slice is untrusted input, and javascript: or
// file: URLs must never be opened from it.
inline bool is_web_url(const std::string& url) {
    auto starts = [&](const char* prefix) {
        const std::string p(prefix);
        if (url.size() <= p.size()) return false;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
        return true;
    };
    if (!(starts("http://") || starts("https://"))) return false;
    for (unsigned char c : url)
        if (c < 0x21 || c == 0x7F) return false; // no spaces or control characters
    return true;
}

// A slim rounded bar, `fraction` 0..1; below 0 the amount is unknown and a segment slides
// back and forth instead. (ImGui's ProgressBar is a frame-high bar with a text in it, and
// its indeterminate form runs one way.)
inline void progress_bar(double fraction, float width, float height = 6.0f) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (width <= 0.0f) width = std::max(ImGui::GetContentRegionAvail().x, 40.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = height * 0.5f;
    // The theme's frame and accent (view/style.cpp puts them in the style).
    dl->AddRectFilled(p, {p.x + width, p.y + height}, ImGui::GetColorU32(ImGuiCol_FrameBg), r);
    const ImU32 fill = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
    if (fraction >= 0.0) {
        const float w = width * static_cast<float>(std::min(fraction, 1.0));
        if (w > 0.5f) dl->AddRectFilled(p, {p.x + std::max(w, height), p.y + height}, fill, r);
    } else {
        const float t = static_cast<float>(std::fmod(ImGui::GetTime(), 1.6) / 1.6); // 0..1
        const float seg = width * 0.3f;
        const float x = (width - seg) * (0.5f - 0.5f * std::cos(t * 6.2831853f));
        dl->AddRectFilled({p.x + x, p.y}, {p.x + x + seg, p.y + height}, fill, r);
    }
    ImGui::Dummy({width, height});
}

// An overlay card on the graph area (status, progress, compact mode's bar): no title bar,
// not movable, not saved, never takes focus. At `pos` with `pivot` (0..1 of its size);
// like ImGui::Begin, always close it with ImGui::End().
inline bool begin_card(const char* name, ImVec2 pos, ImVec2 pivot, ImVec2 padding, float rounding, float bg_alpha,
                       ImGuiWindowFlags extra = ImGuiWindowFlags_AlwaysAutoResize) {
    ImGui::SetNextWindowPos(pos, ImGuiCond_Always, pivot);
    ImGui::SetNextWindowBgAlpha(bg_alpha);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, rounding);
    const bool open = ImGui::Begin(name, nullptr,
                                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoFocusOnAppearing | extra);
    ImGui::PopStyleVar(2); // read by Begin
    return open;
}

// [SECTION] panel widgets
inline ImVec4 to_vec4(std::uint32_t c) { return ImGui::ColorConvertU32ToFloat4(c); }

// `value` in the locale's digits, nullptr for "not given".
inline void count_cell(const char* label, const char* value) {
    ImGui::TableNextColumn();
    if (value)
        ImGui::TextUnformatted(value);
    else
        ImGui::TextDisabled("-");
    // In full words, wrapped in the column ("close collaborators" is two lines at 360 px).
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", label);
    ImGui::PopStyleColor();
}

// On the same line when an item `width` wide still fits there, else on the next: a row
// of buttons wraps in a narrow panel or a longer language instead of running off it.
inline void same_line_if_fits(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}
inline float button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f; }
// A check box or a radio button: ImGui draws both as a frame-high square (or circle), a
// gap and the label.
inline float toggle_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

// A heading in the dim text colour with a rule under it, across the panel (ImGui's
// SeparatorText puts the rule beside the text instead).
inline void section(const char* title) {
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::TextDisabled("%s", title);
    ImGui::Separator();
}

// The node shape and colour as drawn in the graph, for legends.
// A node shape as big as a text line, on the line's text: after a check box on the same
// line, where the text sits lower by the frame's padding; or in the middle of a row
// `row_height` high (a finger-high list row that follows it).
inline void shape_swatch(NodeShape shape, std::uint32_t color, float row_height = 0.0f) {
    const float s = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float dy = row_height > s ? (row_height - s) * 0.5f : ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;
    const ImVec2 c{p.x + s * 0.5f, p.y + dy + s * 0.5f};
    const float r = s * 0.36f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    switch (shape) {
    case NodeShape::RoundedSquare: dl->AddRectFilled({c.x - r * 0.89f, c.y - r * 0.89f}, {c.x + r * 0.89f, c.y + r * 0.89f}, color, r * 0.3f); break;
    case NodeShape::Diamond: dl->AddQuadFilled({c.x, c.y - r * 1.25f}, {c.x + r * 1.25f, c.y}, {c.x, c.y + r * 1.25f}, {c.x - r * 1.25f, c.y}, color); break;
    case NodeShape::Hexagon: dl->AddNgonFilled(c, r * 1.05f, color, 6); break;
    default: dl->AddCircleFilled(c, r, color, 20); break;
    }
    ImGui::Dummy({s, std::max(s, row_height)});
    ImGui::SameLine();
}

inline void pill(const char* text, std::uint32_t color) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(color));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

} // namespace rgv
