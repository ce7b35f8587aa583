// test_search.cpp — fuzzy label search.
//
// Index
//   Folding       case, accents, Greek, Cyrillic, expansions, invalid UTF-8
//   Every script  full case folding, compatibility forms, Turkish i, Arabic, Hebrew, CJK
//   Ranking       prefix / word start / contiguous beat scattered matches; tie order
//   Highlights    byte ranges on the original label
//   CJK matching  Han, kana, Hangul anywhere in a label; word starts
//   Alternative names   label or attrs.alt_labels; which one matched, its ranges
//   Edge cases    empty query, terms, limits, invalid UTF-8 labels, a big index
#include "core/search.h"

#include "core/graph.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace rgv;

namespace {

std::vector<std::uint32_t> indices(const std::vector<SearchHit>& hits) {
    std::vector<std::uint32_t> out;
    for (const auto& h : hits) out.push_back(h.index);
    return out;
}

using Ranges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

} // namespace

TEST_SUITE("search") {

// [SECTION] Folding
TEST_CASE("folding: case, Latin accents, expansions") {
    CHECK(fold_for_search("Zhezhi HE") == "zhezhi he");
    CHECK(fold_for_search("Àéîõü Çñ Ø") == "aeiou cn o");
    CHECK(fold_for_search("Łukasz Żółć") == "lukasz zolc");
    CHECK(fold_for_search("Straße Æsir Œuvre") == "strasse aesir oeuvre");
    CHECK(fold_for_search("Dvořák Erdős") == "dvorak erdos");
    // Decomposed é (e + U+0301) folds like the precomposed one.
    CHECK(fold_for_search("Jose\xCC\x81") == "jose");
    CHECK(fold_for_search("× ÷") == "× ÷");
}

TEST_CASE("folding: Greek and Cyrillic") {
    CHECK(fold_for_search("ΑΛΦΑ Ωμέγα") == "αλφα ωμεγα");
    CHECK(fold_for_search("Σοφός") == "σοφοσ");
    CHECK(fold_for_search("МОСКВА Ёлка") == "москва елка");
    // Cyrillic letters with a diacritic lose it like Latin ones do: ї -> і, й -> и.
    CHECK(fold_for_search("Їжак Йошкар") == "іжак иошкар");
}

TEST_CASE("folding: invalid UTF-8 becomes U+FFFD, one per bad byte") {
    CHECK(fold_for_search("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(fold_for_search("\xC3") == "\xEF\xBF\xBD");                 // truncated sequence
    CHECK(fold_for_search("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // overlong
    CHECK(fold_for_search("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
    CHECK(fold_for_search("") == "");
}

// [SECTION] Every script
TEST_CASE("folding: full case folding beyond ASCII, compatibility forms") {
    CHECK(fold_for_search("STRASSE Straße STRAẞE") == "strasse strasse strasse");
    CHECK(fold_for_search("ΣΟΦΟΣ σοφος σοφοσ") == "σοφοσ σοφοσ σοφοσ"); // final sigma is sigma
    CHECK(fold_for_search("ՀԱՅԱՍՏԱՆ Երևան") == "հայաստան երեւան");    // Armenian; և is ե + ւ
    CHECK(fold_for_search("ᏣᎳᎩ ꮳꮃꭹ") == "ᏣᎳᎩ ᏣᎳᎩ"); // Cherokee folds to its capitals (Unicode's rule)
    CHECK(fold_for_search("ＡＢＣ１２３　ｘ") == "abc123 x");  // fullwidth, ideographic space
    CHECK(fold_for_search("ﬁnance ﬂow ǅ ① ㎏ ℌ") == "finance flow dz 1 kg h");
    CHECK(fold_for_search("ſ µ Å") == "s μ a"); // long s, micro sign (-> Greek mu), angstrom sign
    // Letters Unicode does not decompose, by their names (ł = L WITH STROKE).
    CHECK(fold_for_search("Łódź Đorđe Øre Ħal Ŧ ɨ") == "lodz dorde ore hal t i");
    // Format characters are dropped; a spacing accent alone is kept (not a blank).
    CHECK(fold_for_search("ab\xE2\x80\x8D" "c so\xC2\xAD" "ft") == "abc soft"); // ZWJ, soft hyphen
    CHECK(fold_for_search("O´Neil") == "o´neil");
}

TEST_CASE("folding: Turkish dotted and dotless i all fold to i") {
    // Search is not language-specific: İ, I, ı and i are one letter to it, so "kilic" finds
    // Kılıç and "ISPARTA" finds Isparta typed either way. (A Turkish-aware fold would keep
    // ı apart from i; a searcher typing on a non-Turkish keyboard expects this one.)
    CHECK(fold_for_search("İI ıi") == "ii ii");
    CHECK(fold_for_search("Kılıç İstanbul") == "kilic istanbul");
    SearchIndex index;
    index.build({"Kılıç", "İstanbul", "ISPARTA"});
    CHECK(indices(index.search("kilic")) == std::vector<std::uint32_t>{0});
    CHECK(indices(index.search("KILIÇ")) == std::vector<std::uint32_t>{0});
    CHECK(indices(index.search("istanbul")) == std::vector<std::uint32_t>{1});
    CHECK(indices(index.search("ısparta")) == std::vector<std::uint32_t>{2});
}

TEST_CASE("diacritics are ignored: Muller finds Müller, Sao finds São, Dvorak finds Dvořák") {
    SearchIndex index;
    index.build({"Thomas Müller", "São Paulo", "Antonín Dvořák", "Nguyễn Thị Minh Khai", "Mu\xCC\x88ller"});
    auto hits = index.search("Muller");
    REQUIRE(hits.size() == 2);
    CHECK(indices(hits) == std::vector<std::uint32_t>{4, 0}); // the prefix match first
    CHECK(hits[0].ranges == Ranges{{0, 8}});  // decomposed: u + U+0308 highlights as one
    CHECK(hits[1].ranges == Ranges{{7, 14}}); // ü is two bytes
    CHECK(indices(index.search("müller")) == std::vector<std::uint32_t>{4, 0});
    CHECK(indices(index.search("sao")) == std::vector<std::uint32_t>{1});
    CHECK(indices(index.search("SÃO PAULO")) == std::vector<std::uint32_t>{1});
    CHECK(indices(index.search("dvorak")) == std::vector<std::uint32_t>{2});
    CHECK(indices(index.search("antonin")) == std::vector<std::uint32_t>{2});
    CHECK(indices(index.search("nguyen thi")) == std::vector<std::uint32_t>{3});
    // Ligatures: "fish" finds "ﬁsh"; both f and i point at the three bytes of ﬁ.
    index.build({"ﬁsh"});
    hits = index.search("fish");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].ranges == Ranges{{0, 5}});
}

TEST_CASE("Arabic: harakat and tatweel are ignored, both ways") {
    // م ُ ح َ م ّ َ د: damma, fatha, shadda, fatha between the letters (two bytes each).
    const std::string voweled = "\xD9\x85\xD9\x8F\xD8\xAD\xD9\x8E\xD9\x85\xD9\x91\xD9\x8E\xD8\xAF";
    CHECK(fold_for_search(voweled) == "محمد");
    CHECK(fold_for_search("محـــمد") == "محمد"); // tatweel
    // Hamza above / below and madda are marks too: alef's variants fold to alef.
    CHECK(fold_for_search("أحمد إبراهيم آمنة") == "احمد ابراهيم امنة");
    SearchIndex index;
    index.build({voweled + " عَبْدُالله", "محمد عبدالله", "أحمد"});
    CHECK(indices(index.search("محمد")) == std::vector<std::uint32_t>{0, 1});
    CHECK(indices(index.search(voweled)) == std::vector<std::uint32_t>{0, 1});
    CHECK(indices(index.search("عبدالله")) == std::vector<std::uint32_t>{0, 1});
    CHECK(indices(index.search("احمد")) == std::vector<std::uint32_t>{2});
    // Highlights take in the marks between matched letters, not the one before them.
    const auto hits = index.search("حمد");
    CHECK(indices(hits) == std::vector<std::uint32_t>{2, 0, 1}); // أحمد is the shortest
    REQUIRE(hits.size() == 3);
    CHECK(hits[1].ranges == Ranges{{4, 16}});
}

TEST_CASE("Hebrew: niqqud is ignored") {
    CHECK(fold_for_search("שָׁלוֹם") == "שלום");
    SearchIndex index;
    index.build({"שָׁלוֹם עֲלֵיכֶם", "שלום"});
    CHECK(indices(index.search("שלום")) == std::vector<std::uint32_t>{1, 0});
    CHECK(indices(index.search("עליכם")) == std::vector<std::uint32_t>{0});
}

TEST_CASE("Indic scripts keep their vowel signs") {
    // Devanagari vowel signs and virama spell different words: they are not diacritics.
    CHECK(fold_for_search("अनुराग शर्मा") == "अनुराग शर्मा");
    SearchIndex index;
    index.build({"अनुराग शर्मा", "शरम"});
    CHECK(indices(index.search("शर्मा")) == std::vector<std::uint32_t>{0});
}

// [SECTION] Ranking
TEST_CASE("prefix and word starts beat scattered matches") {
    SearchIndex index;
    index.build({"Chachi Zhezhi", "Zhezhi He", "xzxhxe", "Shezhi Hax"});
    const auto hits = index.search("zhe", 10);
    REQUIRE(hits.size() == 3);
    CHECK(hits[0].index == 1); // prefix
    CHECK(hits[1].index == 0); // word start
    CHECK(hits[2].index == 2); // scattered
    CHECK(hits[0].score > hits[1].score);
    CHECK(hits[1].score > hits[2].score);
}

TEST_CASE("contiguous beats gapped; accents and case do not matter") {
    SearchIndex index;
    index.build({"Neural Network Pruning", "Non-Structured DNN Weight Pruning", "Émile Pruñing"});
    auto hits = index.search("PRUNING", 10);
    REQUIRE(hits.size() == 3);
    // All three match at a word start; the earlier start wins (the leading-gap charge is
    // capped, so the last two tie and the shorter label comes first).
    CHECK(hits[0].score > hits[1].score);
    CHECK(hits[1].score == hits[2].score);
    CHECK(indices(hits) == std::vector<std::uint32_t>{2, 0, 1});
    hits = index.search("nnp", 10);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].index == 0); // N(eural) N(etwork) P(runing): three word starts
}

TEST_CASE("terms match in any order and all must match") {
    SearchIndex index;
    index.build({"Adnan Siraj Rakin", "Deliang Fan", "Rakin Adnan"});
    CHECK(indices(index.search("rakin adnan", 10)) == std::vector<std::uint32_t>{2, 0});
    CHECK(index.search("rakin fan", 10).empty());
    CHECK(indices(index.search("  fan  ", 10)) == std::vector<std::uint32_t>{1});
}

TEST_CASE("ties are ordered by label length, then index") {
    SearchIndex index;
    index.build({"abc", "ab", "abc", "ab"});
    CHECK(indices(index.search("ab", 10)) == std::vector<std::uint32_t>{1, 3, 0, 2});
    CHECK(indices(index.search("ab", 2)) == std::vector<std::uint32_t>{1, 3});
}

// [SECTION] Highlights
TEST_CASE("ranges are byte ranges of the original label, merged") {
    SearchIndex index;
    index.build({"Zhezhi He", "Émile Zola", "Straße"});
    auto hits = index.search("zhe he", 5);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].ranges == Ranges{{0, 3}, {7, 9}});
    hits = index.search("emz", 5);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].ranges == Ranges{{0, 3}, {7, 8}}); // É is two bytes
    hits = index.search("strass", 5);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].ranges == Ranges{{0, 6}}); // both s of ß point at its two bytes
    hits = index.search("sse", 5);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].ranges == Ranges{{0, 1}, {4, 7}}); // the word start S, then the second s of ß + e
}

