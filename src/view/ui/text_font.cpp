// text_font.cpp — the font loader for shaped glyphs and the other pieces' characters.
//
// Index
//   stb_truetype  our own copy of ImGui's rasteriser (its functions are static there)
//   Loader        ImFontLoader callbacks: contains, bake a glyph
//   tx            the per-frame drawable text
//   fit and wrap  one-line text with an ellipsis, paragraphs in lines (text_layout.h)
#include "view/ui/text_font.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>
#include <vector>

// [SECTION] stb_truetype
// ImGui compiles stb_truetype with STBTT_STATIC, so this file compiles its own copy; the
// glyphs come out the same as the base font's (same rasteriser, same oversampling).
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#endif
#define STBRP_STATIC // stb_truetype's packing API (unused here) needs stb_rect_pack
#define STB_RECT_PACK_IMPLEMENTATION
#include <imstb_rectpack.h>
#include <imstb_truetype.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace rgv {

namespace {

// [SECTION] Loader
struct SourceData {
    text::DisplayText* text = nullptr;
    // stb_truetype views of the loaded pieces, made when first needed.
    std::vector<std::unique_ptr<stbtt_fontinfo>> infos;

    const stbtt_fontinfo* info(std::size_t piece) {
        text::FontSet& fonts = text->fonts();
        if (!fonts.loaded(piece)) return nullptr;
        if (infos.size() < fonts.size()) infos.resize(fonts.size());
        if (!infos[piece]) {
            auto fi = std::make_unique<stbtt_fontinfo>();
            const auto& bytes = fonts.data(piece);
            if (!stbtt_InitFont(fi.get(), bytes.data(), stbtt_GetFontOffsetForIndex(bytes.data(), 0))) return nullptr;
            infos[piece] = std::move(fi);
        }
        return infos[piece].get();
    }
};

// What a code point stands for: a shaped glyph, or a character of some loaded piece, or
// the base font's box for anything else (so nothing is ever drawn as '?').
bool resolve(SourceData& d, ImWchar cp, text::Glyph& out) {
    text::FontSet& fonts = d.text->fonts();
    if (const text::Glyph* g = d.text->codes().glyph(static_cast<char32_t>(cp))) {
        out = *g;
        return d.info(out.piece) != nullptr;
    }
    const int p = fonts.piece_for(static_cast<char32_t>(cp));
    out = text::Glyph{};
    if (p > 0 && fonts.loaded(static_cast<std::size_t>(p))) {
        out.piece = static_cast<std::uint16_t>(p);
        out.id = fonts.glyph_of(static_cast<std::size_t>(p), static_cast<char32_t>(cp));
    }
    if (out.id == 0) out.piece = 0; // the box
    const stbtt_fontinfo* fi = d.info(out.piece);
    if (!fi) return false;
    int advance = 0, lsb = 0;
    stbtt_GetGlyphHMetrics(fi, static_cast<int>(out.id), &advance, &lsb);
    out.advance = advance;
    return true;
}

// ImGui wants a source's loader data empty when it is added and set by FontSrcInit: the
// data for the source being added waits here.
SourceData* g_adding = nullptr;

bool src_init(ImFontAtlas*, ImFontConfig* src) {
    if (!src->FontLoaderData) src->FontLoaderData = g_adding;
    return src->FontLoaderData != nullptr;
}

bool contains(ImFontAtlas*, ImFontConfig* src, ImWchar cp) {
    auto* d = static_cast<SourceData*>(src->FontLoaderData);
    text::Glyph g;
    return cp >= 0x20 && resolve(*d, cp, g);
}

bool baked_init(ImFontAtlas*, ImFontConfig*, ImFontBaked*, void*) { return true; }

bool load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar cp,
                ImFontGlyph* out_glyph, float* out_advance_x) {
    auto* d = static_cast<SourceData*>(src->FontLoaderData);
    text::Glyph g;
    if (cp < 0x20 || !resolve(*d, cp, g)) return false;
    const stbtt_fontinfo* fi = d->info(g.piece);
    const stbtt_fontinfo* base = d->info(0);
    if (!fi || !base) return false;

    // The base font's pixel scale (ImGui's: size over ascent - descent), carried over to
    // the piece so every piece shares the base font's em on screen.
    const double em = text::em_scale(d->text->fonts(), g.piece);
    const float scale = static_cast<float>(stbtt_ScaleForPixelHeight(base, 1.0f) * baked->Size * em);
    int oversample_h = 1, oversample_v = 1;
    ImFontAtlasBuildGetOversampleFactors(src, baked, &oversample_h, &oversample_v);
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    const float sx = scale * density * static_cast<float>(oversample_h);
    const float sy = scale * density * static_cast<float>(oversample_v);
    const float advance = static_cast<float>(g.advance) * scale;
    if (out_advance_x) {
        *out_advance_x = advance;
        return true;
    }
    out_glyph->Codepoint = cp & 0x3FFFFFFu; // a 26-bit field in ImFontGlyph (code points end at 0x10FFFF)
    out_glyph->AdvanceX = advance;
    const int gid = static_cast<int>(g.id);
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetGlyphBitmapBox(fi, gid, sx, sy, &x0, &y0, &x1, &y1);
    if (x0 == x1 || y0 == y1) return true; // a space
    const int w = x1 - x0 + oversample_h - 1;
    const int h = y1 - y0 + oversample_v - 1;
    const ImFontAtlasRectId pack_id = ImFontAtlasPackAddRect(atlas, w, h);
    if (pack_id == ImFontAtlasRectId_Invalid) return false;
    ImTextureRect* r = ImFontAtlasPackGetRect(atlas, pack_id);
    ImFontAtlasBuilder* builder = atlas->Builder;
    builder->TempBuffer.resize(w * h);
    unsigned char* pixels = builder->TempBuffer.Data;
    memset(pixels, 0, static_cast<std::size_t>(w * h));
    float sub_x = 0, sub_y = 0;
    stbtt_MakeGlyphBitmapSubpixelPrefilter(fi, pixels, w, h, w, sx, sy, 0, 0, oversample_h, oversample_v, &sub_x,
                                           &sub_y, gid);
    // HarfBuzz's offsets are y up; ImGui's glyph boxes are y down from the line's top.
    const float off_x = sub_x + static_cast<float>(g.dx) * scale;
    const float off_y = sub_y + IM_ROUND(baked->Ascent) - static_cast<float>(g.dy) * scale;
    const float rh = 1.0f / (static_cast<float>(oversample_h) * density);
    const float rv = 1.0f / (static_cast<float>(oversample_v) * density);
    out_glyph->X0 = static_cast<float>(x0) * rh + off_x;
    out_glyph->Y0 = static_cast<float>(y0) * rv + off_y;
    out_glyph->X1 = static_cast<float>(x0 + static_cast<int>(r->w)) * rh + off_x;
    out_glyph->Y1 = static_cast<float>(y0 + static_cast<int>(r->h)) * rv + off_y;
    out_glyph->Visible = true;
    out_glyph->PackId = pack_id;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out_glyph, r, pixels, ImTextureFormat_Alpha8, w);
    return true;
}

