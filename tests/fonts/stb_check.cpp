// stb_check.cpp — every font piece through the rasteriser the viewer uses (Dear ImGui's
// stb_truetype): it opens as a single font, every code point of its manifest ranges maps
// to a glyph, a sample of them rasterise with ink, and .notdef (glyph 0) is an outline
// (the box shown for a missing glyph). TrueType and CFF (the CJK pieces) alike.
//
//   rgv_font_check PIECES_DIR        exit 0 when every piece passes; one line per failure
#include <nlohmann/json.hpp>

#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include "imstb_truetype.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::vector<unsigned char> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Code points drawn without ink: spaces, joiners, marks of direction, fillers, selectors.
bool blank(long cp) {
    return cp == 0x20 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
           (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
           cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5 ||
           (cp >= 0x180B && cp <= 0x180F) || cp == 0x3164 || cp == 0xFFA0 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xE0000 && cp <= 0xE0FFF);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s PIECES_DIR\n", argv[0]);
        return 2;
    }
    const std::string dir = argv[1];
    const std::vector<unsigned char> text = read_file(dir + "/pieces.json");
    if (text.empty()) {
        std::printf("FAIL: %s/pieces.json not found\n", dir.c_str());
        return 1;
    }
    const nlohmann::json manifest = nlohmann::json::parse(text.begin(), text.end());
    int failures = 0, pieces = 0;
    long codepoints = 0, rasterised = 0;
    auto fail = [&](const std::string& piece, const std::string& what) {
        std::printf("FAIL %s: %s\n", piece.c_str(), what.c_str());
        ++failures;
    };
    for (const auto& piece : manifest.at("pieces")) {
        const std::string name = piece.at("name");
        std::vector<unsigned char> data = read_file(dir + "/" + piece.at("file").get<std::string>());
        ++pieces;
        if (data.empty()) {
            fail(name, "file missing");
            continue;
        }
        if (stbtt_GetNumberOfFonts(data.data()) != 1) {
            fail(name, "not exactly one font");
            continue;
        }
        stbtt_fontinfo info;
        if (!stbtt_InitFont(&info, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0))) {
            fail(name, "stbtt_InitFont failed");
            continue;
        }
        int ascent = 0, descent = 0, gap = 0;
        stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
        if (ascent <= 0) fail(name, "ascent <= 0");
        stbtt_vertex* verts = nullptr;
        const int notdef = stbtt_GetGlyphShape(&info, 0, &verts);
        stbtt_FreeShape(&info, verts);
        if (notdef < 4) fail(name, ".notdef has no outline (" + std::to_string(notdef) + " vertices)");

        std::vector<long> cps;
        for (const auto& r : piece.at("ranges"))
            for (long cp = r.at(0).get<long>(); cp <= r.at(1).get<long>(); ++cp) cps.push_back(cp);
        int unmapped = 0;
        for (long cp : cps)
            if (stbtt_FindGlyphIndex(&info, static_cast<int>(cp)) == 0) ++unmapped;
        codepoints += static_cast<long>(cps.size());
        if (unmapped) fail(name, std::to_string(unmapped) + " code point(s) of the ranges have no glyph");

        // Rasterise up to 40 code points spread over the piece at 20 px: each must have ink.
        const float scale = stbtt_ScaleForPixelHeight(&info, 20.0f);
        const std::size_t step = cps.size() > 40 ? cps.size() / 40 : 1;
        for (std::size_t i = 0; i < cps.size(); i += step) {
            const long cp = cps[i];
            if (blank(cp)) continue;
            int w = 0, h = 0, xo = 0, yo = 0;
            unsigned char* bmp = stbtt_GetCodepointBitmap(&info, scale, scale, static_cast<int>(cp), &w, &h, &xo, &yo);
            long ink = 0;
            for (int k = 0; bmp && k < w * h; ++k) ink += bmp[k];
            stbtt_FreeBitmap(bmp, nullptr);
            ++rasterised;
            if (ink == 0) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "U+%04lX rasterises to nothing", cp);
                fail(name, buf);
            }
        }
    }
    std::printf("stb_check: %d pieces, %ld code points mapped, %ld glyphs rasterised, %d failure(s)\n", pieces,
                codepoints, rasterised, failures);
    return failures ? 1 : 0;
}
