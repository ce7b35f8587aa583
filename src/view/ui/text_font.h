// text_font.h — text in every script inside Dear ImGui: a font loader (ImFontLoader, one
// merged source after the base font) that rasterises the glyphs of the other pieces and
// the shaped glyphs that src/text/display_text.h encodes as private-use code points, and
// tx(), the one call panels and labels put data text through before drawing it.
#pragma once

#include "text/display_text.h"

#include <string>
#include <string_view>

struct ImFontAtlas;
struct ImFont;
struct ImFontConfig;

namespace rgv {

// The loader for one atlas. `text` must outlive the atlas's use of it.
void add_text_font_source(ImFontAtlas* atlas, ImFont* font, text::DisplayText* text);

// The drawable form of data text (labels, names, titles, search results): shaped when it
// needs shaping, else the text itself. Valid until the next frame. UI strings need none.
// With no text engine installed (a test, a failed font) the text comes back unchanged.
std::string_view tx(std::string_view text);
// tx() for APIs that want a terminated C string (ImGui::Text* with "%s"): the string
// itself or its cached shaped form, both terminated.
const char* txc(const std::string& text);
// Base-font units per logical pixel for text drawn at `size` px (the scale ImGui draws the
// base font at); 0 with no text engine or no base font.
double text_units_per_px(float size);
// The CSS font-size (px per em) of the base font drawn at ImGui size `size`; 0 without it.
float text_em_px(float size);
// Data text cut with an ellipsis so that it is at most `max_px` wide at `size` px, by the
// widths of its shaped glyphs (text_layout.h's fit_width): the logical text, not drawable
// yet (put it through tx()). Unchanged with no text engine.
std::string fit_text(std::string_view text, float max_px, float size);
// fit_text at the current font size, drawable (tx() of it): for one-line list rows.
const char* txc_fit(const std::string& text, float max_px);
// Data text wrapped at the content region's width, as one ImGui item (IsItemHovered and
// IsItemClicked answer for all its lines). Plain text is ImGui's own wrapped text; text
// that needs shaping is broken into lines on its logical text, each line drawn in visual
// order, right-aligned in a right-to-left paragraph (`align_rtl` false: every line starts
// at the left, for names in a list of an otherwise left-to-right UI).
void text_wrapped(const std::string& text, bool align_rtl = true);
// The engine tx() uses; App installs its own at start.
void set_text_engine(text::DisplayText* text);

} // namespace rgv
