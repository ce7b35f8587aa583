// text_layout.cpp — see text_layout.h.
#include "text/text_layout.h"

#include <fribidi.h>
#include <hb.h>

#include <algorithm>
#include <cmath>

namespace rgv::text {

namespace {

constexpr const char* kEllipsis = "\xE2\x80\xA6"; // …
constexpr const char* kRlm = "\xE2\x80\x8F";      // U+200F RIGHT-TO-LEFT MARK
constexpr const char* kLrm = "\xE2\x80\x8E";      // U+200E LEFT-TO-RIGHT MARK

hb_unicode_general_category_t category(char32_t cp) {
    return hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);
}

bool is_mark(char32_t cp) {
    const auto c = category(cp);
    return c == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK || c == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
           c == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK;
}

bool is_space(char32_t cp) {
    return cp == U' ' || cp == U'\t' || category(cp) == HB_UNICODE_GENERAL_CATEGORY_SPACE_SEPARATOR;
}

bool is_regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

// Characters that extend the grapheme before them: never cut before one.
bool extends(char32_t cp) {
    return is_mark(cp) || cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F);
}

// Ideographs, kana and CJK punctuation break between any two characters.
bool breaks_anywhere(char32_t cp) {
    const hb_script_t s = hb_unicode_script(hb_unicode_funcs_get_default(), cp);
    return s == HB_SCRIPT_HAN || s == HB_SCRIPT_HIRAGANA || s == HB_SCRIPT_KATAKANA || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFF00 && cp <= 0xFFEF);
}

// UAX #14's closing punctuation and its "no break before" marks, by general category:
// no line starts with one (。、」！).
bool closes(char32_t cp) {
    const auto c = category(cp);
    return c == HB_UNICODE_GENERAL_CATEGORY_CLOSE_PUNCTUATION || c == HB_UNICODE_GENERAL_CATEGORY_FINAL_PUNCTUATION ||
           c == HB_UNICODE_GENERAL_CATEGORY_OTHER_PUNCTUATION;
}

bool opens(char32_t cp) { // no line ends with it
    const auto c = category(cp);
    return c == HB_UNICODE_GENERAL_CATEGORY_OPEN_PUNCTUATION || c == HB_UNICODE_GENERAL_CATEGORY_INITIAL_PUNCTUATION;
}

// Nominal advances of the base piece, for text the UI draws without shaping.
std::int64_t nominal_advance(const FontSet& fonts, char32_t cp) {
    return hb_font_get_glyph_h_advance(fonts.hb_font(0), fonts.glyph_of(0, cp));
}

std::string_view trim_end(std::string_view s) {
    while (!s.empty()) {
        std::size_t i = s.size();
        while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
        if (i == 0) break;
        --i;
        std::size_t j = i;
        if (!is_space(decode_one(s, j))) break;
        s = s.substr(0, i);
    }
    return s;
}

} // namespace

// [SECTION] Widths
std::int64_t drawn_width(const FontSet& fonts, std::string_view utf8) {
    if (!fonts.loaded(0)) return 0;
    if (needs_shaping(fonts, utf8)) return shape(fonts, utf8).width_units;
    std::int64_t w = 0;
    std::size_t i = 0;
    while (i < utf8.size()) w += nominal_advance(fonts, decode_one(utf8, i));
    return w;
}

// [SECTION] Cuts
std::vector<std::uint32_t> cut_points(const Decoded& text, const Shaped& shaped) {
    const std::size_t n = text.cps.size();
    std::vector<bool> starts(n + 1, shaped.glyphs.empty());
    for (const Glyph& g : shaped.glyphs)
        if (g.cluster <= n) starts[g.cluster] = true;
    std::vector<std::uint32_t> out;
    std::size_t regional = 0; // regional indicators just before k
    for (std::size_t k = 1; k < n; ++k) {
        const char32_t before = text.cps[k - 1], at = text.cps[k];
        regional = is_regional_indicator(before) ? regional + 1 : 0;
        if (!starts[k] || extends(at) || before == 0x200D) continue;
        if (hb_unicode_combining_class(hb_unicode_funcs_get_default(), before) == HB_UNICODE_COMBINING_CLASS_VIRAMA &&
            !is_space(at))
            continue; // a conjunct's consonants stay together
        if (is_regional_indicator(at) && regional % 2 == 1) continue;
        out.push_back(static_cast<std::uint32_t>(k));
    }
    return out;
}

