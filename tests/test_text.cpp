// test_text.cpp — shaping, direction and font pieces (src/text).
//
// Index
//   Manifest      pieces.json parsing and its error messages
//   Coverage      which piece draws a code point, which pieces a text still needs
//   HarfBuzz      our runs give exactly hb-shape's glyphs, advances and offsets
//   Direction     mixed right-to-left and left-to-right text in visual order
//   Missing       boxes for what no font has; boxes until a piece arrives
//   DisplayText   plain text passes through; shaped text as private-use code points
//   Ellipsis      labels cut by their shaped width, at cluster boundaries
//   Paragraphs    lines broken on the logical text, each in the bidi algorithm's order
//   Language      xml:lang for exports from a label's script
//
// The fonts are the build's own pieces (RGV_FONT_PIECES_DIR) when the build made them,
// else Debian's files (the packages emsdk-setup.sh installs).
#include "text/display_text.h"
#include "text/font_set.h"
#include "text/shaper.h"
#include "text/text_layout.h"
#include "text/utf8.h"

#include "test_util.h"

#include <doctest/doctest.h>
#include <fribidi.h>

#include <cstdio>
#include <regex>
#include <string>
#include <vector>

using namespace rgv::text;

namespace {

const char* const kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* const kArabic = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
const char* const kDevanagari = "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf";
const char* const kCjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

std::vector<std::uint8_t> bytes_of(const char* path) {
    const std::string s = rgv::test::read_text(path);
    return {s.begin(), s.end()};
}

// Three pieces as a manifest would list them: base (Latin...), Arabic, Devanagari.
void three_pieces(FontSet& fonts, bool load_all = true) {
    std::vector<PieceInfo> pieces(3);
    pieces[0].name = "base";
    pieces[0].ranges = {{0x20, 0x24F}, {0x300, 0x36F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x2000, 0x206F}};
    pieces[1].name = "arabic";
    pieces[1].ranges = {{0x600, 0x6FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}};
    pieces[2].name = "devanagari";
    pieces[2].ranges = {{0x900, 0x97F}};
    fonts.set_pieces(pieces);
    REQUIRE(fonts.load(0, bytes_of(kDejaVu)) == "");
    if (!load_all) return;
    REQUIRE(fonts.load(1, bytes_of(kArabic)) == "");
    REQUIRE(fonts.load(2, bytes_of(kDevanagari)) == "");
}

// The three pieces and a fourth for CJK (Noto Sans CJK's first face).
void four_pieces(FontSet& fonts) {
    std::vector<PieceInfo> pieces(4);
    pieces[0].name = "base";
    pieces[0].ranges = {{0x20, 0x24F}, {0x300, 0x36F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x2000, 0x206F}};
    pieces[1].name = "arabic";
    pieces[1].ranges = {{0x600, 0x6FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}};
    pieces[2].name = "devanagari";
    pieces[2].ranges = {{0x900, 0x97F}};
    pieces[3].name = "cjk";
    pieces[3].ranges = {{0x3000, 0x30FF}, {0x4E00, 0x9FFF}};
    fonts.set_pieces(pieces);
    REQUIRE(fonts.load(0, bytes_of(kDejaVu)) == "");
    REQUIRE(fonts.load(1, bytes_of(kArabic)) == "");
    REQUIRE(fonts.load(2, bytes_of(kDevanagari)) == "");
    REQUIRE(fonts.load(3, bytes_of(kCjk)) == "");
}

std::vector<std::uint32_t> clusters(const Shaped& s) {
    std::vector<std::uint32_t> out;
    for (const auto& g : s.glyphs) out.push_back(g.cluster);
    return out;
}

#ifndef __EMSCRIPTEN__
// hb-shape's own output for one run: "[gid@dx,dy=cluster+advance|...]" with
// --no-glyph-names; offsets appear only when non-zero.
std::vector<Glyph> hb_shape(const char* font, const std::string& text, const char* dir, const char* script) {
    const std::string cmd = std::string("hb-shape --no-glyph-names --font-file='") + font + "' --direction=" + dir +
                            " --script=" + script + " --cluster-level=1 --text='" + text + "'";
    std::vector<Glyph> out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return out;
    std::string line;
    char buf[4096];
    while (fgets(buf, sizeof buf, p)) line += buf;
    pclose(p);
    static const std::regex item(R"((\d+)(?:@(-?\d+),(-?\d+))?=(\d+)\+(-?\d+))");
    for (auto it = std::sregex_iterator(line.begin(), line.end(), item); it != std::sregex_iterator(); ++it) {
        Glyph g;
        g.id = static_cast<std::uint32_t>(std::stoul((*it)[1]));
        g.dx = (*it)[2].matched ? std::stoi((*it)[2]) : 0;
        g.dy = (*it)[3].matched ? std::stoi((*it)[3]) : 0;
        g.cluster = static_cast<std::uint32_t>(std::stoul((*it)[4]));
        g.advance = std::stoi((*it)[5]);
        out.push_back(g);
    }
    return out;
}
#endif

} // namespace

