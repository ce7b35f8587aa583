// export_image.cpp — the graph as an image at any scale: the renderer draws it into an
// offscreen framebuffer of (graph area x scale) pixels, with the labels of the last frame
// drawn on top by ImGui's OpenGL backend. JavaScript turns the pixels into a PNG.
#include "view/ui/app.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cmath>

namespace rgv {

bool App::render_image(float scale, std::vector<std::uint8_t>& rgba, int& width, int& height, std::string& error) {
    if (!vm_.ready()) {
        error = "no graph is loaded";
        return false;
    }
    if (gl_is_lost()) {
        error = "the GL context is lost (the image can be made once it is back)";
        return false;
    }
    if (!(scale >= 0.25f && scale <= 8.0f)) {
        error = "scale must be between 0.25 and 8";
        return false;
    }
    const Area a = area();
    width = static_cast<int>(std::lround(a.w * scale));
    height = static_cast<int>(std::lround(a.h * scale));

    Scene& scene = vm_.scene();
    scene.build_base(vm_.slice(), vm_.options(), base_layer_);
    scene.build_top(vm_.slice(), vm_.options(), vm_.hovered(), vm_.selected(), vm_.search_marks(), top_layer_);
    const DrawParams p = layer_params(true, true);
    // The labels: the background draw list of the last frame, seen through a display that
    // covers just the graph area.
    const auto labels = [a, scale] {
        ImDrawData data;
        data.Valid = true;
        data.AddDrawList(ImGui::GetBackgroundDrawList());
        data.DisplayPos = {a.x, a.y};
        data.DisplaySize = {a.w, a.h};
        data.FramebufferScale = {scale, scale};
        data.Textures = &ImGui::GetPlatformIO().Textures; // the atlas as the screen has it
        ImGui_ImplOpenGL3_RenderDrawData(&data);
    };
    const bool ok = renderer_.render_offscreen(p, width, height, vm_.options().theme.background, labels, rgba, error);
    // The layers were rebuilt (and uploaded) for the image: the screen's are built again.
    base_stamp_ = {};
    top_stamp_ = {};
    return ok;
}

} // namespace rgv
