// test_svg_export.cpp — the SVG writer.
//
// Index
//   A tiny XML checker   balanced tags, quoted attributes, entities only
//   Tests                structure, nodes and shapes, edges and arrows, escaping, numbers
#include "core/svg_export.h"

#include <doctest/doctest.h>

#include <clocale>
#include <cmath>
#include <string>
#include <vector>

using namespace rgv;

namespace {

// [SECTION] A tiny XML checker
// Returns "" when the document is well formed enough for us: one root, tags balanced,
// attribute values quoted, no raw '<' or '&' in text; else what is wrong.
std::string check_xml(const std::string& s, int& elements) {
    std::vector<std::string> stack;
    elements = 0;
    std::size_t i = 0;
    if (s.rfind("<?xml", 0) == 0) i = s.find("?>") + 2;
    bool root_done = false;
    while (i < s.size()) {
        if (s[i] == '<') {
            const std::size_t end = s.find('>', i);
            if (end == std::string::npos) return "unterminated tag";
            std::string tag = s.substr(i + 1, end - i - 1);
            i = end + 1;
            if (tag[0] == '/') {
                if (stack.empty() || stack.back() != tag.substr(1)) return "mismatched </" + tag.substr(1) + ">";
                stack.pop_back();
                if (stack.empty()) root_done = true;
                continue;
            }
            if (root_done) return "content after the root";
            const bool self = tag.back() == '/';
            if (self) tag.pop_back();
            const std::string name = tag.substr(0, tag.find(' '));
            // Attributes: name="value" pairs, no '<' inside values.
            std::size_t p = name.size();
            while (p < tag.size()) {
                while (p < tag.size() && tag[p] == ' ') ++p;
                if (p >= tag.size()) break;
                const std::size_t eq = tag.find("=\"", p);
                if (eq == std::string::npos) return "attribute without a quoted value in <" + name + ">";
                const std::size_t close = tag.find('"', eq + 2);
                if (close == std::string::npos) return "unterminated attribute in <" + name + ">";
                if (tag.substr(eq + 2, close - eq - 2).find('<') != std::string::npos) return "'<' in an attribute";
                p = close + 1;
            }
            ++elements;
            if (!self) stack.push_back(name);
            else if (stack.empty()) root_done = true;
        } else {
            if (s[i] == '&') {
                const std::size_t semi = s.find(';', i);
                const std::string ent = s.substr(i, semi - i + 1);
                if (ent != "&lt;" && ent != "&gt;" && ent != "&amp;" && ent != "&quot;" && ent != "&apos;")
                    return "bad entity " + ent;
            }
            if (stack.empty() && s[i] != '\n') return "text outside the root";
            ++i;
        }
    }
    if (!stack.empty()) return "unclosed <" + stack.back() + ">";
    return "";
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

SvgScene scene_with_everything() {
    SvgScene sc;
    sc.width = 640;
    sc.height = 480;
    for (int shape = 0; shape < 4; ++shape) {
        SvgNode n;
        n.x = 100.0f + 100.0f * static_cast<float>(shape);
        n.y = 200;
        n.radius = 10;
        n.shape = shape;
        n.fill = 0xff0000ffu; // red
        sc.nodes.push_back(n);
    }
    sc.nodes[0].stroke = 0x80ffffffu;
    sc.nodes[0].stroke_width = 2;
    SvgEdge straight;
    straight.ax = 100; straight.ay = 200; straight.bx = 200; straight.by = 200;
    sc.edges.push_back(straight);
    SvgEdge curved = straight;
    curved.curvature = 0.25f;
    curved.arrow = true;
    curved.target_radius = 10;
    curved.color = 0x40000000u;
    sc.edges.push_back(curved);
    SvgLabel label;
    label.x0 = 80; label.y0 = 215; label.x1 = 120; label.y1 = 231;
    label.text = "Zhezhi He";
    label.box_color = 0xccffffffu;
    sc.labels.push_back(label);
    return sc;
}

} // namespace

TEST_SUITE("svg_export") {

// [SECTION] Tests
TEST_CASE("the checker itself catches broken documents") {
    int e = 0;
    CHECK(check_xml("<a><b></a>", e) == "mismatched </a>");
    CHECK(check_xml("<a x=1/>", e) == "attribute without a quoted value in <a>");
    CHECK(check_xml("<a>1 < 2</a>", e) == "attribute without a quoted value in <>");
    CHECK(check_xml("<a>&nbsp;</a>", e) == "bad entity &nbsp;");
    CHECK(check_xml("<a><b/>", e) == "unclosed <a>");
    CHECK(check_xml("<a/><b/>", e) == "content after the root");
}

TEST_CASE("a full scene is well formed and holds every node, edge and label") {
    const std::string svg = write_svg(scene_with_everything());
    int elements = 0;
    CHECK(check_xml(svg, elements) == "");
    CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                    "version=\"1.1\" width=\"640\" height=\"480\" viewBox=\"0 0 640 480\">", 0) == 0);
    CHECK(count(svg, "<circle cx=\"100\" cy=\"200\" r=\"10\" fill=\"#ff0000\" stroke=\"#ffffff\" "
                     "stroke-opacity=\"0.502\" stroke-width=\"2\"/>") == 1);
    // Rounded square: half-size 8.9, corner 3.
    CHECK(count(svg, "<rect x=\"191.1\" y=\"191.1\" width=\"17.8\" height=\"17.8\" rx=\"3\" fill=\"#ff0000\"/>") == 1);
    // Diamond: |x|+|y| = 12.5.
    CHECK(count(svg, "<path d=\"M300 187.5L312.5 200L300 212.5L287.5 200Z\" fill=\"#ff0000\"/>") == 1);
    // Hexagon: inradius 9.5, circumradius 10.97.
    CHECK(count(svg, "<path d=\"M400 189.03L409.5 194.52L409.5 205.48L400 210.97L390.5 205.48L390.5 194.52Z\"") == 1);
    CHECK(count(svg, "<line x1=\"100\" y1=\"200\" x2=\"200\" y2=\"200\" stroke=\"#999999\" stroke-width=\"1\"/>") == 1);
    // Control point: midpoint (150, 200) + (0, 1) * 0.25 * 100.
    CHECK(count(svg, "<path d=\"M100 200Q150 225 200 200\" stroke=\"#000000\" stroke-opacity=\"0.251\"") == 1);
    CHECK(count(svg, "<g id=\"arrows\">\n<path d=\"M") == 1);
    CHECK(count(svg, ">Zhezhi He</text>") == 1);
    CHECK(count(svg, "fill-opacity=\"0.8\"") == 1); // the label box
    CHECK(elements == 1 + 1 + 4 + 2 + 1 + 4 + 2); // svg, background, 4 groups, 2 edges, arrow, 4 nodes, box + text
}

