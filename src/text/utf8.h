// utf8.h — decoding and encoding UTF-8 for the shaper: code points with the byte offset
// each starts at (clusters are reported as code point indices, truncation cuts bytes).
// Invalid bytes become U+FFFD one byte at a time, so any input decodes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rgv::text {

struct Decoded {
    std::vector<char32_t> cps;
    std::vector<std::uint32_t> offsets; // byte offset of each code point, plus the end
};

inline char32_t decode_one(std::string_view s, std::size_t& i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    std::size_t n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
    if (n == 0) { ++i; return c; }
    if (n == 9 || i + n >= s.size()) { ++i; return 0xFFFD; } // bad lead, or cut short
    char32_t cp = c & (0x3F >> n);
    for (std::size_t k = 1; k <= n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) { ++i; return 0xFFFD; }
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not text.
    static const char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) { ++i; return 0xFFFD; }
    i += n + 1;
    return cp;
}

inline Decoded decode(std::string_view s) {
    Decoded d;
    d.cps.reserve(s.size());
    d.offsets.reserve(s.size() + 1);
    std::size_t i = 0;
    while (i < s.size()) {
        d.offsets.push_back(static_cast<std::uint32_t>(i));
        d.cps.push_back(decode_one(s, i));
    }
    d.offsets.push_back(static_cast<std::uint32_t>(s.size()));
    return d;
}

inline void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

} // namespace rgv::text
