// color.h — RGBA8 colours as the GL renderer, the panels and the exports use them: one
// 32-bit word, R in the lowest byte (what the shaders unpack), and the few operations on
// them that themes need (hex text both ways, mixing, WCAG contrast).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rgv {

// Packs 0..255 channels into the RGBA8 layout the shaders read.
constexpr std::uint32_t rgba(std::uint32_t r, std::uint32_t g, std::uint32_t b, std::uint32_t a = 255) {
    return r | (g << 8) | (b << 16) | (a << 24);
}
constexpr std::uint32_t red_of(std::uint32_t c) { return c & 0xFFu; }
constexpr std::uint32_t green_of(std::uint32_t c) { return (c >> 8) & 0xFFu; }
constexpr std::uint32_t blue_of(std::uint32_t c) { return (c >> 16) & 0xFFu; }
constexpr std::uint32_t alpha_of(std::uint32_t c) { return c >> 24; }

// Same colour with its alpha multiplied by `a` (0..1).
inline std::uint32_t fade(std::uint32_t c, float a) {
    const auto alpha = static_cast<std::uint32_t>(static_cast<float>(alpha_of(c)) * a);
    return (c & 0x00FFFFFFu) | (alpha << 24);
}

// Same colour with alpha `a` (0..255).
constexpr std::uint32_t with_alpha(std::uint32_t c, std::uint32_t a) { return (c & 0x00FFFFFFu) | (a << 24); }

// Channel by channel, t = 0 gives a, t = 1 gives b.
std::uint32_t mix(std::uint32_t a, std::uint32_t b, float t);

// CSS hex notation: "#rgb", "#rrggbb" or "#rrggbbaa" (either case). False, `out` untouched,
// for anything else.
bool parse_hex_color(std::string_view text, std::uint32_t& out);
// "#rrggbb", or "#rrggbbaa" when the colour is not opaque.
std::string hex_color(std::uint32_t c);

// WCAG 2.x relative luminance (0..1) and contrast ratio (1..21) of two opaque colours;
// alpha is ignored.
double relative_luminance(std::uint32_t c);
double contrast_ratio(std::uint32_t a, std::uint32_t b);

} // namespace rgv
