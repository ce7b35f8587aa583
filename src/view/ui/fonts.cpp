// fonts.cpp — the UI and label font in Dear ImGui 1.92's dynamic atlas: one font, loaded
// once, any size. Glyphs are rasterised on demand (no glyph ranges) at the size asked for
// and at the framebuffer's density: ImGui takes the density from io.DisplayFramebufferScale
// (the SDL backend sets it to drawable / window size, devicePixelRatio on the web), so text
// stays crisp at DPR 2 and 3 with nothing done here. style.FontScaleDpi stays 1: the UI is
// laid out in logical (CSS) pixels, the framebuffer scale is not a UI scale.
//
// [SECTION] sizes         push_font, text_size
// [SECTION] the UI font   set_font, update_fonts and the sources of the one font
// [SECTION] warm glyphs   the same atlas, whatever the frames drew first
#include "view/ui/app.h"

#include <imgui.h>

#include <cstdio>
#include <cstring>

namespace rgv {

// [SECTION] sizes

// Whole pixels: ImGui 1.92 bakes and draws text at sizes rounded to the pixel, so a 12.5
// would be the 13 px glyphs scaled down, off the pixel grid and soft at every density.
float App::text_size(TextSize size) {
    switch (size) {
    case TextSize::Small: return 13.0f;  // graph labels, the progress pill (1.86 drew them at 12.5)
    case TextSize::Large: return 22.0f;  // names: the researcher's card, the details' title, the status card
    case TextSize::Regular: break;
    }
    return 15.0f;                        // everything else (style.FontSizeBase)
}

void App::push_font(TextSize size) { ImGui::PushFont(ui_font_, text_size(size)); }

// [SECTION] the UI font

bool App::set_font(const unsigned char* data, std::size_t size) {
    // An sfnt (TrueType, OpenType) or a collection of them by its first four bytes: anything
    // else (an HTML error page, say) would only reach stb_truetype's assert.
    static const char* const kTags[] = {"\x00\x01\x00\x00", "true", "OTTO", "ttcf"};
    bool font = false;
    for (const char* tag : kTags) font = font || (size >= 12 && std::memcmp(data, tag, 4) == 0);
    if (!font) {
        std::fprintf(stderr, "rgv: that is not a TrueType / OpenType font; keeping the current one\n");
        return false;
    }
    font_data_.assign(data, data + size);
    font_pending_ = true;
    return true;
}

namespace {
// The UI font: the TTF as its first source. Every glyph is looked up in the sources in the
// order they were added, and the first that has it draws it.
//
// More scripts go here, after the TTF: each one more source merged into the same font,
//     ImFontConfig more;
//     more.MergeMode = true;
//     more.DstFont = font;
//     more.FontLoader = &loader; // a custom ImFontLoader (FontBakedLoadGlyph & co.), or
//                                // FontData / FontDataSize for another TTF
//     atlas.AddFont(&more);
// They are asked only for glyphs the sources before them lack, at whatever size and
// density the text is drawn. ImWchar is 32 bits (IMGUI_USE_WCHAR32), so a loader can own
// private-use code points in planes 15 and 16.
ImFont* add_ui_font(ImFontAtlas& atlas, const std::vector<unsigned char>& ttf) {
    if (ttf.empty()) return atlas.AddFontDefault(); // ImGui's own (ASCII), until a TTF comes
    ImFontConfig cfg;
    cfg.FontData = const_cast<unsigned char*>(ttf.data());
    cfg.FontDataSize = static_cast<int>(ttf.size());
    cfg.FontDataOwnedByAtlas = false; // the atlas takes a copy (1.92 always does)
    cfg.SizePixels = App::text_size(TextSize::Regular); // the reference size; any size draws
    std::snprintf(cfg.Name, sizeof cfg.Name, "rgv UI");
    return atlas.AddFont(&cfg);
}
} // namespace

void App::update_fonts() {
    // The first frame needs a font, whether or not a TTF came (the web hands it over a few
    // frames in, and may replace it at any time: setFont).
    if (ui_font_ && !font_pending_) return;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    ImFont* font = add_ui_font(atlas, font_data_);
    bool ttf_loaded = font && !font_data_.empty();
    std::vector<unsigned char>().swap(font_data_); // the atlas has its own copy
    font_pending_ = false;
    if (!font) { // stb_truetype could not read it after all
        std::fprintf(stderr, "rgv: cannot read the font; keeping the current one\n");
        if (ui_font_) return;
        font = atlas.AddFontDefault();
        ttf_loaded = false;
    }
    // Added before the old one goes, so ImGui's default font moves straight to it; then
    // the atlas starts afresh (warm_fonts).
    if (ui_font_) {
        atlas.RemoveFont(ui_font_);
        atlas.CompactCache();
    }
    ui_font_ = font;
    warm_font_ = nullptr;
    warm_wanted_ = ttf_loaded;
    ImGui::GetStyle().FontSizeBase = text_size(TextSize::Regular);
    labels_.invalidate(); // label sizes change with the font
}

// [SECTION] warm glyphs

// ImGui packs each glyph into the atlas when it is first drawn, so where a glyph sits
// depends on what the frames before drew (the loading card's changing numbers, say), and
// text sampled from another spot of the texture can come out a level of 255 apart: the
// picture would depend on the run. So after a new font (or a new density) the glyphs
// the UI's own texts and most labels use are baked first, in a fixed order, at every
// size drawn: the atlas then holds them in the same places in every run. Anything else
// still comes on demand. In the frame, before any text.
void App::warm_fonts() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float density = viewport->FramebufferScale.x > 0.0f ? viewport->FramebufferScale.x
                                                               : ImGui::GetIO().DisplayFramebufferScale.x;
    if (!warm_wanted_ || !ui_font_ || (warm_font_ == ui_font_ && warm_density_ == density)) return;
    warm_font_ = ui_font_;
    warm_density_ = density;
    const float sizes[] = {text_size(TextSize::Small), text_size(TextSize::Regular), text_size(TextSize::Large)};
    // The UI's own symbols: middle dot, ellipsis (cut labels), the sort triangles, the link arrow.
    static const ImWchar kSymbols[] = {0x00B7, 0x2026, 0x25B2, 0x25BC, 0x2197};
    for (const float size : sizes) {
        ImFontBaked* baked = ui_font_->GetFontBaked(size, density);
        for (ImWchar c = 0x20; c < 0x7F; ++c) baked->FindGlyph(c);
        for (const ImWchar c : kSymbols) baked->FindGlyph(c);
    }
}

} // namespace rgv
