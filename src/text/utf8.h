// utf8.h — the shaper's view of UTF-8 (core/utf8.h decodes): code points with the byte
// offset each starts at (clusters are reported as code point indices, truncation cuts
// bytes). Invalid bytes become U+FFFD one byte at a time, so any input decodes.
#pragma once

#include "core/utf8.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rgv::text {

using rgv::decode_utf8;
using rgv::encode_utf8;

struct Decoded {
    std::vector<char32_t> cps;
    std::vector<std::uint32_t> offsets; // byte offset of each code point, plus the end
};

// Decodes the code point at s[i] and moves i past it.
inline char32_t decode_one(std::string_view s, std::size_t& i) {
    std::size_t len = 1;
    const char32_t cp = decode_utf8(s, i, len);
    i += len;
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

} // namespace rgv::text
