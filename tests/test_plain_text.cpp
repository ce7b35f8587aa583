// test_plain_text.cpp — plain_text(): titles and abstracts as the sources give them
// (JATS, HTML, LaTeX) -> readable text. The examples are shaped after real records:
// Crossref / OpenAlex JATS abstracts, arXiv abstracts, publishers' HTML titles.
//
// Index
//   Plain text passes through
//   HTML and JATS
//   Entities
//   LaTeX
//   Whitespace
//   Robustness
#include "core/plain_text.h"

#include <doctest/doctest.h>

using rgv::plain_text;

// [SECTION] Plain text passes through
TEST_CASE("plain_text: text without markup is unchanged") {
    CHECK(plain_text("The state of OA: a large-scale analysis") == "The state of OA: a large-scale analysis");
    CHECK(plain_text("p < 0.05 and q > 1") == "p < 0.05 and q > 1");
    CHECK(plain_text("Costs $5 and $10 a year") == "Costs $5 and $10 a year");
    CHECK(plain_text("AT&T, R&D") == "AT&T, R&D");
    CHECK(plain_text("王小明 · Ωmega") == "王小明 · Ωmega");
    CHECK(plain_text("") == "");
}

// [SECTION] HTML and JATS
TEST_CASE("plain_text: JATS abstracts as Crossref and OpenAlex give them") {
    CHECK(plain_text("<jats:title>Abstract</jats:title><jats:p>Despite growing interest in Open Access "
                     "(OA), there is an unmet need.</jats:p>") ==
          "Despite growing interest in Open Access (OA), there is an unmet need.");
    CHECK(plain_text("<jats:sec><jats:title>Background</jats:title><jats:p>One.</jats:p></jats:sec>"
                     "<jats:sec><jats:title>Methods</jats:title><jats:p>Two <jats:italic>in vivo</jats:italic>.</jats:p></jats:sec>") ==
          "Background\nOne.\nMethods\nTwo in vivo.");
}

TEST_CASE("plain_text: HTML tags, sub- and superscripts") {
    CHECK(plain_text("Effects of <i>Arabidopsis</i> on CO<sub>2</sub> uptake") == "Effects of Arabidopsis on CO₂ uptake");
    CHECK(plain_text("Area in m<sup>2</sup>, 10<sup>-3</sup> s") == "Area in m², 10⁻³ s");
    CHECK(plain_text("H<sub>eff</sub> field") == "Heff field"); // no subscript letters: the text
    CHECK(plain_text("First line<br/>second line<br>third") == "First line\nsecond line\nthird");
    CHECK(plain_text("<p>One.</p><p>Two.</p>") == "One.\nTwo.");
    CHECK(plain_text("<b>Bold</b> <SPAN class=\"x\">span</SPAN>") == "Bold span");
    CHECK(plain_text("a <!-- note --> b") == "a b");
    CHECK(plain_text("<script>alert(1)</script>Title") == "Title");
}

// [SECTION] Entities
TEST_CASE("plain_text: entities") {
    CHECK(plain_text("Rock &amp; roll &lt;3 &gt; all") == "Rock & roll <3 > all");
    CHECK(plain_text("It&#39;s Smith&#x2019;s &quot;law&quot;") == "It's Smith’s \"law\"");
    CHECK(plain_text("pages 10&#x2013;20 &mdash; and &hellip;") == "pages 10–20 — and …");
    CHECK(plain_text("Schr&ouml;dinger, Montr&eacute;al, &alpha;-helix") == "Schrödinger, Montréal, α-helix");
    CHECK(plain_text("a&nbsp;b") == "a b");
    CHECK(plain_text("&unknown; &#xZZ; & alone") == "&unknown; &#xZZ; & alone");
    CHECK(plain_text("&#0; &#x110000;") == "\xEF\xBF\xBD \xEF\xBF\xBD"); // not characters: U+FFFD
    CHECK(plain_text("&lt;i&gt;kept&lt;/i&gt;") == "<i>kept</i>"); // escaped markup is text
}

