// style.cpp — see style.h.
#include "view/ui/style.h"

#include <imgui.h>

namespace rgv {

namespace {
ImVec4 vec4(std::uint32_t c, float alpha = -1.0f) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    if (alpha >= 0.0f) v.w = alpha;
    return v;
}
} // namespace

void apply_imgui_style(const Theme& t) {
    ImGuiStyle& s = ImGui::GetStyle();
    // The font sizes are the App's (fonts.cpp), not the theme's: kept over the reset.
    const float font_size = s.FontSizeBase, font_scale = s.FontScaleMain, font_dpi = s.FontScaleDpi;
    s = ImGuiStyle();
    s.FontSizeBase = font_size;
    s.FontScaleMain = font_scale;
    s.FontScaleDpi = font_dpi;
    if (t.dark)
        ImGui::StyleColorsDark(&s);
    else
        ImGui::StyleColorsLight(&s);
    s.WindowRounding = 0.0f;
    s.FrameRounding = 4.0f;
    s.WindowPadding = {16.0f, 14.0f};
    s.ItemSpacing = {8.0f, 6.0f};
    s.WindowBorderSize = 0.0f;
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = vec4(t.panel);
    c[ImGuiCol_ChildBg] = vec4(t.panel, 0.0f);
    c[ImGuiCol_PopupBg] = vec4(t.panel);
    c[ImGuiCol_Text] = vec4(t.text);
    c[ImGuiCol_TextDisabled] = vec4(t.text_dim);
    c[ImGuiCol_Separator] = vec4(t.separator);
    c[ImGuiCol_Border] = vec4(t.separator);
    // Frames a shade off the panel: on the panel an unticked checkbox, a radio button or
    // the search box must still show.
    c[ImGuiCol_FrameBg] = vec4(t.frame);
    c[ImGuiCol_FrameBgHovered] = vec4(mix(t.frame, t.accent, 0.18f));
    c[ImGuiCol_FrameBgActive] = vec4(mix(t.frame, t.accent, 0.28f));
    c[ImGuiCol_CheckMark] = vec4(t.accent);
    c[ImGuiCol_SliderGrab] = vec4(t.accent);
    c[ImGuiCol_SliderGrabActive] = vec4(mix(t.accent, t.text, 0.2f));
    c[ImGuiCol_Button] = vec4(mix(t.panel, t.accent, t.dark ? 0.35f : 0.22f));
    c[ImGuiCol_ButtonHovered] = vec4(mix(t.panel, t.accent, t.dark ? 0.5f : 0.36f));
    c[ImGuiCol_ButtonActive] = vec4(mix(t.panel, t.accent, t.dark ? 0.62f : 0.48f));
    c[ImGuiCol_Header] = vec4(mix(t.panel, t.accent, t.dark ? 0.3f : 0.18f));
    c[ImGuiCol_HeaderHovered] = vec4(mix(t.panel, t.accent, t.dark ? 0.42f : 0.3f));
    c[ImGuiCol_HeaderActive] = vec4(mix(t.panel, t.accent, t.dark ? 0.52f : 0.4f));
    c[ImGuiCol_Tab] = vec4(mix(t.panel, t.accent, t.dark ? 0.2f : 0.12f));
    c[ImGuiCol_TabHovered] = vec4(mix(t.panel, t.accent, t.dark ? 0.45f : 0.35f));
    c[ImGuiCol_TabSelected] = vec4(mix(t.panel, t.accent, t.dark ? 0.38f : 0.28f));
    c[ImGuiCol_PlotHistogram] = vec4(t.accent); // the progress bars' fill (panel_util.h)
    c[ImGuiCol_ScrollbarBg] = vec4(t.panel, 0.0f);
    c[ImGuiCol_NavCursor] = vec4(t.accent);
    // The panels resize from their edges; the corner grip shows only under the mouse, not
    // as a triangle of chrome at rest.
    c[ImGuiCol_ResizeGrip] = vec4(t.accent, 0.0f);
    c[ImGuiCol_ResizeGripHovered] = vec4(t.accent, 0.45f);
    c[ImGuiCol_ResizeGripActive] = vec4(t.accent, 0.7f);
}

} // namespace rgv