// [SECTION] Direction
bool paragraph_rtl(const char32_t* cps, std::size_t n) {
    static_assert(sizeof(FriBidiChar) == sizeof(char32_t), "FriBidi code points are 32-bit");
    int isolates = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const FriBidiCharType t = fribidi_get_bidi_type(static_cast<FriBidiChar>(cps[k]));
        if (t == FRIBIDI_TYPE_LRI || t == FRIBIDI_TYPE_RLI || t == FRIBIDI_TYPE_FSI) ++isolates;
        else if (t == FRIBIDI_TYPE_PDI && isolates > 0) --isolates;
        else if (isolates == 0 && FRIBIDI_IS_LETTER(t)) return FRIBIDI_IS_RTL(t);
    }
    return false;
}

bool paragraph_rtl(std::string_view utf8) {
    const Decoded d = decode(utf8);
    return paragraph_rtl(d.cps.data(), d.cps.size());
}

namespace {
// `s` as one paragraph of direction `rtl`: a mark in front when its own first strong
// letter would say otherwise (a cut "2021 محمد" kept as "2021…" stays right to left).
std::string with_direction(std::string_view s, bool rtl) {
    if (paragraph_rtl(s) == rtl) return std::string(s);
    return std::string(rtl ? kRlm : kLrm) + std::string(s);
}
} // namespace

// [SECTION] Ellipsis
Fitted fit_width(const FontSet& fonts, std::string_view utf8, std::int64_t max_units) {
    Fitted out;
    out.text = std::string(utf8);
    out.width = drawn_width(fonts, utf8);
    if (out.width <= max_units || !fonts.loaded(0)) return out;
    out.cut = true;
    const Decoded d = decode(utf8);
    const std::size_t n = d.cps.size();
    const bool rtl = paragraph_rtl(d.cps.data(), n);
    auto candidate = [&](std::size_t k) {
        return with_direction(std::string(trim_end(utf8.substr(0, d.offsets[k]))) + kEllipsis, rtl);
    };
    std::vector<std::uint32_t> cuts;
    if (!needs_shaping(fonts, utf8)) {
        // Plain text: advances add up exactly, no shaping needed to find the cut.
        const std::int64_t room = max_units - nominal_advance(fonts, 0x2026);
        std::int64_t w = 0;
        std::size_t k = 0;
        while (k < n && w + nominal_advance(fonts, d.cps[k]) <= room) w += nominal_advance(fonts, d.cps[k++]);
        if (k > 0) cuts.push_back(static_cast<std::uint32_t>(k));
    } else {
        cuts = cut_points(d, shape(fonts, utf8));
    }
    // The longest prefix that fits. Widths grow with the prefix but not strictly: an
    // Arabic letter cut in its final form can be wider than it and the next letter were
    // (final beh has a tail), so a binary search, then the few cuts past where it stopped,
    // then down.
    std::size_t lo = 0, hi = cuts.size(); // cuts[0, lo) fit as far as known
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (drawn_width(fonts, candidate(cuts[mid])) <= max_units) lo = mid + 1;
        else hi = mid;
    }
    for (std::size_t c = std::min(lo + 3, cuts.size()); c-- > 0;) {
        std::string text = candidate(cuts[c]);
        const std::int64_t w = drawn_width(fonts, text);
        if (w <= max_units && trim_end(utf8.substr(0, d.offsets[cuts[c]])).size() > 0) {
            out.text = std::move(text);
            out.width = w;
            return out;
        }
    }
    out.text = kEllipsis;
    out.width = drawn_width(fonts, out.text);
    return out;
}

