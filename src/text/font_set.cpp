// font_set.cpp — pieces, their HarfBuzz faces and the coverage look-up.
#include "text/font_set.h"

#include "text/utf8.h"

#include <hb.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace rgv::text {

// [SECTION] PieceInfo
bool PieceInfo::covers(char32_t cp) const {
    auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                               [](char32_t c, const auto& r) { return c < r.first; });
    return it != ranges.begin() && cp <= std::prev(it)->second;
}

// [SECTION] Manifest
bool parse_manifest(std::string_view text, std::vector<PieceInfo>& out, std::string& error) {
    out.clear();
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded()) { error = "font manifest: not valid JSON"; return false; }
    const auto pieces = doc.is_object() ? doc.find("pieces") : doc.end();
    if (pieces == doc.end() || !pieces->is_array() || pieces->empty()) {
        error = "font manifest: no \"pieces\" array";
        return false;
    }
    for (std::size_t i = 0; i < pieces->size(); ++i) {
        const auto& p = (*pieces)[i];
        const std::string where = "font manifest: piece " + std::to_string(i);
        if (!p.is_object() || !p.contains("name") || !p["name"].is_string() ||
            !p.contains("file") || !p["file"].is_string()) {
            error = where + " needs a \"name\" and a \"file\" string";
            return false;
        }
        PieceInfo info;
        info.name = p["name"].get<std::string>();
        info.file = p["file"].get<std::string>();
        if (p.contains("bytes") && p["bytes"].is_number_unsigned()) info.bytes = p["bytes"].get<std::size_t>();
        if (p.contains("gzipBytes") && p["gzipBytes"].is_number_unsigned())
            info.gzip_bytes = p["gzipBytes"].get<std::size_t>();
        if (const auto m = p.find("manifest"); m != p.end() && m->is_boolean()) info.manifest = m->get<bool>();
        // pieces-compact.json writes the ranges as deltas: [gap, extent, ...] with
        // first = previous last + gap (0 at the start) and last = first + extent.
        if (const auto deltas = p.find("deltas"); deltas != p.end() && !p.contains("ranges")) {
            std::uint64_t last = 0;
            bool good = deltas->is_array() && deltas->size() % 2 == 0;
            for (std::size_t k = 0; good && k < deltas->size(); k += 2) {
                const auto& gap = (*deltas)[k];
                const auto& extent = (*deltas)[k + 1];
                good = gap.is_number_unsigned() && extent.is_number_unsigned();
                if (!good) break;
                const std::uint64_t first = last + gap.get<std::uint64_t>();
                last = first + extent.get<std::uint64_t>();
                good = last <= 0x10FFFF && (k == 0 || gap.get<std::uint64_t>() > 0);
                if (good) info.ranges.emplace_back(static_cast<char32_t>(first), static_cast<char32_t>(last));
            }
            if (!good) {
                error = where + " (" + info.name + "): \"deltas\" must be [gap, extent, ...] pairs of code points up to 1114111";
                return false;
            }
            out.push_back(std::move(info));
            continue;
        }
        const auto ranges = p.find("ranges");
        if (ranges == p.end() || !ranges->is_array()) {
            error = where + " (" + info.name + ") has no \"ranges\" array";
            return false;
        }
        for (const auto& r : *ranges) {
            if (!r.is_array() || r.size() != 2 || !r[0].is_number_unsigned() || !r[1].is_number_unsigned() ||
                r[0].get<std::uint32_t>() > r[1].get<std::uint32_t>() || r[1].get<std::uint32_t>() > 0x10FFFF) {
                error = where + " (" + info.name + "): each range is [first, last] with first <= last <= 1114111";
                return false;
            }
            info.ranges.emplace_back(r[0].get<char32_t>(), r[1].get<char32_t>());
        }
        std::sort(info.ranges.begin(), info.ranges.end());
        out.push_back(std::move(info));
    }
    return true;
}

// [SECTION] FontSet
void FontSet::PieceDeleter::operator()(hb_font_t* f) const { hb_font_destroy(f); }

FontSet::FontSet() = default;
FontSet::~FontSet() = default;

FontSet& FontSet::operator=(FontSet&& other) noexcept {
    pieces_ = std::move(other.pieces_);
    spans_ = std::move(other.spans_);
    generation_ = std::max(generation_, other.generation_) + 1;
    return *this;
}

