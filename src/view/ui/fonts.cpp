// fonts.cpp — the UI and label font in Dear ImGui 1.92's dynamic atlas: one font, loaded
// once, any size. Glyphs are rasterised on demand (no glyph ranges) at the size asked for
// and at the framebuffer's density: ImGui takes the density from io.DisplayFramebufferScale
// (the SDL backend sets it to drawable / window size, devicePixelRatio on the web), so text
// stays crisp at DPR 2 and 3 with nothing done here. style.FontScaleDpi stays 1: the UI is
// laid out in logical (CSS) pixels, the framebuffer scale is not a UI scale.
//
// [SECTION] sizes         push_font, text_size
// [SECTION] the UI font   pieces or a host font, update_fonts, asking for pieces
// [SECTION] warm glyphs   the same atlas, whatever the frames drew first
#include "view/ui/app.h"

#include "core/attributes.h"

#include "view/ui/text_font.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <iterator>
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

// A phone's small text (graph labels, the legend) is 14 px: DejaVu Sans's 1.164 em from
// ascent to descent makes that a 12 CSS px em, the least text the phone layout allows (13
// would be 11.2). A desktop keeps 13, so its pictures stay as they are.
float App::shown_text_size(TextSize size) const {
    return size == TextSize::Small && vm_.options().coarse_pointer ? 14.0f : text_size(size);
}

void App::push_font(TextSize size) { ImGui::PushFont(ui_font_, shown_text_size(size)); }

// [SECTION] the UI font

namespace {
// An sfnt (TrueType, OpenType) or a collection of them, by its first four bytes: anything
// else (an HTML error page, say) would only reach stb_truetype's assert.
bool looks_like_font(const unsigned char* data, std::size_t size) {
    static const char* const kTags[] = {"\x00\x01\x00\x00", "true", "OTTO", "ttcf"};
    for (const char* tag : kTags)
        if (size >= 12 && std::memcmp(data, tag, 4) == 0) return true;
    return false;
}
} // namespace

std::string App::set_font(const unsigned char* data, std::size_t size) {
    if (!data || !looks_like_font(data, size)) return "that is not a TrueType / OpenType font; keeping the current one";
    std::string err = fonts_.set_single_font({data, data + size}, "host font");
    if (!err.empty()) return err;
    pieces_dir_.clear();
    requested_.assign(fonts_.size(), true);
    font_pending_ = true;
    return {};
}

std::string App::set_font_pieces(std::string_view manifest, const unsigned char* base, std::size_t size,
                                 std::string dir) {
    std::vector<text::PieceInfo> pieces;
    std::string err;
    if (!text::parse_manifest(manifest, pieces, err)) return err;
    if (!base || !looks_like_font(base, size)) return "font piece " + pieces[0].name + ": not a TrueType / OpenType font";
    // Built aside, so a base that does not load leaves the current fonts as they are.
    text::FontSet next;
    next.set_pieces(std::move(pieces));
    if (err = next.load(0, {base, base + size}); !err.empty()) return err;
    fonts_ = std::move(next);
    pieces_dir_ = std::move(dir);
    requested_.assign(fonts_.size(), false);
    requested_[0] = true;
    text_scan_ = {};
    font_pending_ = true;
    return {};
}

std::string App::add_font_piece(int index, const unsigned char* data, std::size_t size) {
    if (index < 0 || static_cast<std::size_t>(index) >= fonts_.size())
        return "font piece " + std::to_string(index) + " is not in the manifest";
    if (!data || !looks_like_font(data, size))
        return "font piece " + fonts_.info(static_cast<std::size_t>(index)).name + ": not a TrueType / OpenType font";
    return fonts_.load(static_cast<std::size_t>(index), {data, data + size});
}

std::vector<Event> App::take_events() {
    std::vector<Event> events = vm_.take_events();
    events.insert(events.end(), font_events_.begin(), font_events_.end());
    font_events_.clear();
    return events;
}