// [SECTION] Paragraphs
namespace {

// May a line start at code point k (0 < k < n)?
bool break_before(const std::vector<char32_t>& cps, std::size_t k) {
    const char32_t before = cps[k - 1], at = cps[k];
    if (is_space(at) || extends(at) || before == 0x200D) return false;
    if (is_space(before)) return true;
    if (breaks_anywhere(before) || breaks_anywhere(at)) return !closes(at) && !opens(before);
    return false;
}

void wrap_paragraph(const FontSet& fonts, std::string_view text, std::uint32_t base, std::int64_t max_units,
                    Paragraphs& out) {
    const Decoded d = decode(text);
    const std::size_t n = d.cps.size();
    const bool rtl = paragraph_rtl(d.cps.data(), n);
    auto emit = [&](std::size_t a, std::size_t b) {
        const std::string_view bytes = trim_end(text.substr(d.offsets[a], d.offsets[b] - d.offsets[a]));
        Line line;
        line.begin = base + d.offsets[a];
        line.end = line.begin + static_cast<std::uint32_t>(bytes.size());
        line.text = with_direction(bytes, rtl);
        line.width = drawn_width(fonts, line.text);
        out.lines.push_back(std::move(line));
        out.rtl.push_back(rtl);
    };
    if (n == 0) {
        emit(0, 0);
        return;
    }
    // Widths per code point from one shaping of the whole paragraph (breaks fall at spaces
    // and between ideographs, where nothing joins across); each line is shaped again for
    // drawing.
    const Shaped shaped = shape(fonts, text);
    std::vector<double> width(n, 0.0);
    for (const Glyph& g : shaped.glyphs)
        if (g.cluster < n) width[g.cluster] += g.advance * em_scale(fonts, g.piece);
    const std::vector<std::uint32_t> cuts = cut_points(d, shaped);
    std::vector<bool> cut_ok(n + 1, false);
    for (const std::uint32_t c : cuts) cut_ok[c] = true;

    std::size_t start = 0;
    while (start < n) {
        // The longest run from `start` whose text (without trailing spaces) fits; at least
        // one cluster, so a line always moves on.
        double w = 0.0;
        std::size_t last_break = 0, last_cut = 0, k = start;
        for (; k < n; ++k) {
            if (k > start && !is_space(d.cps[k])) {
                if (break_before(d.cps, k)) last_break = k;
                if (cut_ok[k]) last_cut = k;
            }
            if (!is_space(d.cps[k]) && w + width[k] > static_cast<double>(max_units) && k > start) break;
            w += width[k];
        }
        std::size_t end = n;
        if (k < n) {
            // A word wider than the line is cut between clusters; a cluster wider than
            // the line gets a line of its own.
            end = last_break > start ? last_break : last_cut;
            if (end <= start) {
                end = k;
                while (end < n && !cut_ok[end]) ++end;
            }
        }
        emit(start, end);
        start = end;
        while (start < n && is_space(d.cps[start])) ++start;
    }
}

} // namespace

Paragraphs wrap(const FontSet& fonts, std::string_view utf8, std::int64_t max_units) {
    Paragraphs out;
    std::size_t begin = 0;
    while (true) {
        const std::size_t nl = utf8.find('\n', begin);
        const std::size_t end = nl == std::string_view::npos ? utf8.size() : nl;
        std::string_view para = utf8.substr(begin, end - begin);
        if (!para.empty() && para.back() == '\r') para.remove_suffix(1);
        wrap_paragraph(fonts, para, static_cast<std::uint32_t>(begin), max_units, out);
        if (nl == std::string_view::npos) break;
        begin = nl + 1;
    }
    return out;
}

// [SECTION] Language
std::string language_of(std::string_view utf8) {
    hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
    bool han = false;
    hb_script_t other = HB_SCRIPT_INVALID;
    std::size_t i = 0;
    while (i < utf8.size()) {
        const char32_t cp = decode_one(utf8, i);
        const hb_script_t s = hb_unicode_script(uf, cp);
        if (s == HB_SCRIPT_HIRAGANA || s == HB_SCRIPT_KATAKANA) return "ja";
        if (s == HB_SCRIPT_HANGUL) return "ko";
        if (s == HB_SCRIPT_HAN) han = true;
        else if (other == HB_SCRIPT_INVALID && s != HB_SCRIPT_COMMON && s != HB_SCRIPT_INHERITED &&
                 s != HB_SCRIPT_LATIN && s != HB_SCRIPT_UNKNOWN)
            other = s;
    }
    if (han) return "zh";
    if (other == HB_SCRIPT_INVALID) return {};
    char tag[5] = {};
    hb_tag_to_string(hb_script_to_iso15924_tag(other), tag);
    return std::string("und-") + tag;
}

} // namespace rgv::text