TEST_SUITE("text") {

// [SECTION] Manifest
TEST_CASE("the manifest lists pieces with sorted ranges; bad ones say what is wrong") {
    std::vector<PieceInfo> pieces;
    std::string err;
    REQUIRE(parse_manifest(R"({"version":1,"pieces":[
        {"name":"base","file":"base.ttf","bytes":1000,"gzipBytes":600,"ranges":[[256,591],[32,126]]},
        {"name":"arabic","file":"arabic.ttf","ranges":[[1536,1791]]}]})",
                           pieces, err));
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0].name == "base");
    CHECK(pieces[0].gzip_bytes == 600);
    CHECK(pieces[0].ranges.front().first == 32); // sorted
    CHECK(pieces[0].covers(U'A'));
    CHECK_FALSE(pieces[0].covers(0x7F));
    CHECK(pieces[1].covers(0x0645));

    // The compact form: [gap, extent, ...] from 0.
    REQUIRE(parse_manifest(R"({"pieces":[{"name":"base","file":"b.ttf","deltas":[32,94,34,585,3,2]}]})", pieces, err));
    CHECK(pieces[0].ranges == std::vector<std::pair<char32_t, char32_t>>{{32, 126}, {160, 745}, {748, 750}});
    CHECK_FALSE(parse_manifest(R"({"pieces":[{"name":"b","file":"b.ttf","deltas":[32]}]})", pieces, err));
    CHECK(err == "font manifest: piece 0 (b): \"deltas\" must be [gap, extent, ...] pairs of code points up to 1114111");
    CHECK_FALSE(parse_manifest("{", pieces, err));
    CHECK(err == "font manifest: not valid JSON");
    CHECK_FALSE(parse_manifest(R"({"pieces":[]})", pieces, err));
    CHECK(err == "font manifest: no \"pieces\" array");
    CHECK_FALSE(parse_manifest(R"({"pieces":[{"name":"x"}]})", pieces, err));
    CHECK(err == "font manifest: piece 0 needs a \"name\" and a \"file\" string");
    CHECK_FALSE(parse_manifest(R"({"pieces":[{"name":"x","file":"x.ttf","ranges":[[9,3]]}]})", pieces, err));
    CHECK(err == "font manifest: piece 0 (x): each range is [first, last] with first <= last <= 1114111");
}

// [SECTION] Coverage
TEST_CASE("each code point has the first piece covering it; a text lists the unloaded pieces it needs") {
    FontSet fonts;
    three_pieces(fonts, false);
    CHECK(fonts.piece_for(U'a') == 0);
    CHECK(fonts.piece_for(0x0645) == 1);  // م
    CHECK(fonts.piece_for(0x0905) == 2);  // अ
    CHECK(fonts.piece_for(0x4E00) == -1); // 一: no piece
    std::vector<int> need;
    fonts.missing_pieces("Ali محمد अनुराग محمد", need);
    CHECK(need == std::vector<int>{1, 2});
    need.clear();
    fonts.missing_pieces("Plain Latin, Ελληνικά, Кириллица", need);
    CHECK(need.empty());
    CHECK(fonts.load(7, {}) == "font piece 7 is not in the manifest");
    CHECK(fonts.load(1, std::vector<std::uint8_t>(5, 0)) == "font arabic: 5 bytes is not a font");
    CHECK_FALSE(fonts.loaded(1));
}