TEST_CASE("ranges fall on UTF-8 boundaries in every script") {
    const std::vector<std::string> labels = {
        "王小明", "박지성", "さとう たける", "محمد عبدالله", "مُحَمَّد", "अनुराग शर्मा", "Dvořák",
        "Straße", "ﬁsh", "שָׁלוֹם", "ｶﾞｶﾞ", "Σοφός", "e\xCC\x81" "e\xCC\x81", "ＡＢＣ", "İzmir"};
    SearchIndex index;
    index.build(labels, {{"Wang Xiaoming"}, {"Park Ji-sung"}});
    auto continuation = [](const std::string& s, std::size_t at) {
        return at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80;
    };
    std::size_t checked = 0;
    for (const char* q : {"小明", "지성", "たける", "محمد", "शर्मा", "dvorak", "ss", "fi", "שלום", "ガ", "σοφοσ",
                          "ee", "abc", "izmir", "a", "i", "م", "wang", "park"}) {
        for (const SearchHit& h : index.search(q, 50)) {
            const std::string& s = h.alt < 0 ? labels[h.index] : h.alt_text;
            for (const auto& [b, e] : h.ranges) {
                CAPTURE(q);
                CAPTURE(s);
                CHECK(b < e);
                CHECK(e <= s.size());
                CHECK_FALSE(continuation(s, b));
                CHECK_FALSE(continuation(s, e));
                ++checked;
            }
        }
    }
    CHECK(checked >= 25);
}