TEST_CASE("label text and font are escaped: <script> stays text") {
    SvgScene sc;
    SvgLabel l;
    l.text = "<script>alert('x & \"y\"')</script>\x01\xFF";
    sc.labels.push_back(l);
    sc.font_family = "A\"B<C";
    sc.background = 0;
    const std::string svg = write_svg(sc);
    int elements = 0;
    CHECK(check_xml(svg, elements) == "");
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(count(svg, ">&lt;script&gt;alert(&apos;x &amp; &quot;y&quot;&apos;)&lt;/script&gt;\xEF\xBF\xBD\xEF\xBF\xBD</text>") == 1);
    CHECK(count(svg, "font-family=\"A&quot;B&lt;C\"") == 1);
    CHECK(svg.find("<rect") == std::string::npos); // transparent background, no box
}

TEST_CASE("labels in any script go out as text, with their direction and language") {
    SvgScene sc;
    sc.background = 0;
    SvgLabel arabic;
    arabic.text = "ØªØ­ÙÙÙ (MIT) 2021 <&>"; // تحليل (MIT) 2021 <&>
    arabic.rtl = true;
    arabic.lang = "und-Arab";
    SvgLabel japanese;
    japanese.text = "ãã¨ã"; // さとう
    japanese.lang = "ja";
    SvgLabel latin;
    latin.text = "ZoÃ«";
    sc.labels = {arabic, japanese, latin};
    const std::string svg = write_svg(sc);
    int elements = 0;
    CHECK(check_xml(svg, elements) == "");
    CHECK(count(svg, " direction=\"rtl\" unicode-bidi=\"embed\" xml:lang=\"und-Arab\">"
                     "ØªØ­ÙÙÙ (MIT) 2021 &lt;&amp;&gt;</text>") == 1);
    CHECK(count(svg, " xml:lang=\"ja\">ãã¨ã</text>") == 1);
    CHECK(count(svg, "fill=\"#000000\">ZoÃ«</text>") == 1); // Latin: no attributes, inherits
    CHECK(count(svg, "direction=") == 1);
}

TEST_CASE("a label keeps the width the viewer measured, whatever the reader's font") {
    SvgScene sc;
    SvgLabel measured;
    measured.text = "Shanghai Jiao Tong University";
    measured.text_width = 171.25f;
    SvgLabel free;
    free.text = "Free";
    sc.labels = {measured, free};
    const std::string svg = write_svg(sc);
    int elements = 0;
    CHECK(check_xml(svg, elements) == "");
    CHECK(count(svg, " textLength=\"171.25\" lengthAdjust=\"spacingAndGlyphs\">Shanghai Jiao Tong University</text>") == 1);
    CHECK(count(svg, "textLength=") == 1); // 0: no constraint
}

TEST_CASE("numbers: two decimals, no exponent, no locale, no -0") {
    CHECK(format_number(1.0) == "1");
    CHECK(format_number(-1.005) == "-1");   // binary -1.00499...
    CHECK(format_number(2.675, 2) == "2.68"); // 2.675 * 100 rounds to 267.5 in double
    CHECK(format_number(0.125, 2) == "0.13");
    CHECK(format_number(-0.001) == "0");
    CHECK(format_number(1e20) == "90000000000000000");
    CHECK(format_number(1e-20) == "0");
    CHECK(format_number(12.5, 0) == "13");
    CHECK(format_number(0.1234567, 9) == "0.1234567");
    CHECK(format_number(0.5, 12) == "0.5");
    CHECK(format_number(std::nan("")) == "0");
    const char* old = std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
    CHECK(format_number(3.25) == "3.25");
    if (old) std::setlocale(LC_NUMERIC, "C");
}

TEST_CASE("a short edge gets no arrowhead; an empty scene is still a document") {
    SvgScene sc;
    SvgEdge e;
    e.bx = 5;
    e.arrow = true;
    sc.edges.push_back(e);
    const std::string svg = write_svg(sc);
    CHECK(count(svg, "<g id=\"arrows\">\n</g>") == 1);
    int elements = 0;
    CHECK(check_xml(write_svg(SvgScene{}), elements) == "");
    CHECK(elements == 6); // svg, background, four groups
}

} // TEST_SUITE
