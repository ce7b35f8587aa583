// font_set.h — the fonts text is drawn with: a list of pieces (subsets of Debian's fonts
// cut by script and, for CJK, by character frequency; see tools/fonts/build_pieces.py),
// which of them are loaded, and which piece draws a code point.
//
// Index
//   PieceInfo     one piece as the manifest (pieces.json) describes it
//   Manifest      parse_manifest(): pieces.json to PieceInfo, with worded errors
//   FontSet       the pieces, their loaded bytes (HarfBuzz faces), coverage look-ups
//
// Pieces are known before they are loaded (the manifest lists each one's code point
// ranges), so the viewer can ask which pieces a slice's text needs and fetch only those.
// Piece 0 is the base font (Latin, Greek, Cyrillic, punctuation, the UI's symbols); its
// .notdef box is what a glyph no loaded font has is drawn as.
//
// src/text/: HarfBuzz and FriBidi only; no SDL, GL, ImGui or Emscripten include.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct hb_font_t;

namespace rgv::text {

// [SECTION] PieceInfo
struct PieceInfo {
    std::string name;                                  // "base", "arabic", "cjk-han-03"
    std::string file;                                  // relative to the manifest
    std::vector<std::pair<char32_t, char32_t>> ranges; // sorted, inclusive
    std::size_t bytes = 0;                             // file size
    std::size_t gzip_bytes = 0;                        // what a server sends, for reports
    // Not a font: the full manifest, standing for every code point the pieces before it
    // lack (pieces-base.json, see tools/fonts/base_manifest.py). Its text is pending
    // until the host replaces the manifest (set_pieces), never missing.
    bool manifest = false;

    bool covers(char32_t cp) const;
};

// [SECTION] Manifest
// pieces.json → pieces, base first. False with a message naming the problem.
bool parse_manifest(std::string_view json, std::vector<PieceInfo>& out, std::string& error);

// [SECTION] FontSet
class FontSet {
public:
    FontSet();
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;
    // Takes the other set's pieces; the generation still moves forward (text shaped with
    // the old pieces is reshaped).
    FontSet& operator=(FontSet&& other) noexcept;

    // Replaces the pieces; none is loaded afterwards.
    void set_pieces(std::vector<PieceInfo> pieces);
    // One font as the only piece, covering whatever its cmap has (a host's setFont, or
    // a build without a manifest). Loaded at once; "" or an error.
    std::string set_single_font(std::vector<std::uint8_t> bytes, std::string name);
    // Loads piece `index` from its file's bytes. "" on success, else why not (the piece
    // stays unloaded and its text keeps drawing as boxes).
    std::string load(std::size_t index, std::vector<std::uint8_t> bytes);

    std::size_t size() const { return pieces_.size(); }
    const PieceInfo& info(std::size_t index) const { return pieces_[index].info; }
    bool loaded(std::size_t index) const;
    int find(std::string_view name) const; // -1 when no piece has that name

    // The piece meant to draw `cp` (loaded or not): the first whose ranges cover it.
    int piece_for(char32_t cp) const;
    // Pieces the text needs that are not loaded yet, appended to `out` once each.
    void missing_pieces(std::string_view utf8, std::vector<int>& out) const;

    // Changes whenever a piece is loaded: shaped text from an older generation may
    // show boxes that a new piece would fill.
    std::uint32_t generation() const { return generation_; }

    // For shaping and rasterising a loaded piece.
    hb_font_t* hb_font(std::size_t index) const;
    const std::vector<std::uint8_t>& data(std::size_t index) const { return pieces_[index].bytes; }
    int units_per_em(std::size_t index) const { return pieces_[index].upem; }
    // The glyph of `cp` in a loaded piece, 0 (.notdef) when it has none.
    std::uint32_t glyph_of(std::size_t index, char32_t cp) const;

private:
    struct PieceDeleter { void operator()(hb_font_t* f) const; };
    struct Piece {
        PieceInfo info;
        std::vector<std::uint8_t> bytes;
        std::unique_ptr<hb_font_t, PieceDeleter> font;
        int upem = 0;
    };
    std::string open(Piece& piece, std::vector<std::uint8_t> bytes);
    void rebuild_lookup();

    std::vector<Piece> pieces_;
    // Flat coverage: sorted disjoint ranges, each with the first piece covering it.
    struct Span { char32_t first, last; int piece; };
    std::vector<Span> spans_;
    std::uint32_t generation_ = 0;
};

} // namespace rgv::text
