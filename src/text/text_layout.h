// text_layout.h — fitting logical text into a width, by the widths of its shaped glyphs:
// one-line text cut with an ellipsis (labels, list rows), paragraphs broken into lines
// (abstracts, titles) and each line laid out in the bidi algorithm's visual order.
//
// Index
//   Widths        drawn_width: what a text measures as the UI draws it
//   Cuts          cut_points: where a text may be cut without breaking a cluster
//   Ellipsis      fit_width: the longest logical prefix that fits, with "…"
//   Paragraphs    wrap: lines of a paragraph (UAX #9: direction per paragraph, order per line)
//   Direction     paragraph_rtl, direction marks
//   Language      language_of: a BCP 47 tag from the scripts a text is written in
//
// Every width is in base-piece font units (shaper.h's Shaped::width_units); the UI turns
// its pixels into units with the base font's scale (view/ui/text_font.h).
//
// src/text/: HarfBuzz and FriBidi only; no SDL, GL, ImGui or Emscripten include.
#pragma once

#include "text/font_set.h"
#include "text/shaper.h"
#include "text/utf8.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rgv::text {

// [SECTION] Widths
// The text's width as drawn: its shaped width when it needs shaping, else the base font's
// nominal advances (plain text is drawn by ImGui code point by code point, unkerned).
std::int64_t drawn_width(const FontSet& fonts, std::string_view utf8);

// [SECTION] Cuts
// Code point indices k in (0, n) where the text may end with cps[k-1]: at the start of a
// shaped cluster (a conjunct, a ligature, a base with its marks stays whole) and never
// inside a grapheme (before a mark, a joiner, a variation selector or an emoji modifier,
// after a joiner or a virama, between the two halves of a flag). Ascending.
std::vector<std::uint32_t> cut_points(const Decoded& text, const Shaped& shaped);

// [SECTION] Ellipsis
struct Fitted {
    std::string text;       // the logical text to draw: the input, or a prefix + "…"
    std::int64_t width = 0; // its drawn width
    bool cut = false;
};
// The text if it fits in `max_units`, else its longest prefix that ends at a cut point and
// still fits with an ellipsis after it (trailing spaces dropped), re-shaped as a whole so
// an Arabic letter before the ellipsis takes its final form. The ellipsis follows the
// logical end: on the left of a right-to-left paragraph. Nothing fits: "…" alone.
Fitted fit_width(const FontSet& fonts, std::string_view utf8, std::int64_t max_units);

// [SECTION] Paragraphs
struct Line {
    std::uint32_t begin = 0, end = 0; // bytes of the input; trailing spaces left out
    std::string text;       // what to shape and draw: those bytes, with a direction mark
                            // in front when the line alone would take the other direction
    std::int64_t width = 0; // drawn width of `text`
};
struct Paragraphs {
    std::vector<Line> lines;
    std::vector<bool> rtl; // per line: its paragraph's direction (right-align when true)
};
// Lines no wider than `max_units` (a word longer than that is cut at cut points). A line
// may break after spaces and between CJK characters (not before closing punctuation or
// after opening punctuation); '\n' ends a paragraph. Each paragraph's direction comes from
// its first strong letter and holds for all its lines, each line is reordered on its own
// (UAX #9 3.4: levels per paragraph, reordering per line).
Paragraphs wrap(const FontSet& fonts, std::string_view utf8, std::int64_t max_units);

// [SECTION] Direction
// UAX #9 P2-P3: right to left when the first strong letter is (skipping isolates).
bool paragraph_rtl(const char32_t* cps, std::size_t n);
bool paragraph_rtl(std::string_view utf8);

// [SECTION] Language
// For xml:lang in exports: "ja" with kana, "ko" with Hangul, "zh" for Han alone, else
// "und-" and the ISO 15924 code of the first non-Latin script ("und-Arab": the language
// is not known, the script is); "" for Latin and for text without letters.
std::string language_of(std::string_view utf8);

} // namespace rgv::text
