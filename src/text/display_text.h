// display_text.h — shaped text as a string any text widget can draw: each positioned
// glyph that the base font cannot draw as a plain character gets a private-use code
// point (planes 15 and 16) standing for (piece, glyph, advance, offset), and the font
// loader that rasterises glyphs (src/view/ui/text_font.cpp) looks the code point up
// here. Widths, clipping, ellipses and hit boxes of the UI then work on shaped runs.
//
// Index
//   GlyphCodes    the private-use code point table, both ways
//   DisplayText   UTF-8 in, drawable UTF-8 out, cached per frame; fitted and wrapped text
//
// src/text/: HarfBuzz and FriBidi only; no SDL, GL, ImGui or Emscripten include.
#pragma once

#include "text/shaper.h"
#include "text/text_layout.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rgv::text {

// [SECTION] GlyphCodes
class GlyphCodes {
public:
    static constexpr char32_t kFirst = 0xF0000;
    static constexpr char32_t kLast = 0x10FFFD;

    // The code point for a glyph (a new one the first time; 0 when the table is full).
    char32_t code(const Glyph& g);
    // The glyph a code point stands for, nullptr if it is not one of ours.
    const Glyph* glyph(char32_t cp) const;
    std::size_t size() const { return glyphs_.size(); }

private:
    struct Hash {
        std::size_t operator()(const Glyph& g) const;
    };
    std::vector<Glyph> glyphs_;
    std::unordered_map<Glyph, char32_t, Hash> codes_;
};

// [SECTION] DisplayText
class DisplayText {
public:
    explicit DisplayText(FontSet& fonts) : fonts_(fonts) {}

    // Call once per frame before any display(): drops shaped strings of an older font
    // generation (a piece arrived: boxes can become letters).
    void begin_frame();
    // The drawable form of `text`: `text` itself when the base font draws it as it is,
    // else the shaped string. Valid until the next begin_frame().
    std::string_view display(std::string_view text);
    // text_layout.h's fit_width and wrap, cached until the fonts change (panels ask every
    // frame). References stay valid until the next begin_frame().
    const Fitted& fit(std::string_view text, std::int64_t max_units);
    const Paragraphs& wrap(std::string_view text, std::int64_t max_units);
    // True when some text shown since begin_frame() waits for a piece: keep drawing.
    bool pending() const { return pending_; }
    // Unloaded pieces that shaped text asked for since the last call.
    std::vector<int> take_wanted() { return std::move(wanted_); }
    // Characters shown as boxes because no piece has them (since the fonts changed).
    const std::vector<char32_t>& missing() const { return missing_; }

    const GlyphCodes& codes() const { return codes_; }
    FontSet& fonts() { return fonts_; }

    // The shaped string for `text` (no cache), for tests and exports.
    std::string encode(const Shaped& shaped);

private:
    void index_base();

    FontSet& fonts_;
    GlyphCodes codes_;
    struct Entry {
        std::string text;     // the drawable form
        bool pending = false; // boxes waiting for a piece
    };
    std::unordered_map<std::string, Entry> cache_;
    std::unordered_map<std::string, Fitted> fitted_;       // key: max units, '|', text
    std::unordered_map<std::string, Paragraphs> wrapped_;
    std::unordered_map<std::uint32_t, char32_t> base_chars_; // base glyph -> its character
    std::uint32_t generation_ = ~0u;
    bool pending_ = false;
    bool pending_seen_ = false;
    std::vector<int> wanted_;
    std::vector<char32_t> missing_;
};

} // namespace rgv::text