// [SECTION] LaTeX
TEST_CASE("plain_text: arXiv-style LaTeX") {
    CHECK(plain_text("We study \\textit{in situ} and \\emph{ab initio} methods \\textbf{fast}.") ==
          "We study in situ and ab initio methods fast.");
    CHECK(plain_text("as shown before \\cite{smith2020, doe2019}. Also \\citep[p.~3]{x} here") ==
          "as shown before. Also here");
    CHECK(plain_text("an $O(n \\log n)$ algorithm with $\\alpha \\leq 0.5$") == "an O(n log n) algorithm with α ≤ 0.5");
    CHECK(plain_text("error $\\epsilon^2$ and $x_{i}$, $x_{ij}$, $2^{n+1}$") == "error ε² and x_i, x_(ij), 2^(n+1)");
    CHECK(plain_text("pages 1--10 --- a dash") == "pages 1–10 — a dash");
    CHECK(plain_text("R\\&D costs 5\\% \\$ \\# a\\_b") == "R&D costs 5% $ # a_b");
    CHECK(plain_text("``quoted'' text") == "“quoted” text");
    CHECK(plain_text("Erd\\H{o}s, G\\\"odel, \\'Eric, Fran\\c{c}ois, na\\\"{\\i}ve, \\v{S}koda") ==
          "Erdős, Gödel, Éric, François, naïve, Škoda");
    CHECK(plain_text("the ratio \\(\\frac{a}{b}\\) and $\\sqrt{2}$") == "the ratio a/b and √2");
    CHECK(plain_text("see Fig.~3 and Section~\\ref{sec:x}") == "see Fig. 3 and Section");
    CHECK(plain_text("The {GW170104} event") == "The {GW170104} event"); // no LaTeX: braces stay
    CHECK(plain_text("The {GW170104} event in \\LaTeX{}") == "The GW170104 event in LaTeX");
    CHECK(plain_text("\\unknowncommand{kept text} and \\other") == "kept text and");
    CHECK(plain_text("$$E = mc^2$$") == "E = mc²");
}

TEST_CASE("plain_text: LaTeX and HTML together (a Semantic Scholar abstract)") {
    CHECK(plain_text("<p>We show that \\textit{BERT} &amp; GPT-2 achieve $F_1 = 0.9$ -- "
                     "see \\cite{devlin}.</p>") == "We show that BERT & GPT-2 achieve F₁ = 0.9 – see.");
}

// [SECTION] Whitespace
TEST_CASE("plain_text: whitespace collapses; a blank line is a paragraph") {
    CHECK(plain_text("  one\n  two\t three  ") == "one two three");
    CHECK(plain_text("First paragraph.\n\nSecond one.") == "First paragraph.\nSecond one.");
    CHECK(plain_text("a\x01" "b\x7F" "c") == "a b c"); // control characters are not text
}

// [SECTION] Robustness
TEST_CASE("plain_text: truncated and broken markup never reads past the text") {
    for (const char* s : {"\\", "\\frac{", "\\frac{a}", "\\'", "\\c{", "\\sqrt[", "\\(x", "$", "$$x$", "<", "<a", "<sub>2",
                          "<sup>", "</", "<!--", "&", "&#", "&#x", "&#99999999999;", "{", "}", "\\cite", "\\cite[", "x^",
                          "$x^$", "$x_{$", "<jats:title>Abstract", "--", "---", "``", "''", "\\href{a}"}) {
        CAPTURE(s);
        const std::string out = plain_text(s);
        CHECK(out.size() <= 3 * std::string(s).size() + 3);
    }
    // A deterministic random walk over markup characters (ASan and UBSan watch).
    const std::string alphabet = "\\{}$^_<>/&#;x0a -'`\"~!bcipsu";
    unsigned state = 12345u;
    for (int n = 0; n < 3000; ++n) {
        std::string s;
        const int len = n % 40;
        for (int k = 0; k < len; ++k) {
            state = state * 1103515245u + 12345u;
            s += alphabet[(state >> 16) % alphabet.size()];
        }
        CAPTURE(s);
        const std::string out = plain_text(s);
        CHECK(out.size() <= 4 * s.size() + 4);
    }
}

TEST_CASE("plain_text: deep nesting is bounded (no recursion per level)") {
    std::string deep;
    for (int k = 0; k < 100000; ++k) deep += "\\textit{";
    deep += "x";
    CHECK_FALSE(plain_text(deep).empty());
    std::string titles;
    for (int k = 0; k < 100000; ++k) titles += "<jats:title>";
    titles += "Heading</jats:title>";
    CHECK(plain_text(titles) == "Heading");
    CHECK(plain_text("\\textit{\\textbf{\\emph{three}}} deep") == "three deep");
}

TEST_CASE("plain_text: 256 KB of unclosed markup takes linear time") {
    for (const char* unit : {"<jats:title>", "&amp", "$x ", "<a ", "\\(x", "\\cite[", "<sub>"}) {
        std::string big;
        while (big.size() < (1u << 18)) big += unit;
        CAPTURE(unit);
        CHECK(plain_text(big).size() <= 3 * big.size());
    }
}
