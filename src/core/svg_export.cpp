// svg_export.cpp — see svg_export.h.
//
// Index
//   Text helpers    numbers, colours, XML escaping
//   Shapes          path data of the four node shapes
//   write_svg
#include "core/svg_export.h"

#include "core/json_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace rgv {

// [SECTION] Text helpers
std::string format_number(double v, int decimals) {
    if (!std::isfinite(v)) return "0";
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    // Far beyond any screen: clamp so the integer maths cannot overflow.
    const double limit = 9e18 / static_cast<double>(scale);
    if (v > limit) v = limit;
    if (v < -limit) v = -limit;
    const auto scaled = static_cast<std::int64_t>(std::llround(v * static_cast<double>(scale)));
    const bool negative = scaled < 0;
    const std::uint64_t mag = static_cast<std::uint64_t>(negative ? -scaled : scaled);
    std::string out = std::to_string(mag / static_cast<std::uint64_t>(scale));
    std::string frac;
    std::uint64_t rest = mag % static_cast<std::uint64_t>(scale);
    for (int i = 0; i < decimals; ++i) {
        frac.insert(frac.begin(), static_cast<char>('0' + rest % 10));
        rest /= 10;
    }
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    if (!frac.empty()) out += "." + frac;
    if (negative && mag != 0) out.insert(out.begin(), '-');
    return out;
}

namespace {

std::string hex_color(std::uint32_t c) {
    static const char* digits = "0123456789abcdef";
    std::string s = "#";
    for (int shift : {0, 8, 16}) {
        const auto v = (c >> shift) & 0xffu;
        s += digits[v >> 4];
        s += digits[v & 15];
    }
    return s;
}

double alpha_of(std::uint32_t c) { return static_cast<double>((c >> 24) & 0xffu) / 255.0; }

// fill="#rrggbb" plus fill-opacity when not opaque (attr is "fill" or "stroke").
std::string paint(const char* attr, std::uint32_t c) {
    std::string s = std::string(" ") + attr + "=\"" + hex_color(c) + "\"";
    if (alpha_of(c) < 1.0) s += std::string(" ") + attr + "-opacity=\"" + format_number(alpha_of(c), 3) + "\"";
    return s;
}

void append_escaped(std::string& out, const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8_sequence_length(text, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        const char c = text[i];
        if (len == 1) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '<') out += "&lt;";
            else if (c == '>') out += "&gt;";
            else if (c == '&') out += "&amp;";
            else if (c == '"') out += "&quot;";
            else if (c == '\'') out += "&apos;";
            else if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') out += "\xEF\xBF\xBD";
            else out += c;
        } else {
            // U+FFFE and U+FFFF are not XML characters either.
            const std::string_view seq(text.data() + i, len);
            if (seq == "\xEF\xBF\xBE" || seq == "\xEF\xBF\xBF") out += "\xEF\xBF\xBD";
            else out.append(seq);
        }
        i += len;
    }
}

std::string n2(double v) { return format_number(v, 2); }

// [SECTION] Shapes
std::string node_element(const SvgNode& n) {
    const double x = n.x, y = n.y, r = n.radius;
    std::string s;
    switch (n.shape) {
    case 1: { // rounded square: half-size r*0.89, corner radius r*0.3
        const double h = r * 0.89, c = r * 0.3;
        s = "<rect x=\"" + n2(x - h) + "\" y=\"" + n2(y - h) + "\" width=\"" + n2(2 * h) + "\" height=\"" +
            n2(2 * h) + "\" rx=\"" + n2(c) + "\"";
        break;
    }
    case 2: { // diamond: |dx| + |dy| = r*1.25
        const double d = r * 1.25;
        s = "<path d=\"M" + n2(x) + " " + n2(y - d) + "L" + n2(x + d) + " " + n2(y) + "L" + n2(x) + " " +
            n2(y + d) + "L" + n2(x - d) + " " + n2(y) + "Z\"";
        break;
    }
    case 3: { // hexagon: inradius r*0.95, flat sides left and right, points up and down
        const double h = r * 0.95, v = h / 0.866025404; // circumradius
        s = "<path d=\"M" + n2(x) + " " + n2(y - v) + "L" + n2(x + h) + " " + n2(y - v / 2) + "L" + n2(x + h) +
            " " + n2(y + v / 2) + "L" + n2(x) + " " + n2(y + v) + "L" + n2(x - h) + " " + n2(y + v / 2) + "L" +
            n2(x - h) + " " + n2(y - v / 2) + "Z\"";
        break;
    }
    default:
        s = "<circle cx=\"" + n2(x) + "\" cy=\"" + n2(y) + "\" r=\"" + n2(r) + "\"";
    }
    s += paint("fill", n.fill);
    if (alpha_of(n.stroke) > 0.0 && n.stroke_width > 0.0f)
        s += paint("stroke", n.stroke) + " stroke-width=\"" + n2(n.stroke_width) + "\"";
    return s + "/>\n";
}

} // namespace

