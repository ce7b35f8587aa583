// display_text.cpp — the private-use glyph table and the per-frame cache.
#include "text/display_text.h"

#include "text/utf8.h"

#include <hb.h>

#include <algorithm>

namespace rgv::text {

// [SECTION] GlyphCodes
std::size_t GlyphCodes::Hash::operator()(const Glyph& g) const {
    std::size_t h = g.piece;
    for (const std::uint32_t v : {g.id, static_cast<std::uint32_t>(g.advance), static_cast<std::uint32_t>(g.dx),
                                  static_cast<std::uint32_t>(g.dy)})
        h = h * 1000003u ^ v;
    return h;
}

char32_t GlyphCodes::code(const Glyph& g) {
    Glyph key = g;
    key.cluster = 0; // the same glyph at another place in a string is the same code
    if (auto it = codes_.find(key); it != codes_.end()) return it->second;
    if (kFirst + glyphs_.size() > kLast) return 0;
    const char32_t cp = kFirst + static_cast<char32_t>(glyphs_.size());
    glyphs_.push_back(key);
    codes_.emplace(key, cp);
    return cp;
}

const Glyph* GlyphCodes::glyph(char32_t cp) const {
    if (cp < kFirst || cp - kFirst >= glyphs_.size()) return nullptr;
    return &glyphs_[cp - kFirst];
}

// [SECTION] DisplayText
namespace {
// Format characters, joiners and variation selectors draw nothing: not missing.
bool needs_no_glyph(char32_t cp) {
    hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
    const auto cat = hb_unicode_general_category(uf, cp);
    return cat == HB_UNICODE_GENERAL_CATEGORY_FORMAT || cat == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}
} // namespace

void DisplayText::begin_frame() {
    pending_ = pending_seen_;
    pending_seen_ = false;
    // A new piece, or a cache grown past any one screen's text: start over. Codes stay
    // (the font loader may still hold glyphs baked for them).
    if (generation_ != fonts_.generation() || cache_.size() > 50000 || fitted_.size() > 20000 ||
        wrapped_.size() > 2000) {
        cache_.clear();
        fitted_.clear();
        wrapped_.clear();
        base_chars_.clear();
        missing_.clear();
        generation_ = fonts_.generation();
    }
}

void DisplayText::index_base() {
    // Characters the base font draws one to one: shaped output made of these glyphs is
    // written back as the characters themselves, so spaces still wrap and plain runs
    // ("(MIT) 2021" inside Arabic) stay readable in state() and tests.
    if (!base_chars_.empty() || !fonts_.loaded(0)) return;
    for (char32_t cp = 0x20; cp < 0x300; ++cp) {
        if (cp >= 0x7F && cp < 0xA0) continue;
        const std::uint32_t g = fonts_.glyph_of(0, cp);
        if (g != 0) base_chars_.emplace(g, cp);
    }
}

std::string DisplayText::encode(const Shaped& shaped) {
    index_base();
    std::string out;
    hb_font_t* base = fonts_.hb_font(0);
    for (const Glyph& g : shaped.glyphs) {
        if (g.piece == 0 && g.dx == 0 && g.dy == 0 && g.id != 0) {
            auto it = base_chars_.find(g.id);
            if (it != base_chars_.end() && hb_font_get_glyph_h_advance(base, g.id) == g.advance) {
                encode_utf8(it->second, out);
                continue;
            }
        }
        const char32_t cp = codes_.code(g);
        encode_utf8(cp != 0 ? cp : U'\uFFFD', out);
    }
    return out;
}

namespace {
std::string layout_key(std::string_view text, std::int64_t max_units) {
    std::string key = std::to_string(max_units);
    key += '|';
    key += text;
    return key;
}
} // namespace

const Fitted& DisplayText::fit(std::string_view text, std::int64_t max_units) {
    std::string key = layout_key(text, max_units);
    auto it = fitted_.find(key);
    if (it == fitted_.end()) it = fitted_.emplace(std::move(key), fit_width(fonts_, text, max_units)).first;
    return it->second;
}

const Paragraphs& DisplayText::wrap(std::string_view text, std::int64_t max_units) {
    std::string key = layout_key(text, max_units);
    auto it = wrapped_.find(key);
    if (it == wrapped_.end()) it = wrapped_.emplace(std::move(key), text::wrap(fonts_, text, max_units)).first;
    return it->second;
}

std::string_view DisplayText::display(std::string_view text) {
    if (!fonts_.loaded(0) || !needs_shaping(fonts_, text)) return text;
    std::string key(text);
    auto it = cache_.find(key);
    if (it == cache_.end()) {
        const Shaped shaped = shape(fonts_, text);
        if (shaped.pending) fonts_.missing_pieces(text, wanted_);
        if (shaped.missing) {
            std::size_t i = 0;
            while (i < text.size()) {
                const char32_t cp = decode_one(text, i);
                if (fonts_.piece_for(cp) < 0 && cp >= 0x20 &&
                    std::find(missing_.begin(), missing_.end(), cp) == missing_.end() && !needs_no_glyph(cp))
                    missing_.push_back(cp);
            }
        }
        it = cache_.emplace(std::move(key), Entry{encode(shaped), shaped.pending}).first;
    }
    // Every frame that shows it, so pending() stays true until the piece is in.
    if (it->second.pending) pending_seen_ = true;
    return it->second.text;
}

} // namespace rgv::text