TEST_CASE("the first frame's manifest: text beyond the base waits for the full manifest, never a box") {
    std::vector<PieceInfo> pieces;
    std::string err;
    // What tools/fonts/base_manifest.py writes: the base, then "more" for everything else.
    REQUIRE(parse_manifest(R"({"pieces":[{"name":"base","file":"base.ttf","deltas":[32,94,34,1000]},
        {"name":"more","file":"pieces-compact.json","manifest":true,"deltas":[0,1114111]}]})", pieces, err));
    CHECK_FALSE(pieces[0].manifest);
    CHECK(pieces[1].manifest);
    FontSet fonts;
    fonts.set_pieces(pieces);
    REQUIRE(fonts.load(0, bytes_of(kDejaVu)) == "");
    CHECK(fonts.piece_for(U'a') == 0);
    CHECK(fonts.piece_for(0x4E00) == 1);
    CHECK(fonts.load(1, bytes_of(kDejaVu)) == "font piece more is a manifest (pieces-compact.json), not a font");
    std::vector<int> need;
    fonts.missing_pieces("Ada Lovelace", need);
    CHECK(need.empty());
    fonts.missing_pieces("Ada \xE4\xB8\x80", need); // Ada 一
    CHECK(need == std::vector<int>{1});
    const Shaped s = shape(fonts, "a\xE4\xB8\x80");
    CHECK(s.pending);
    CHECK_FALSE(s.missing);
    DisplayText dt(fonts);
    dt.begin_frame();
    dt.display("a\xE4\xB8\x80");
    CHECK(dt.missing().empty());
    CHECK(dt.take_wanted() == std::vector<int>{1});
}

// [SECTION] HarfBuzz
#ifndef __EMSCRIPTEN__
TEST_CASE("Arabic and Devanagari shape exactly as hb-shape shapes them") {
    FontSet fonts;
    three_pieces(fonts);
    struct Case { const char* text; const char* font; const char* dir; const char* script; };
    for (const Case& c : {Case{"محمد عبدالله", kArabic, "rtl", "Arab"}, Case{"अनुराग शर्मा", kDevanagari, "ltr", "Deva"},
                          Case{"क्षत्रिय", kDevanagari, "ltr", "Deva"}}) {
        CAPTURE(c.text);
        const Shaped ours = shape(fonts, c.text);
        const std::vector<Glyph> theirs = hb_shape(c.font, c.text, c.dir, c.script);
        REQUIRE(!theirs.empty());
        REQUIRE(ours.glyphs.size() == theirs.size());
        std::int64_t width = 0;
        for (std::size_t i = 0; i < theirs.size(); ++i) {
            CAPTURE(i);
            CHECK(ours.glyphs[i].id == theirs[i].id);
            CHECK(ours.glyphs[i].advance == theirs[i].advance);
            CHECK(ours.glyphs[i].dx == theirs[i].dx);
            CHECK(ours.glyphs[i].dy == theirs[i].dy);
            CHECK(ours.glyphs[i].cluster == theirs[i].cluster);
            width += theirs[i].advance;
        }
        CHECK(ours.width_units == std::llround(static_cast<double>(width) * em_scale(fonts, ours.glyphs[0].piece)));
        CHECK_FALSE(ours.pending);
        CHECK_FALSE(ours.missing);
    }
}
#endif

