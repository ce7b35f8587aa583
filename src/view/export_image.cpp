// export_image.cpp — the graph as an image at any scale: the renderer draws it into an
// offscreen framebuffer of (graph area x scale) pixels, with the labels of the last frame
// drawn on top by ImGui's OpenGL backend. JavaScript turns the pixels into a PNG.
#include "view/app.h"


#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cmath>

namespace rgv {

bool App::render_image(float scale, std::vector<std::uint8_t>& rgba, int& width, int& height, std::string& error) {
    if (status_ != AppStatus::Ready) {
        error = "no graph is loaded";
        return false;
    }
    if (!(scale >= 0.25f && scale <= 8.0f)) {
        error = "scale must be between 0.25 and 8";
        return false;
    }
    width = static_cast<int>(std::lround(area_w_ * scale));
    height = static_cast<int>(std::lround(area_h_ * scale));

    build_base_layer();
    build_top_layer();
    DrawParams p;
    p.camera = &camera_;
    p.base = &base_layer_;
    p.base_changed = true;
    p.top = &top_layer_;
    p.top_changed = true;
    p.veil = veil_color();
    // The labels: the background draw list of the last frame, seen through a display that
    // covers just the graph area.
    const auto labels = [this, scale] {
        ImDrawList* list = ImGui::GetBackgroundDrawList();
        ImDrawData data;
        data.Valid = true;
        data.CmdLists = &list;
        data.CmdListsCount = 1;
        data.TotalVtxCount = list->VtxBuffer.Size;
        data.TotalIdxCount = list->IdxBuffer.Size;
        data.DisplayPos = {area_x_, area_y_};
        data.DisplaySize = {area_w_, area_h_};
        data.FramebufferScale = {scale, scale};
        ImGui_ImplOpenGL3_RenderDrawData(&data);
    };
    const bool ok = renderer_.render_offscreen(p, width, height, theme_.background, labels, rgba, error);
    visual_dirty_ = true; // the instances were rebuilt (and uploaded) for the image; refresh the screen's
    return ok;
}

} // namespace rgv
