// shaper.cpp — FriBidi for levels and order, HarfBuzz for each run's glyphs.
#include "text/shaper.h"

#include "text/utf8.h"

#include <fribidi.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace rgv::text {

namespace {

bool is_mark(hb_unicode_funcs_t* uf, char32_t cp) {
    switch (hb_unicode_general_category(uf, cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
        return true;
    default:
        return false;
    }
}

// Joiners, variation selectors and bidi controls belong to the run around them.
bool is_glue(hb_unicode_funcs_t* uf, char32_t cp) {
    return is_mark(uf, cp) || cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xE0100 && cp <= 0xE01EF) || hb_unicode_general_category(uf, cp) == HB_UNICODE_GENERAL_CATEGORY_FORMAT;
}

struct Run {
    std::size_t start = 0, end = 0; // code point indices [start, end)
    FriBidiLevel level = 0;
    hb_script_t script = HB_SCRIPT_COMMON;
    int piece = 0;
    FriBidiStrIndex visual = 0; // where the run's first character lands on the line
};

struct BufferDeleter { void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); } };

} // namespace

// [SECTION] needs_shaping
bool needs_shaping(const FontSet& fonts, std::string_view utf8) {
    hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
    std::size_t i = 0;
    while (i < utf8.size()) {
        const char32_t cp = decode_one(utf8, i);
        if (cp < 0x300) continue; // Latin-1 and Extended-A/B, spacing modifiers: base, as is
        if (fonts.piece_for(cp) != 0 || is_mark(uf, cp) || cp == 0x200D || cp == 0x200C) return true;
        const FriBidiCharType t = fribidi_get_bidi_type(cp);
        if (FRIBIDI_IS_RTL(t) || FRIBIDI_IS_EXPLICIT_OR_ISOLATE_OR_BN_OR_NSM(t)) return true;
    }
    return false;
}

double em_scale(const FontSet& fonts, std::size_t piece) {
    const int base = fonts.units_per_em(0), own = fonts.units_per_em(piece);
    return own > 0 && base > 0 ? static_cast<double>(base) / own : 1.0;
}

