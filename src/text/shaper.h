// shaper.h — one line of text, in any script, to positioned glyphs in visual order:
// FriBidi resolves the direction (Unicode's bidirectional algorithm: paragraph level
// from the first strong letter, embedding levels, reordering of the line), the text is
// cut into runs of one level, one script and one font piece, and HarfBuzz shapes each
// run (Arabic joining, Indic conjuncts and vowel signs, marks on their bases, kerning,
// mirrored brackets in right-to-left runs).
//
// Index
//   Glyph         one positioned glyph, in its piece's font units
//   Shaped        a shaped line: glyphs left to right, direction, what was missing
//   needs_shaping a quick test: can the base font draw this code point by code point?
//   shape         the shaper
//
// src/text/: HarfBuzz and FriBidi only; no SDL, GL, ImGui or Emscripten include.
#pragma once

#include "text/font_set.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace rgv::text {

// [SECTION] Glyph
struct Glyph {
    std::uint16_t piece = 0;  // FontSet index
    std::uint32_t id = 0;     // glyph index in that piece; 0 is .notdef (a box)
    std::int32_t advance = 0; // font units of the piece, x only (horizontal text)
    std::int32_t dx = 0, dy = 0; // offset from the pen position, y up
    std::uint32_t cluster = 0;   // index of the first code point this glyph came from

    bool operator==(const Glyph& o) const {
        return piece == o.piece && id == o.id && advance == o.advance && dx == o.dx && dy == o.dy;
    }
};

// [SECTION] Shaped
struct Shaped {
    std::vector<Glyph> glyphs; // visual order, left to right
    bool rtl = false;          // paragraph direction (from the first strong letter)
    bool pending = false;      // some characters wait for a piece that is not loaded yet
    bool missing = false;      // some characters have no piece at all: boxes for good
    std::int64_t width_units = 0; // sum of advances, in base-piece units (see em_scale)
};

// [SECTION] needs_shaping
// False when the base piece (0) can draw every code point as it is: no marks, no
// right-to-left letters, nothing from another piece. Such text skips the shaper.
bool needs_shaping(const FontSet& fonts, std::string_view utf8);

// [SECTION] shape
// The base piece must be loaded (else the result is empty). Characters whose piece is not
// loaded, or that no piece has, come out as the base piece's .notdef box.
Shaped shape(const FontSet& fonts, std::string_view utf8);

// Font units of `piece` to the base piece's units (pieces share one em size on screen).
double em_scale(const FontSet& fonts, std::size_t piece);

} // namespace rgv::text