const ImFontLoader* loader() {
    static ImFontLoader l = [] {
        ImFontLoader x;
        x.Name = "rgv-text";
        x.FontSrcInit = src_init;
        x.FontSrcContainsGlyph = contains;
        x.FontBakedInit = baked_init;
        x.FontBakedLoadGlyph = load_glyph;
        return x;
    }();
    return &l;
}

// One SourceData per atlas source; they live as long as the program (a handful at most).
std::unordered_map<const text::DisplayText*, std::unique_ptr<SourceData>>& sources() {
    static std::unordered_map<const text::DisplayText*, std::unique_ptr<SourceData>> s;
    return s;
}

text::DisplayText* g_text = nullptr;

} // namespace

void add_text_font_source(ImFontAtlas* atlas, ImFont* font, text::DisplayText* text) {
    auto& slot = sources()[text];
    if (!slot) slot = std::make_unique<SourceData>();
    slot->text = text;
    slot->infos.clear(); // pieces may have been replaced
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.DstFont = font;
    cfg.FontLoader = loader();
    cfg.FontDataOwnedByAtlas = false;
    // No font data of its own: the pieces are in the FontSet. ImGui wants a non-null
    // pointer and a size for a source; the base piece's bytes stand in.
    const auto& base = text->fonts().data(0);
    cfg.FontData = const_cast<std::uint8_t*>(base.data());
    cfg.FontDataSize = static_cast<int>(base.size());
    ImFormatString(cfg.Name, IM_ARRAYSIZE(cfg.Name), "rgv-text");
    g_adding = slot.get();
    atlas->AddFont(&cfg);
    g_adding = nullptr;
}

// [SECTION] tx
void set_text_engine(text::DisplayText* text) { g_text = text; }

std::string_view tx(std::string_view s) { return g_text ? g_text->display(s) : s; }

// display() returns either the bytes it was given (here a std::string's) or a cached
// std::string's: terminated either way.
const char* txc(const std::string& s) { return tx(s).data(); }

} // namespace rgv

namespace rgv {

// [SECTION] fit and wrap
double text_units_per_px(float size) {
    if (!g_text || size <= 0.0f) return 0.0;
    auto it = sources().find(g_text);
    const stbtt_fontinfo* base = it != sources().end() ? it->second->info(0) : nullptr;
    if (!base) return 0.0;
    // ImGui's own scale for the base font: `size` over its ascent - descent.
    return 1.0 / (static_cast<double>(stbtt_ScaleForPixelHeight(base, 1.0f)) * size);
}

float text_em_px(float size) {
    const double upp = text_units_per_px(size);
    return upp > 0.0 ? static_cast<float>(g_text->fonts().units_per_em(0) / upp) : 0.0f;
}

std::string fit_text(std::string_view text, float max_px, float size) {
    const double upp = text_units_per_px(size);
    if (upp <= 0.0) return std::string(text);
    return g_text->fit(text, std::llround(max_px * upp)).text;
}

const char* txc_fit(const std::string& text, float max_px) {
    const double upp = text_units_per_px(ImGui::GetFontSize());
    if (upp <= 0.0) return text.c_str();
    // The cached Fitted's string (or, shaped, its cached drawable form): terminated.
    return tx(g_text->fit(text, std::llround(max_px * upp)).text).data();
}

void text_wrapped(const std::string& text, bool align_rtl) {
    const double upp = text_units_per_px(ImGui::GetFontSize());
    if (upp <= 0.0 || !text::needs_shaping(g_text->fonts(), text)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
        ImGui::PopTextWrapPos();
        return;
    }
    const float avail = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    const text::Paragraphs& para = g_text->wrap(text, std::llround(avail * upp));
    ImGui::BeginGroup();
    const float x0 = ImGui::GetCursorPosX();
    for (std::size_t i = 0; i < para.lines.size(); ++i) {
        const std::string_view drawn = tx(para.lines[i].text);
        float x = x0;
        if (align_rtl && para.rtl[i]) x += std::max(0.0f, avail - ImGui::CalcTextSize(drawn.data(), drawn.data() + drawn.size()).x);
        ImGui::SetCursorPosX(x);
        ImGui::TextUnformatted(drawn.data(), drawn.data() + drawn.size());
    }
    ImGui::EndGroup();
}

} // namespace rgv