// [SECTION] shape
Shaped shape(const FontSet& fonts, std::string_view utf8) {
    Shaped out;
    if (!fonts.loaded(0) || utf8.empty()) return out;
    hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
    const Decoded text = decode(utf8);
    const auto n = static_cast<FriBidiStrIndex>(text.cps.size());
    std::vector<FriBidiChar> chars(text.cps.begin(), text.cps.end());

    // Direction: levels for the paragraph, then the line's reordering (this single line
    // is the paragraph), which also resets trailing white space to the paragraph level.
    std::vector<FriBidiCharType> types(n);
    std::vector<FriBidiBracketType> brackets(n);
    std::vector<FriBidiLevel> levels(n);
    fribidi_get_bidi_types(chars.data(), n, types.data());
    fribidi_get_bracket_types(chars.data(), n, types.data(), brackets.data());
    FriBidiParType base_dir = FRIBIDI_PAR_ON;
    std::vector<FriBidiStrIndex> map(n);
    for (FriBidiStrIndex k = 0; k < n; ++k) map[k] = k;
    if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &base_dir, levels.data()) == 0 ||
        fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, types.data(), n, 0, base_dir, levels.data(), nullptr,
                             map.data()) == 0) {
        std::fill(levels.begin(), levels.end(), FriBidiLevel{0});
        for (FriBidiStrIndex k = 0; k < n; ++k) map[k] = k;
        base_dir = FRIBIDI_PAR_LTR;
    }
    out.rtl = FRIBIDI_IS_RTL(base_dir);
    std::vector<FriBidiStrIndex> visual_of(n);
    for (FriBidiStrIndex v = 0; v < n; ++v) visual_of[map[v]] = v;

    // Scripts: Common and Inherited characters take the script around them.
    std::vector<hb_script_t> scripts(n);
    hb_script_t last = HB_SCRIPT_INVALID;
    for (FriBidiStrIndex k = 0; k < n; ++k) {
        const hb_script_t s = hb_unicode_script(uf, text.cps[k]);
        scripts[k] = (s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED) ? last : s;
        if (scripts[k] != HB_SCRIPT_INVALID) last = scripts[k];
    }
    hb_script_t next = HB_SCRIPT_COMMON;
    for (FriBidiStrIndex k = n; k-- > 0;) {
        if (scripts[k] == HB_SCRIPT_INVALID) scripts[k] = next;
        else next = scripts[k];
    }

    // Pieces: each character's own, but a neutral or a mark stays in the piece of the
    // run it is in when that piece has it (spaces inside Arabic, a mark on its base).
    std::vector<int> pieces(n);
    for (FriBidiStrIndex k = 0; k < n; ++k) {
        const char32_t cp = text.cps[k];
        int p = fonts.piece_for(cp);
        const hb_script_t own = hb_unicode_script(uf, cp);
        const bool neutral = own == HB_SCRIPT_COMMON || own == HB_SCRIPT_INHERITED || is_glue(uf, cp);
        if (k > 0 && neutral && pieces[k - 1] != p && fonts.loaded(pieces[k - 1]) &&
            (is_glue(uf, cp) || fonts.glyph_of(pieces[k - 1], cp) != 0))
            p = pieces[k - 1];
        if (p < 0 && is_glue(uf, cp)) {
            p = k > 0 ? pieces[k - 1] : 0; // a joiner or selector no piece lists: invisible
        } else if (p < 0) {
            out.missing = true;
            p = 0;
        } else if (!fonts.loaded(p)) {
            out.pending = true;
            p = 0;
        }
        pieces[k] = p;
    }

    // Runs in logical order, then sorted into visual order.
    std::vector<Run> runs;
    for (FriBidiStrIndex k = 0; k < n; ++k) {
        if (runs.empty() || levels[k] != runs.back().level || scripts[k] != runs.back().script ||
            pieces[k] != runs.back().piece) {
            Run r;
            r.start = k;
            r.level = levels[k];
            r.script = scripts[k];
            r.piece = pieces[k];
            r.visual = visual_of[k];
            runs.push_back(r);
        }
        runs.back().end = k + 1;
        runs.back().visual = std::min(runs.back().visual, visual_of[k]);
    }
    std::stable_sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.visual < b.visual; });

    std::unique_ptr<hb_buffer_t, BufferDeleter> buf(hb_buffer_create());
    std::vector<std::uint32_t> cps32(text.cps.begin(), text.cps.end());
    for (const Run& r : runs) {
        hb_buffer_clear_contents(buf.get());
        // The whole line as context: Arabic joins and Indic clusters see their neighbours.
        hb_buffer_add_codepoints(buf.get(), cps32.data(), static_cast<int>(n), static_cast<unsigned>(r.start),
                                 static_cast<int>(r.end - r.start));
        hb_buffer_set_direction(buf.get(), FRIBIDI_LEVEL_IS_RTL(r.level) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        hb_buffer_set_script(buf.get(), r.script);
        hb_buffer_set_language(buf.get(), hb_language_get_default());
        hb_buffer_set_cluster_level(buf.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
        hb_shape(fonts.hb_font(static_cast<std::size_t>(r.piece)), buf.get(), nullptr, 0);
        unsigned count = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &count);
        const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &count);
        const double scale = em_scale(fonts, static_cast<std::size_t>(r.piece));
        std::int64_t run_units = 0;
        for (unsigned g = 0; g < count; ++g) {
            Glyph glyph;
            glyph.piece = static_cast<std::uint16_t>(r.piece);
            glyph.id = info[g].codepoint;
            glyph.advance = pos[g].x_advance;
            glyph.dx = pos[g].x_offset;
            glyph.dy = pos[g].y_offset;
            glyph.cluster = info[g].cluster;
            run_units += glyph.advance;
            out.glyphs.push_back(glyph);
        }
        out.width_units += std::llround(static_cast<double>(run_units) * scale);
    }
    return out;
}

} // namespace rgv::text