TEST_CASE("Arabic letters take their joined forms; Devanagari forms a conjunct") {
    FontSet fonts;
    three_pieces(fonts);
    // محمد: four letters, none drawn in its isolated (nominal) form inside the word.
    const Shaped word = shape(fonts, "محمد");
    REQUIRE(word.glyphs.size() == 4);
    CHECK(word.rtl);
    CHECK(clusters(word) == std::vector<std::uint32_t>{3, 2, 1, 0}); // right to left
    CHECK(word.glyphs[3].id != fonts.glyph_of(1, 0x0645)); // initial meem
    CHECK(word.glyphs[2].id != fonts.glyph_of(1, 0x062D)); // medial hah
    // क्ष (ka, virama, ssa) is one conjunct glyph, not three.
    const Shaped ksha = shape(fonts, "क्ष");
    CHECK(ksha.glyphs.size() == 1);
    CHECK_FALSE(ksha.rtl);
}

// [SECTION] Direction
TEST_CASE("mixed-direction text is laid out in the bidi algorithm's visual order") {
    FontSet fonts;
    three_pieces(fonts);
    // Logical: محمد(0-3) space(4) ((5) MIT(6-8) )(9) space(10) 2021(11-14). The paragraph is
    // right to left; MIT and 2021 are left-to-right islands: on screen "2021 (MIT) دمحم".
    const Shaped s = shape(fonts, "محمد (MIT) 2021");
    CHECK(s.rtl);
    CHECK(clusters(s) == std::vector<std::uint32_t>{11, 12, 13, 14, 10, 9, 6, 7, 8, 5, 4, 3, 2, 1, 0});
    // The bracket before MIT on screen is ')' (logical 9) drawn mirrored as '('.
    const std::uint32_t open_paren_glyph = fonts.glyph_of(s.glyphs[5].piece, U'(');
    CHECK(s.glyphs[5].id == open_paren_glyph);
    // A left-to-right paragraph keeps an Arabic word as one right-to-left island.
    const Shaped l = shape(fonts, "Ali محمد Khan");
    CHECK_FALSE(l.rtl);
    CHECK(clusters(l) == std::vector<std::uint32_t>{0, 1, 2, 3, 7, 6, 5, 4, 8, 9, 10, 11, 12});
}

// [SECTION] Missing
TEST_CASE("a character no piece has is a box; one whose piece is not loaded is a box until it is") {
    FontSet fonts;
    three_pieces(fonts, false);
    const Shaped none = shape(fonts, "a\xE4\xB8\x80"); // a一: no CJK piece in this set
    REQUIRE(none.glyphs.size() == 2);
    CHECK(none.missing);
    CHECK(none.glyphs[1].id == 0); // .notdef: DejaVu's box
    CHECK(none.glyphs[1].advance > 0);

    // DejaVu has no Devanagari: until its piece is loaded, अनुराग is boxes.
    const std::uint32_t before = fonts.generation();
    const Shaped waiting = shape(fonts, "अनुराग");
    CHECK(waiting.pending);
    CHECK_FALSE(waiting.missing);
    for (const auto& g : waiting.glyphs) CHECK(g.id == 0);
    REQUIRE(fonts.load(2, bytes_of(kDevanagari)) == "");
    CHECK(fonts.generation() != before);
    const Shaped arrived = shape(fonts, "अनुराग");
    CHECK_FALSE(arrived.pending);
    for (const auto& g : arrived.glyphs) CHECK(g.id != 0);
    CHECK(arrived.glyphs[0].piece == 2);
}

// [SECTION] DisplayText
TEST_CASE("plain text passes through; shaped text becomes private-use codes for its glyphs") {
    FontSet fonts;
    three_pieces(fonts);
    DisplayText dt(fonts);
    dt.begin_frame();
    const std::string latin = "Zhezhi He — Müller, Ελληνικά";
    CHECK(dt.display(latin).data() == latin.data()); // the same bytes, no copy
    // A decomposed ü (u + U+0308) composes to the base font's ü: plain text again.
    CHECK(dt.display("Mu\xCC\x88ller") == "M\xC3\xBCller");
    // Arabic: four glyph codes; the mixed string keeps its Latin as plain characters.
    const std::string_view arabic = dt.display("محمد");
    const Decoded d = decode(arabic);
    REQUIRE(d.cps.size() == 4);
    for (const char32_t cp : d.cps) {
        REQUIRE(dt.codes().glyph(cp) != nullptr);
        CHECK(dt.codes().glyph(cp)->piece == 1);
    }
    // The same glyph twice is one code; a cached string is the same string.
    CHECK(dt.display("محمد").data() == arabic.data());
    const std::size_t codes = dt.codes().size();
    dt.display("محمد محمد");
    CHECK(dt.codes().size() == codes + 1); // only the space inside Arabic is new
    const std::string_view mixed = dt.display("محمد (MIT) 2021");
    CHECK(mixed.substr(0, 5) == "2021 ");
    CHECK(mixed.find("MIT") != std::string_view::npos);
    CHECK(dt.codes().glyph(0x41) == nullptr);
}

