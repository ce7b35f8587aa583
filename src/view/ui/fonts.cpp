// fonts.cpp — the font atlas: the UI and label font rasterised at the framebuffer's scale,
// so text stays crisp at devicePixelRatio 2 and 3.
#include "view/ui/app.h"

#include <imgui.h>

#include <algorithm>

namespace rgv {

void App::set_font(const unsigned char* data, std::size_t size) {
    font_data_.assign(data, data + size);
    font_scale_ = 0.0f;
}

bool App::prepare_fonts(float framebuffer_scale) {
    const float scale = std::clamp(framebuffer_scale, 1.0f, 4.0f);
    if (font_scale_ == scale) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    font_regular_ = font_large_ = font_small_ = nullptr;
    if (font_data_.empty()) {
        io.Fonts->AddFontDefault();
        io.FontGlobalScale = 1.0f;
    } else {
        // Latin, Latin Extended, Greek and Cyrillic; anything else shows imgui's '?'
        // fallback glyph rather than garbage.
        static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x024F, 0x0370, 0x03FF,
                                          0x0400, 0x052F, 0x2000, 0x206F, 0x2190, 0x21FF,
                                          0x25A0, 0x25FF, 0};
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false; // App keeps the bytes
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        auto* data = font_data_.data();
        const int size = static_cast<int>(font_data_.size());
        // Rasterise at size * scale and draw at 1/scale: one texel per device pixel.
        font_regular_ = io.Fonts->AddFontFromMemoryTTF(data, size, 15.0f * scale, &cfg, kRanges);
        font_small_ = io.Fonts->AddFontFromMemoryTTF(data, size, 12.5f * scale, &cfg, kRanges);
        font_large_ = io.Fonts->AddFontFromMemoryTTF(data, size, 22.0f * scale, &cfg, kRanges);
        io.FontGlobalScale = 1.0f / scale;
    }
    io.Fonts->Build();
    font_scale_ = scale;
    labels_.invalidate(); // label sizes change with the font
    return true;
}

} // namespace rgv