namespace {
// The UI font: the base piece (DejaVu, by ImGui's own stb_truetype loader), then one merged
// source for everything else (text_font.cpp): the other pieces' characters, shaped
// glyphs, and the base's box for what no piece has. Sources are asked in order.
ImFont* add_ui_font(ImFontAtlas& atlas, text::DisplayText& display) {
    const text::FontSet& fonts = display.fonts();
    if (!fonts.loaded(0)) return atlas.AddFontDefault(); // ImGui's own (ASCII), until fonts come
    const auto& ttf = fonts.data(0);
    ImFontConfig cfg;
    cfg.FontData = const_cast<unsigned char*>(ttf.data());
    cfg.FontDataSize = static_cast<int>(ttf.size());
    cfg.FontDataOwnedByAtlas = false; // the atlas takes a copy (1.92 always does)
    cfg.SizePixels = App::text_size(TextSize::Regular); // the reference size; any size draws
    std::snprintf(cfg.Name, sizeof cfg.Name, "rgv UI");
    ImFont* font = atlas.AddFont(&cfg);
    if (font) add_text_font_source(&atlas, font, &display);
    return font;
}

// The slice's text that is on screen or searched at once: labels, other spellings, the
// profile card. Everything else (venues, abstracts, details) asks for its pieces when it
// is first drawn (DisplayText::take_wanted), so a name variant nobody opens costs nothing.
void slice_text(const Slice& slice, const std::function<void(std::string_view)>& use) {
    const Graph& g = slice.graph;
    for (std::size_t i = 0; i < g.node_label.size(); ++i) {
        use(g.node_label[i]);
        if (i >= g.node_attrs.size()) continue;
        for (const std::string& alt : attr::alt_labels(g.node_attrs[i])) use(alt);
    }
    const Profile& p = slice.profile;
    for (const std::string* s : {&p.name, &p.headline, &p.trust_band}) use(*s);
    if (p.affiliation) use(*p.affiliation);
}
} // namespace

void App::request_font_pieces() {
    std::vector<int> want = display_.take_wanted();
    if (text_scan_.changed({vm_.revisions().graph}))
        slice_text(vm_.slice(), [&](std::string_view s) { fonts_.missing_pieces(s, want); });
    nlohmann::json ask = nlohmann::json::array();
    for (const int p : want) {
        if (p < 0 || static_cast<std::size_t>(p) >= requested_.size() || requested_[p]) continue;
        requested_[p] = true;
        const text::PieceInfo& info = fonts_.info(static_cast<std::size_t>(p));
        if (pieces_dir_.empty()) {
            ask.push_back({{"index", p}, {"file", info.file}, {"name", info.name}});
            // The rest of the manifest: the host fetches it and calls set_font_pieces.
            if (info.manifest) ask.back()["manifest"] = true;
            continue;
        }
        if (info.manifest) continue; // natively the whole manifest is read at start
        // Natively the pieces are files next to the manifest: read at once.
        std::ifstream in(pieces_dir_ + "/" + info.file, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string err = in || in.eof() ? add_font_piece(p, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size())
                                               : "cannot read " + pieces_dir_ + "/" + info.file;
        if (!err.empty()) std::fprintf(stderr, "rgv: font piece %s not loaded: %s\n", info.name.c_str(), err.c_str());
    }
    if (!ask.empty()) font_events_.push_back({"fontsNeeded", nlohmann::json{{"pieces", ask}}.dump()});
}

void App::update_fonts() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    // A new font, or a piece that arrived (glyphs baked as boxes while it was away must be
    // baked again): the atlas starts afresh either way. Discarding only the old bakes would
    // leave the packer where it was, so the glyphs baked after would sit in places that
    // depend on when the piece came, and text could come out a few levels apart by run.
    if (!ui_font_ || font_pending_ || baked_generation_ != fonts_.generation()) {
        font_pending_ = false;
        ImFont* font = add_ui_font(atlas, display_);
        if (!font) { // stb_truetype could not read it after all
            std::fprintf(stderr, "rgv: cannot read the font; keeping the current one\n");
            if (!ui_font_) font = atlas.AddFontDefault();
        }
        if (font) {
            // Added before the old one goes, so ImGui's default font moves straight to it.
            // Then the atlas starts over on a new texture, as at the start: a repack would
            // keep the old packing order (ImGui's own FIXME: it is unstable), and only a
            // fresh packer puts warm_fonts' glyphs in the same places in every run.
            if (ui_font_) {
                atlas.RemoveFont(ui_font_);
                ImFontAtlasBuildClear(&atlas);
            }
            ui_font_ = font;
        }
        warm_font_ = nullptr;
        warm_wanted_ = fonts_.loaded(0);
        ImGui::GetStyle().FontSizeBase = text_size(TextSize::Regular);
        baked_generation_ = fonts_.generation();
        labels_.invalidate(); // label sizes change with the font
    }
    set_text_engine(&display_);
    display_.begin_frame();
    request_font_pieces();
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
    const float sizes[] = {shown_text_size(TextSize::Small), text_size(TextSize::Regular), text_size(TextSize::Large)};
    // The UI's own symbols: middle dot, ellipsis (cut labels), the sort triangles, the link arrow.
    static const ImWchar kSymbols[] = {0x00B7, 0x2026, 0x25B2, 0x25BC, 0x2197};
    for (const float size : sizes) {
        ImFontBaked* baked = ui_font_->GetFontBaked(size, density);
        for (ImWchar c = 0x20; c < 0x7F; ++c) baked->FindGlyph(c);
        for (const ImWchar c : kSymbols) baked->FindGlyph(c);
    }
}

} // namespace rgv