TEST_CASE("invalid UTF-8 decodes to U+FFFD one byte at a time") {
    const Decoded d = decode("a\xC3\x28\xED\xA0\x80\xF0\x9F\x98\x80z\xE2");
    CHECK(d.cps == std::vector<char32_t>{U'a', 0xFFFD, U'(', 0xFFFD, 0xFFFD, 0xFFFD, 0x1F600, U'z', 0xFFFD});
    CHECK(d.offsets.back() == 12);
}

// [SECTION] Ellipsis
TEST_CASE("a long label is cut by its shaped width, between clusters, with an ellipsis at its logical end") {
    FontSet fonts;
    four_pieces(fonts);
    const std::string ell = "\xE2\x80\xA6";
    struct Case { std::string text, prefix; };
    // Devanagari: a cut after a whole syllable (द्यो: consonant, virama, consonant, vowel
    // sign); CJK: between ideographs; Arabic: after a word.
    for (const Case& c : {Case{"محمد عبد الرحمن", "محمد عبد"},
                          Case{"भारतीय प्रौद्योगिकी संस्थान दिल्ली", "भारतीय प्रौद्यो"},
                          Case{"深度学习在图神经网络中的应用", "深度学习在图"}}) {
        CAPTURE(c.text);
        const std::int64_t full = drawn_width(fonts, c.text);
        // Exactly the width of prefix + "…": that prefix, and nothing longer, fits.
        const std::int64_t limit = drawn_width(fonts, c.prefix + ell);
        REQUIRE(limit < full);
        const Fitted f = fit_width(fonts, c.text, limit);
        CHECK(f.cut);
        CHECK(f.text == c.prefix + ell);
        CHECK(f.width == limit);
        CHECK(fit_width(fonts, c.text, full).text == c.text); // fits: untouched

        // Every limit: at most that wide, the longest logical prefix that fits (found here
        // by trying every cut), an ellipsis, no broken cluster.
        const Decoded d = decode(c.text);
        const Shaped whole = shape(fonts, c.text);
        const std::vector<std::uint32_t> cuts = cut_points(d, whole);
        int reshaped = 0; // cuts where the last letter took another form than in the whole
        for (std::int64_t lim = full / 4; lim < full; lim += full / 40) {
            CAPTURE(lim);
            const Fitted g = fit_width(fonts, c.text, lim);
            CHECK(g.width <= lim);
            CHECK(drawn_width(fonts, g.text) == g.width);
            std::string longest;
            for (const std::uint32_t k : cuts) {
                std::string p = c.text.substr(0, d.offsets[k]);
                while (!p.empty() && p.back() == ' ') p.pop_back();
                if (drawn_width(fonts, p + ell) <= lim && p.size() > longest.size()) longest = p;
            }
            CHECK(g.text == longest + ell);
            std::size_t k = 0;
            while (k < d.cps.size() && d.offsets[k] < longest.size()) ++k;
            if (k < d.cps.size()) {
                CHECK(d.cps[k] != 0x094D);     // not before a virama
                CHECK(d.cps[k - 1] != 0x094D); // nor after one (a conjunct's half)
                CHECK(!(d.cps[k] >= 0x093E && d.cps[k] <= 0x094C)); // nor before a vowel sign
                CHECK(!(d.cps[k] >= 0x064B && d.cps[k] <= 0x065F)); // nor before a haraka
            }
            const Shaped cut = shape(fonts, g.text);
            for (const Glyph& gc : cut.glyphs)
                for (const Glyph& gw : whole.glyphs)
                    if (k > 0 && gc.cluster == k - 1 && gw.cluster == k - 1 && gc.id != gw.id) ++reshaped;
            if (whole.rtl) CHECK(cut.glyphs.front().cluster == decode(g.text).cps.size() - 1); // "…" leftmost
        }
        if (whole.rtl) CHECK(reshaped > 0); // some cut Arabic letter took its final form
    }
    // A right-to-left label cut before its first letter stays right to left (a mark).
    const Fitted num = fit_width(fonts, "2021 محمد عبد الرحمن", drawn_width(fonts, "2021" + ell) + 1);
    CHECK(num.text == "\xE2\x80\x8F" "2021" + ell);
    // Latin: nominal advances, the text cut at a letter, the space before the cut dropped.
    const std::string title = "Graph learning at scale";
    const Fitted latin = fit_width(fonts, title, drawn_width(fonts, "Graph learning" + ell));
    CHECK(latin.text == "Graph learning" + ell);
    CHECK(fit_width(fonts, title, 1).text == ell);
}

