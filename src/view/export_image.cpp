// export_image.cpp — the graph as an image at any scale: the same GL renderer drawing into
// an offscreen framebuffer of (graph area x scale) pixels, with the labels of the last
// frame drawn on top by ImGui's OpenGL backend. JavaScript turns the pixels into a PNG.
#include "view/app.h"

#include "view/gl.h"

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
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    if (width <= 0 || height <= 0 || width > max_size || height > max_size) {
        error = "image of " + std::to_string(width) + "x" + std::to_string(height) +
                " pixels is larger than this GPU allows (" + std::to_string(max_size) + ")";
        return false;
    }

    GLint previous_fbo = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous_fbo);
    GLuint fbo = 0, color = 0;
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &color);
    glBindRenderbuffer(GL_RENDERBUFFER, color);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (complete) {
        glViewport(0, 0, width, height);
        clear_to(theme_.background);
        build_base_layer();
        build_top_layer();
        renderer_.draw(camera_, base_layer_, true, top_layer_, true, veil_color(), 0, 0, width, height, false);
        // The labels: the background draw list of the last frame, seen through a display
        // that covers just the graph area.
        ImDrawList* labels = ImGui::GetBackgroundDrawList();
        ImDrawData data;
        data.Valid = true;
        data.CmdLists = &labels;
        data.CmdListsCount = 1;
        data.TotalVtxCount = labels->VtxBuffer.Size;
        data.TotalIdxCount = labels->IdxBuffer.Size;
        data.DisplayPos = {area_x_, area_y_};
        data.DisplaySize = {area_w_, area_h_};
        data.FramebufferScale = {scale, scale};
        ImGui_ImplOpenGL3_RenderDrawData(&data);

        rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
        // GL reads bottom-up; images are top-down.
        const std::size_t row = static_cast<std::size_t>(width) * 4;
        std::vector<std::uint8_t> tmp(row);
        for (int y = 0; y < height / 2; ++y) {
            std::uint8_t* a = rgba.data() + static_cast<std::size_t>(y) * row;
            std::uint8_t* b = rgba.data() + static_cast<std::size_t>(height - 1 - y) * row;
            std::copy(a, a + row, tmp.data());
            std::copy(b, b + row, a);
            std::copy(tmp.data(), tmp.data() + row, b);
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo));
    glDeleteRenderbuffers(1, &color);
    glDeleteFramebuffers(1, &fbo);
    visual_dirty_ = true; // the instances were rebuilt for the image; refresh the screen's
    if (!complete) error = "the offscreen framebuffer is not complete";
    return complete;
}

} // namespace rgv