// [SECTION] CJK matching
TEST_CASE("Han: a query matches anywhere in a label, Han left as it is") {
    CHECK(fold_for_search("王小明") == "王小明");
    SearchIndex index;
    index.build({"王小明", "李小龙", "小林", "Wang Xiaoming"});
    auto hits = index.search("小明");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].index == 0);
    CHECK(hits[0].ranges == Ranges{{3, 9}}); // three bytes per character
    CHECK(indices(index.search("明")) == std::vector<std::uint32_t>{0});
    CHECK(indices(index.search("小")) == std::vector<std::uint32_t>{2, 0, 1}); // the prefix first
    CHECK(indices(index.search("王明")) == std::vector<std::uint32_t>{0});     // a subsequence too
}

TEST_CASE("CJK word starts: every character starts a word") {
    SearchIndex index;
    index.build({"王小明"});
    // 小 and 明 each: 16 for the match + 8 for a word start; +5 consecutive; -1 for the one
    // character skipped before the match. (Without word starts in CJK: 36.)
    const auto hits = index.search("小明");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].score == 52);
    // A Latin word right after Han starts a word too: no space needed.
    index.build({"東京University", "東京xuniversity"});
    const auto u = index.search("u");
    REQUIRE(u.size() == 2);
    CHECK(u[0].index == 0);
    CHECK(u[0].score == 22); // 16 + 8 word start - 2 skipped
    CHECK(u[1].score == 13); // 16 - 3 skipped
    CHECK(u[0].ranges == Ranges{{6, 7}});
}