TEST_CASE("cut points keep graphemes whole: marks, joiners, flags") {
    FontSet fonts;
    four_pieces(fonts);
    // Zoë with a combining diaeresis: no cut between e and U+0308.
    const std::string zoe = "Zoe\xCC\x88 D";
    const Decoded d = decode(zoe);
    CHECK(cut_points(d, shape(fonts, zoe)) == std::vector<std::uint32_t>{1, 2, 4, 5});
    // Two flags (regional indicator pairs) and a ZWJ family: cuts only between whole ones.
    const std::string flags = "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5\xF0\x9F\x87\xB0\xF0\x9F\x87\xB7"
                              "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
    const Decoded f = decode(flags);
    Shaped none; // no glyphs: every code point starts a cluster, only the grapheme rules apply
    CHECK(cut_points(f, none) == std::vector<std::uint32_t>{2, 4});
}

// [SECTION] Paragraphs
namespace {
// UAX #9's order for one line of a paragraph: levels for the whole paragraph, the line
// reordered on its own; logical code point indices (in the paragraph) left to right.
std::vector<std::uint32_t> uax9_line(const Decoded& para, std::uint32_t first, std::uint32_t last) {
    const auto n = static_cast<FriBidiStrIndex>(para.cps.size());
    std::vector<FriBidiChar> chars(para.cps.begin(), para.cps.end());
    std::vector<FriBidiCharType> types(n);
    std::vector<FriBidiBracketType> brackets(n);
    std::vector<FriBidiLevel> levels(n);
    fribidi_get_bidi_types(chars.data(), n, types.data());
    fribidi_get_bracket_types(chars.data(), n, types.data(), brackets.data());
    FriBidiParType dir = FRIBIDI_PAR_ON;
    REQUIRE(fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &dir, levels.data()) != 0);
    std::vector<FriBidiStrIndex> map(n);
    for (FriBidiStrIndex k = 0; k < n; ++k) map[k] = k;
    REQUIRE(fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, types.data(), static_cast<FriBidiStrIndex>(last - first),
                                 static_cast<FriBidiStrIndex>(first), dir, levels.data(), nullptr, map.data()) != 0);
    return {map.begin() + first, map.begin() + last};
}
} // namespace