void FontSet::set_pieces(std::vector<PieceInfo> pieces) {
    pieces_.clear();
    for (auto& info : pieces) {
        Piece p;
        p.info = std::move(info);
        pieces_.push_back(std::move(p));
    }
    rebuild_lookup();
    ++generation_;
}

std::string FontSet::open(Piece& piece, std::vector<std::uint8_t> bytes) {
    if (bytes.size() < 12) return "font " + piece.info.name + ": " + std::to_string(bytes.size()) + " bytes is not a font";
    piece.bytes = std::move(bytes);
    // The blob borrows the bytes: the piece owns both and frees the font first.
    hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(piece.bytes.data()),
                                     static_cast<unsigned>(piece.bytes.size()),
                                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    const unsigned glyphs = hb_face_get_glyph_count(face);
    piece.upem = static_cast<int>(hb_face_get_upem(face));
    if (glyphs == 0) {
        hb_face_destroy(face);
        piece.bytes.clear();
        return "font " + piece.info.name + ": no glyphs (not an OpenType/TrueType font?)";
    }
    piece.font.reset(hb_font_create(face));
    hb_face_destroy(face);
    ++generation_;
    return {};
}

std::string FontSet::set_single_font(std::vector<std::uint8_t> bytes, std::string name) {
    Piece p;
    p.info.name = std::move(name);
    p.info.bytes = bytes.size();
    std::string err = open(p, std::move(bytes));
    if (!err.empty()) return err;
    // It draws everything: what its cmap lacks comes out as its .notdef box.
    p.info.ranges = {{0, 0x10FFFF}};
    pieces_.clear();
    pieces_.push_back(std::move(p));
    rebuild_lookup();
    return {};
}

std::string FontSet::load(std::size_t index, std::vector<std::uint8_t> bytes) {
    if (index >= pieces_.size()) return "font piece " + std::to_string(index) + " is not in the manifest";
    if (pieces_[index].font) return {};
    if (pieces_[index].info.manifest)
        return "font piece " + pieces_[index].info.name + " is a manifest (" + pieces_[index].info.file + "), not a font";
    return open(pieces_[index], std::move(bytes));
}

bool FontSet::loaded(std::size_t index) const { return index < pieces_.size() && pieces_[index].font != nullptr; }

int FontSet::find(std::string_view name) const {
    for (std::size_t i = 0; i < pieces_.size(); ++i)
        if (pieces_[i].info.name == name) return static_cast<int>(i);
    return -1;
}

void FontSet::rebuild_lookup() {
    // Sweep every range boundary; between two boundaries the first covering piece wins.
    std::vector<char32_t> cuts;
    for (const auto& p : pieces_)
        for (const auto& r : p.info.ranges) {
            cuts.push_back(r.first);
            cuts.push_back(r.second + 1);
        }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    spans_.clear();
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        const char32_t a = cuts[i], b = cuts[i + 1] - 1;
        int piece = -1;
        for (std::size_t k = 0; k < pieces_.size() && piece < 0; ++k)
            if (pieces_[k].info.covers(a)) piece = static_cast<int>(k);
        if (piece < 0) continue;
        if (!spans_.empty() && spans_.back().piece == piece && spans_.back().last + 1 == a)
            spans_.back().last = b;
        else
            spans_.push_back({a, b, piece});
    }
}

int FontSet::piece_for(char32_t cp) const {
    auto it = std::upper_bound(spans_.begin(), spans_.end(), cp,
                               [](char32_t c, const Span& s) { return c < s.first; });
    if (it == spans_.begin()) return -1;
    --it;
    return cp <= it->last ? it->piece : -1;
}

void FontSet::missing_pieces(std::string_view utf8, std::vector<int>& out) const {
    std::size_t i = 0;
    int last = -2;
    while (i < utf8.size()) {
        const int p = piece_for(decode_one(utf8, i));
        if (p < 0 || p == last) continue;
        last = p;
        if (!pieces_[p].font && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
}

hb_font_t* FontSet::hb_font(std::size_t index) const {
    return index < pieces_.size() ? pieces_[index].font.get() : nullptr;
}

std::uint32_t FontSet::glyph_of(std::size_t index, char32_t cp) const {
    hb_codepoint_t g = 0;
    if (hb_font_t* f = hb_font(index); f && hb_font_get_nominal_glyph(f, cp, &g)) return g;
    return 0;
}

} // namespace rgv::text