TEST_CASE("Hangul: syllables stay whole, a given name finds the full name") {
    CHECK(fold_for_search("박지성") == "박지성");
    SearchIndex index;
    index.build({"박지성", "지성 김", "Park Ji-sung"});
    const auto hits = index.search("지성");
    CHECK(indices(hits) == std::vector<std::uint32_t>{1, 0});
    REQUIRE(hits.size() == 2);
    CHECK(hits[1].ranges == Ranges{{3, 9}});
    // Syllables are not decomposed: the jamo ㅂ is not a part of 박 to search.
    CHECK(index.search("ㅂ").empty());
    // Conjoining jamo (박 decomposed: ᄇ ᅡ ᆨ) compose, so they fold like the syllable.
    CHECK(fold_for_search("\xE1\x84\x87\xE1\x85\xA1\xE1\x86\xA8") == "박");
    index.build({"\xE1\x84\x87\xE1\x85\xA1\xE1\x86\xA8"});
    const auto jamo = index.search("박");
    REQUIRE(jamo.size() == 1);
    CHECK(jamo[0].ranges == Ranges{{0, 9}});
}

TEST_CASE("kana: voicing marks kept, half-width folds to full-width") {
    CHECK(fold_for_search("さとう たける") == "さとう たける");
    CHECK(fold_for_search("が") == "が"); // not か: the voicing mark makes another sound
    CHECK(fold_for_search("か\xE3\x82\x99") == "が"); // か + combining U+3099 composes
    CHECK(fold_for_search("ｻﾄｳ ｶﾞ") == "サトウ ガ");
    SearchIndex index;
    index.build({"さとう たける", "サトウ タケル", "ｻﾄｳ ﾀｹﾙ", "かとう"});
    CHECK(indices(index.search("たける")) == std::vector<std::uint32_t>{0});
    CHECK(indices(index.search("サトウ")) == std::vector<std::uint32_t>{1, 2});
    CHECK(index.search("がとう").empty());
    const auto hits = index.search("タケル");
    REQUIRE(hits.size() == 2);
    CHECK(hits[1].ranges == Ranges{{10, 19}}); // half-width katakana are three bytes too
}

// [SECTION] Alternative names
TEST_CASE("alternative names: the Latin spelling finds the native one, and back") {
    SearchIndex index;
    index.build({"王小明", "Wang Xiaoming", "Li Wei"}, {{"Wang Xiaoming", "Xiaoming Wang"}, {"王小明"}});
    auto hits = index.search("wang xiaoming");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].index == 0); // same string, same score: the smaller index first
    CHECK(hits[0].alt == 0);
    CHECK(hits[0].alt_text == "Wang Xiaoming");
    CHECK(hits[0].ranges == Ranges{{0, 4}, {5, 13}}); // of "Wang Xiaoming", not of 王小明
    CHECK(hits[1].index == 1);
    CHECK(hits[1].alt == -1);
    CHECK(hits[1].alt_text.empty());
    hits = index.search("小明");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].index == 0);
    CHECK(hits[0].alt == -1);
    CHECK(hits[1].index == 1);
    CHECK(hits[1].alt == 0);
    CHECK(hits[1].alt_text == "王小明");
    CHECK(hits[1].ranges == Ranges{{3, 9}});
    // A node is listed once, through its best string: "xiaoming" is a prefix of alt 1.
    hits = index.search("xiaoming");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].index == 0);
    CHECK(hits[0].alt == 1);
    CHECK(hits[0].ranges == Ranges{{0, 8}});
    CHECK(indices(index.search("li wei")) == std::vector<std::uint32_t>{2});
}

