// color.cpp — see color.h.
#include "view/model/color.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rgv {

std::uint32_t mix(std::uint32_t a, std::uint32_t b, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    std::uint32_t out = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        const float x = static_cast<float>((a >> shift) & 0xFFu), y = static_cast<float>((b >> shift) & 0xFFu);
        out |= static_cast<std::uint32_t>(std::lround(x + (y - x) * t)) << shift;
    }
    return out;
}

bool parse_hex_color(std::string_view text, std::uint32_t& out) {
    if (text.size() < 2 || text[0] != '#') return false;
    const std::string_view hex = text.substr(1);
    if (hex.size() != 3 && hex.size() != 6 && hex.size() != 8) return false;
    auto digit = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::uint32_t ch[4] = {0, 0, 0, 255};
    if (hex.size() == 3) {
        for (int i = 0; i < 3; ++i) {
            const int d = digit(hex[static_cast<std::size_t>(i)]);
            if (d < 0) return false;
            ch[i] = static_cast<std::uint32_t>(d * 17);
        }
    } else {
        for (std::size_t i = 0; i < hex.size() / 2; ++i) {
            const int hi = digit(hex[2 * i]), lo = digit(hex[2 * i + 1]);
            if (hi < 0 || lo < 0) return false;
            ch[i] = static_cast<std::uint32_t>(hi * 16 + lo);
        }
    }
    out = rgba(ch[0], ch[1], ch[2], ch[3]);
    return true;
}

std::string hex_color(std::uint32_t c) {
    char buf[16];
    if (alpha_of(c) == 255)
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x", red_of(c), green_of(c), blue_of(c));
    else
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", red_of(c), green_of(c), blue_of(c), alpha_of(c));
    return buf;
}

double relative_luminance(std::uint32_t c) {
    auto linear = [](std::uint32_t v) {
        const double s = static_cast<double>(v) / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(red_of(c)) + 0.7152 * linear(green_of(c)) + 0.0722 * linear(blue_of(c));
}

double contrast_ratio(std::uint32_t a, std::uint32_t b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace rgv
