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
// tx() for APIs that want a terminated C string (ImGui::Text* with "%s").
const char* txc(std::string_view text);
// The engine tx() uses; App installs its own at start.
void set_text_engine(text::DisplayText* text);

} // namespace rgv
