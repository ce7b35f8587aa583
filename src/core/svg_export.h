// svg_export.h — the graph as an SVG file, from a scene the viewer fills with what it
// draws (screen positions, colours, shapes, placed labels), so the file looks like the
// screen without core knowing about the camera or the renderer.
//
// Index
//   Scene        SvgNode, SvgEdge, SvgLabel, SvgScene
//   Writing      write_svg, format_number
//
// Output: SVG 1.1, one <g> per layer (edges, arrows, nodes, labels) in drawing order;
// colours are RGBA8 with R in the lowest byte (as the renderer's), written as #rrggbb
// with the alpha as fill-/stroke-opacity; numbers with at most 2 decimals, no exponent,
// independent of the C locale; text XML-escaped (control characters XML 1.0 forbids and
// invalid UTF-8 become U+FFFD). Shapes follow the renderer's signed distance functions
// (src/view/renderer.cpp, kNodeFs).
//
// src/core/: no SDL, GL, ImGui or Emscripten include.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rgv {

// [SECTION] Scene
struct SvgNode {
    float x = 0, y = 0;           // logical px, y down
    float radius = 4;
    std::uint32_t fill = 0xff808080u;
    std::uint32_t stroke = 0;     // alpha 0: no outline
    float stroke_width = 0;
    // 0 circle, 1 rounded square (half-size r*0.89, corner r*0.3), 2 diamond
    // (|x|+|y| = r*1.25), 3 hexagon (inradius r*0.95, flat sides left and right, points
    // up and down).
    int shape = 0;
};

struct SvgEdge {
    float ax = 0, ay = 0, bx = 0, by = 0;
    std::uint32_t color = 0xff999999u;
    float width = 1;
    // Quadratic Bezier: control = midpoint + (-dir.y, dir.x) * curvature * length.
    float curvature = 0;
    bool arrow = false;
    float target_radius = 0;      // px: the arrowhead's tip stops this far (+1) before b
};

struct SvgLabel {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0; // box, logical px
    std::string text;
    std::uint32_t color = 0xff000000u;
    std::uint32_t box_color = 0;          // alpha 0: no box
    bool rtl = false;  // a right-to-left paragraph: direction="rtl" (its neutrals, "(MIT) 2021", order as on screen)
    std::string lang;  // BCP 47 for xml:lang ("ja", "und-Arab"); "" inherits
    // The text's width as the viewer measured it, px: written as textLength (glyphs and
    // spacing adjusted), so a reader whose font is wider or narrower than the viewer's
    // keeps each label inside its box, clear of its node, as on screen. 0: unconstrained.
    float text_width = 0;
};

struct SvgScene {
    float width = 800, height = 600;
    std::uint32_t background = 0xffffffffu; // alpha 0: transparent
    std::vector<SvgEdge> edges;
    std::vector<SvgNode> nodes;
    std::vector<SvgLabel> labels;
    std::string font_family = "DejaVu Sans, Verdana, sans-serif";
    float font_size = 12; // CSS px: the em size (ImGui's "size" is the ascent-to-descent height)
};

// [SECTION] Writing
std::string write_svg(const SvgScene& scene);

// v rounded to `decimals` (0..9) places, trailing zeros and a bare "-0" removed, never
// an exponent, '.' whatever the locale; non-finite values give "0"; |v| is clamped to
// 9e18 / 10^decimals.
std::string format_number(double v, int decimals = 2);

} // namespace rgv