// [SECTION] write_svg
std::string write_svg(const SvgScene& scene) {
    std::string out;
    out.reserve(256 + scene.nodes.size() * 90 + scene.edges.size() * 110 + scene.labels.size() * 160);
    const std::string w = n2(scene.width), h = n2(scene.height);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + w + "\" height=\"" + h +
           "\" viewBox=\"0 0 " + w + " " + h + "\">\n";
    if (alpha_of(scene.background) > 0.0)
        out += "<rect width=\"100%\" height=\"100%\"" + paint("fill", scene.background) + "/>\n";

    out += "<g id=\"edges\" fill=\"none\" stroke-linecap=\"round\">\n";
    for (const SvgEdge& e : scene.edges) {
        const double dx = e.bx - e.ax, dy = e.by - e.ay, len = std::hypot(dx, dy);
        if (e.curvature != 0.0f && len > 1e-6) {
            const double mx = 0.5 * (e.ax + e.bx) - dy / len * e.curvature * len;
            const double my = 0.5 * (e.ay + e.by) + dx / len * e.curvature * len;
            out += "<path d=\"M" + n2(e.ax) + " " + n2(e.ay) + "Q" + n2(mx) + " " + n2(my) + " " + n2(e.bx) + " " +
                   n2(e.by) + "\"";
        } else {
            out += "<line x1=\"" + n2(e.ax) + "\" y1=\"" + n2(e.ay) + "\" x2=\"" + n2(e.bx) + "\" y2=\"" +
                   n2(e.by) + "\"";
        }
        out += paint("stroke", e.color) + " stroke-width=\"" + n2(e.width) + "\"/>\n";
    }
    out += "</g>\n<g id=\"arrows\">\n";
    for (const SvgEdge& e : scene.edges) {
        if (!e.arrow) continue;
        // As the renderer's arrow shader: tip short of the target, along the end tangent.
        const double dx = e.bx - e.ax, dy = e.by - e.ay, len = std::hypot(dx, dy);
        const double size = 4.0 + 2.0 * e.width;
        if (len <= 2.0 * size + e.target_radius) continue; // too short to show one
        double ex = dx / len, ey = dy / len;
        if (e.curvature != 0.0f) {
            const double cx = 0.5 * (e.ax + e.bx) - ey * e.curvature * len;
            const double cy = 0.5 * (e.ay + e.by) + ex * e.curvature * len;
            const double tx = e.bx - cx, ty = e.by - cy, tl = std::hypot(tx, ty);
            if (tl > 1e-6) { ex = tx / tl; ey = ty / tl; }
        }
        const double back = std::max(static_cast<double>(e.target_radius), 1.5) + 1.0;
        const double tipx = e.bx - ex * back, tipy = e.by - ey * back;
        const double bx = tipx - ex * size, by = tipy - ey * size;
        const double nx = -ey * size * 0.55, ny = ex * size * 0.55;
        out += "<path d=\"M" + n2(tipx) + " " + n2(tipy) + "L" + n2(bx + nx) + " " + n2(by + ny) + "L" + n2(bx - nx) +
               " " + n2(by - ny) + "Z\"" + paint("fill", e.color) + "/>\n";
    }
    out += "</g>\n<g id=\"nodes\">\n";
    for (const SvgNode& n : scene.nodes) out += node_element(n);
    out += "</g>\n<g id=\"labels\" font-family=\"";
    append_escaped(out, scene.font_family);
    out += "\" font-size=\"" + n2(scene.font_size) + "\" text-anchor=\"middle\" dominant-baseline=\"central\">\n";
    for (const SvgLabel& l : scene.labels) {
        if (alpha_of(l.box_color) > 0.0)
            out += "<rect x=\"" + n2(l.x0) + "\" y=\"" + n2(l.y0) + "\" width=\"" + n2(l.x1 - l.x0) + "\" height=\"" +
                   n2(l.y1 - l.y0) + "\" rx=\"3\"" + paint("fill", l.box_color) + "/>\n";
        out += "<text x=\"" + n2(0.5 * (l.x0 + l.x1)) + "\" y=\"" + n2(0.5 * (l.y0 + l.y1)) + "\"" +
               paint("fill", l.color);
        if (l.text_width > 0.0f)
            out += " textLength=\"" + n2(l.text_width) + "\" lengthAdjust=\"spacingAndGlyphs\"";
        // Each label is its own paragraph: its direction as the viewer resolved it (the
        // first strong letter), embedded so SVG 1.1 renderers apply it; its language so a
        // renderer picks the right glyph forms (Japanese or Chinese Han).
        if (l.rtl) out += " direction=\"rtl\" unicode-bidi=\"embed\"";
        if (!l.lang.empty()) {
            out += " xml:lang=\"";
            append_escaped(out, l.lang);
            out += "\"";
        }
        out += ">";
        append_escaped(out, l.text);
        out += "</text>\n";
    }
    out += "</g>\n</svg>\n";
    return out;
}

} // namespace rgv