TEST_CASE("a right-to-left paragraph wraps on its logical text; each line in the paragraph's order") {
    FontSet fonts;
    four_pieces(fonts);
    // تحليل الشبكات Graph Neural Networks 2021 محمد (MIT)
    const std::string para = "تحليل الشبكات Graph Neural Networks 2021 محمد (MIT)";
    const std::string first = "تحليل الشبكات Graph";
    const std::int64_t max = drawn_width(fonts, first) + 20; // " Neural" does not fit
    const Paragraphs p = wrap(fonts, para, max);
    REQUIRE(p.lines.size() >= 2);
    std::vector<std::string> texts;
    for (const Line& l : p.lines) texts.push_back(para.substr(l.begin, l.end - l.begin));
    CHECK(texts.front() == first); // the logical start first, whatever the screen order
    std::string joined;
    for (const std::string& t : texts) joined += (joined.empty() ? "" : " ") + t;
    CHECK(joined == para);
    const Decoded d = decode(para);
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        const Line& l = p.lines[i];
        CAPTURE(texts[i]);
        CHECK(p.rtl[i]); // every line right to left, also one that starts with "Neural"
        CHECK(l.width <= max);
        CHECK(l.width == drawn_width(fonts, l.text));
        // The shaped line's glyphs in UAX #9's order for that line of the paragraph.
        std::uint32_t a = 0;
        while (d.offsets[a] < l.begin) ++a;
        std::uint32_t b = a;
        while (d.offsets[b] < l.end) ++b;
        const bool mark = l.text.rfind("\xE2\x80\x8F", 0) == 0;
        std::vector<std::uint32_t> ours;
        for (const Glyph& g : shape(fonts, l.text).glyphs) {
            if (mark && g.cluster == 0) continue; // the direction mark
            ours.push_back(a + g.cluster - (mark ? 1 : 0));
        }
        CHECK(ours == uax9_line(d, a, b));
    }
    // The second line, "Neural Networks 2021 ...", needs the mark to stay right to left:
    // its "2021" then stands left of "Neural" as in the paragraph.
    CHECK(p.lines[1].text.rfind("\xE2\x80\x8F", 0) == 0);
    // "محمد (MIT) 2021" alone, narrow: two lines, brackets and number in visual order.
    const Paragraphs m = wrap(fonts, "محمد (MIT) 2021", drawn_width(fonts, "محمد (MIT)") + 5);
    REQUIRE(m.lines.size() == 2);
    CHECK(m.lines[0].text == "محمد (MIT)");
    CHECK(m.lines[1].text == "\xE2\x80\x8F" "2021");
    CHECK(clusters(shape(fonts, m.lines[0].text)) == std::vector<std::uint32_t>{9, 6, 7, 8, 5, 4, 3, 2, 1, 0});
}

TEST_CASE("CJK wraps between characters, never before closing punctuation; newlines end paragraphs") {
    FontSet fonts;
    four_pieces(fonts);
    const std::string text = "深度学习在图神经网络中的应用。\nAbc";
    const std::int64_t seven = drawn_width(fonts, "深度学习在图神");
    const Paragraphs p = wrap(fonts, text, seven);
    std::vector<std::string> lines;
    for (const Line& l : p.lines) lines.push_back(text.substr(l.begin, l.end - l.begin));
    CHECK(lines == std::vector<std::string>{"深度学习在图神", "经网络中的应", "用。", "Abc"});
    for (const Line& l : p.lines) CHECK(l.width <= seven);
    CHECK_FALSE(p.rtl[0]);
    // A word wider than the line is cut between its clusters.
    const Paragraphs w = wrap(fonts, "प्रौद्योगिकी", drawn_width(fonts, "प्रौद्यो"));
    std::vector<std::string> parts;
    for (const Line& l : w.lines) parts.push_back(l.text);
    CHECK(parts == std::vector<std::string>{"प्रौद्यो", "गि", "की"}); // गिकी is wider than प्रौद्यो
}

// [SECTION] Language
TEST_CASE("a label's language for exports comes from its script") {
    CHECK(language_of("さとう たける") == "ja");
    CHECK(language_of("グラフ理論による共著") == "ja");
    CHECK(language_of("박지성") == "ko");
    CHECK(language_of("王小明") == "zh");
    CHECK(language_of("محمد (MIT) 2021") == "und-Arab");
    CHECK(language_of("अनुराग शर्मा") == "und-Deva");
    CHECK(language_of("Zoë Dvořák") == "");
    CHECK(language_of("2021") == "");
    CHECK(paragraph_rtl("2021 محمد"));
    CHECK_FALSE(paragraph_rtl("Ali محمد"));
}

} // TEST_SUITE