TEST_CASE("alternative names from a graph: attrs.alt_labels") {
    Graph g;
    g.add_node("a", "person", "王小明",
               {{"alt_labels", {"Wang Xiaoming", 7, "", "王小明", "Wang Xiaoming", "Xiao-Ming Wang"}}});
    g.add_node("b", "person", "Müller", {{"alt_labels", "Mueller, not an array"}});
    g.add_node("c", "work", "Graph drawing");
    SearchIndex index;
    index.build(g);
    CHECK(index.size() == 3);
    // k is the position in attrs.alt_labels: the number, the empty string, the label and
    // the repeat are not indexed, and they keep their places.
    auto hits = index.search("xiao-ming");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].alt == 5);
    CHECK(hits[0].alt_text == "Xiao-Ming Wang");
    hits = index.search("wang");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].alt == 0); // "Wang Xiaoming": the prefix beats "... Wang"
    CHECK(index.search("array").empty());
    hits = index.search("muller");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].index == 1);
    CHECK(hits[0].alt == -1);
    // Plain labels: no hit names an alternative.
    index.build(g.node_label);
    CHECK(index.search("wang").empty());
    for (const SearchHit& h : index.search("g")) CHECK(h.alt == -1);
}

// [SECTION] Edge cases
TEST_CASE("empty query, zero results wanted, empty index") {
    SearchIndex index;
    CHECK(index.search("a").empty());
    index.build({"alpha", ""});
    CHECK(index.size() == 2);
    CHECK(index.search("").empty());
    CHECK(index.search(" \t ").empty());
    CHECK(index.search("a", 0).empty());
    CHECK(index.search("alphabet").empty());
}

TEST_CASE("invalid UTF-8 in labels and queries never crashes and never matches bytes") {
    SearchIndex index;
    index.build({"ab\xFF\xFE" "cd", "\xF0\x9F\x98", "\xC3", "ok \xE2\x82"});
    auto hits = index.search("abcd");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].ranges == Ranges{{0, 2}, {4, 6}});
    CHECK(indices(index.search("ok")) == std::vector<std::uint32_t>{3});
    // U+FFFD in a query matches the replacement of invalid bytes; harmless either way.
    CHECK(!index.search("\xFF").empty());
    CHECK(index.search("\xC3\xA9").empty()); // é: nothing has an e
    // The same in alternative spellings, and a query that is only marks or ignorables.
    index.build({"x"}, {{"ab\xFF" "cd", "\xE0\xA4", "\xCC\x81\xCC\x81"}});
    hits = index.search("abcd");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].alt == 0);
    CHECK(hits[0].ranges == Ranges{{0, 2}, {3, 5}});
    CHECK(index.search("\xCC\x81").empty());
    CHECK(index.search("\xD9\x80\xE2\x80\x8D").empty()); // tatweel, ZWJ: nothing to match
    CHECK(fold_for_search("\xCC\x81" "a") == "a"); // a mark with no base before it
}

TEST_CASE("long labels and queries are cut, not slow") {
    std::string long_label(5000, 'x');
    long_label += "needle";
    SearchIndex index;
    index.build({long_label, "needle"});
    CHECK(indices(index.search("needle")) == std::vector<std::uint32_t>{1}); // past 256 chars
    CHECK(index.search(std::string(10000, 'x')).size() == 1);
}

TEST_CASE("three thousand labels: the exact match comes first") {
    std::vector<std::string> labels;
    for (int i = 0; i < 3000; ++i) labels.push_back("Author number " + std::to_string(i));
    labels.push_back("Zhezhi He");
    SearchIndex index;
    index.build(labels);
    const auto hits = index.search("zhezhi", 3);
    REQUIRE(!hits.empty());
    CHECK(hits[0].index == 3000);
    CHECK(index.search("number 2999", 1)[0].index == 2999);
}

} // TEST_SUITE
