// work_label.cpp — see work_label.h.
#include "core/work_label.h"

#include "core/filter.h"
#include "core/utf8.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace rgv {

namespace {

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000; }

// Han, kana, Hangul and their extensions: scripts whose names are written without spaces.
bool is_cjk(char32_t c) {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xA960 && c <= 0xA97F) ||
           (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

std::vector<std::string_view> split_words(std::string_view s, bool& cjk) {
    std::vector<std::string_view> words;
    cjk = false;
    std::size_t i = 0, start = std::string_view::npos;
    while (i < s.size()) {
        std::size_t len = 1;
        const char32_t c = decode_utf8(s, i, len);
        if (is_cjk(c)) cjk = true;
        if (is_space(c)) {
            if (start != std::string_view::npos) words.push_back(s.substr(start, i - start));
            start = std::string_view::npos;
        } else if (start == std::string_view::npos) {
            start = i;
        }
        i += len;
    }
    if (start != std::string_view::npos) words.push_back(s.substr(start));
    return words;
}

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) {
        if (!out.empty()) out += ' ';
        out.append(words[k]);
    }
    return out;
}

bool is_suffix(std::string_view w) {
    static constexpr std::array<std::string_view, 9> kSuffixes = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "jr.", "sr."};
    return std::find(kSuffixes.begin(), kSuffixes.end(), w) != kSuffixes.end();
}

// Lower-case particles that belong to the family name ("van der Waals", "de la Cruz").
bool is_particle(std::string_view w) {
    static constexpr std::array<std::string_view, 22> kParticles = {
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des",
        "la",  "le",  "ten", "ter", "dos", "das", "do",   "zu", "bin", "ibn", "al"};
    return std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end();
}

std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) {
        std::size_t len = 1;
        decode_utf8(s, i, len);
        i += len;
    }
    return n;
}

} // namespace

// [SECTION] surnames
std::string cite_surname(std::string_view name) {
    bool cjk = false;
    std::vector<std::string_view> words = split_words(name, cjk);
    if (words.empty()) return {};
    if (cjk) return join(words, 0, words.size()); // whole (spaces normalised)
    // "Family, Given": the part before the comma, unless what follows is only a suffix
    // ("King, Jr.": then the words before it, as without the comma).
    const std::size_t comma = name.find(',');
    if (comma != std::string_view::npos) {
        bool c2 = false;
        const auto after = split_words(name.substr(comma + 1), c2);
        const auto before = split_words(name.substr(0, comma), c2);
        const bool only_suffix = !after.empty() && std::all_of(after.begin(), after.end(), is_suffix);
        if (before.empty()) return cite_surname(name.substr(comma + 1));
        if (!only_suffix) return join(before, 0, before.size());
        words = before;
    }
    std::size_t last = words.size();
    while (last > 1 && is_suffix(words[last - 1])) --last;
    std::size_t first = last - 1;
    while (first > 1 && is_particle(words[first - 1])) --first; // words[0] is a given name
    return join(words, first, last);
}

// [SECTION] citation
std::string cite_authors(const std::vector<std::string>& surnames, bool has_year, int year) {
    if (surnames.empty()) return {};
    std::string out = surnames[0];
    if (surnames.size() == 2) out += " & " + surnames[1];
    else if (surnames.size() > 2) out += " et al.";
    if (has_year) out += " " + std::to_string(year);
    return out;
}

// [SECTION] titles
std::string shorten_title(std::string_view title, std::size_t max_chars) {
    if (count_code_points(title) <= max_chars) return std::string(title);
    if (max_chars == 0) return {};
    // Byte offsets of the first max_chars - 1 code points (room for the ellipsis).
    const std::size_t keep = max_chars - 1;
    std::size_t i = 0, n = 0, last_space = std::string_view::npos, spaces_n = 0;
    while (i < title.size() && n < keep) {
        std::size_t len = 1;
        const char32_t c = decode_utf8(title, i, len);
        if (is_space(c)) {
            last_space = i;
            spaces_n = n;
        }
        i += len;
        ++n;
    }
    // A space right after the kept part is a boundary too.
    if (i < title.size()) {
        std::size_t len = 1;
        if (is_space(decode_utf8(title, i, len))) {
            last_space = i;
            spaces_n = n;
        }
    }
    std::size_t end = i;
    if (last_space != std::string_view::npos && spaces_n * 2 >= keep) end = last_space;
    std::string out(title.substr(0, end));
    // No dangling separator before the ellipsis ("RADAR:…", "Run- …").
    auto ends_with = [&](std::string_view s) { return out.size() >= s.size() && out.compare(out.size() - s.size(), s.size(), s) == 0; };
    for (bool trimmed = true; trimmed && !out.empty();) {
        trimmed = false;
        for (std::string_view s : {" ", ":", ",", ";", "-", "\u2013", "\u2014", "\t"})
            if (ends_with(s)) {
                out.resize(out.size() - s.size());
                trimmed = true;
            }
    }
    return out + "\u2026";
}

// [SECTION] authors
namespace {
struct Authorship {
    std::uint32_t work, person;
    double position; // +inf: none given
    std::uint32_t edge;
};

bool edge_position(const Graph& g, std::uint32_t e, double& pos) {
    if (e >= g.edge_attrs.size() || !g.edge_attrs[e].is_object()) return false;
    const auto it = g.edge_attrs[e].find("position");
    if (it == g.edge_attrs[e].end() || !it->is_number()) return false;
    pos = it->get<double>();
    return std::isfinite(pos) && pos >= 0.0;
}

// Every (work, person) edge, sorted by work, then author order.
std::vector<Authorship> authorships(const Graph& g, std::uint32_t only_work) {
    std::vector<Authorship> out;
    for (std::uint32_t e = 0; e < g.edge_count(); ++e) {
        std::uint32_t a = g.edge_source[e], b = g.edge_target[e];
        if (a >= g.node_count() || b >= g.node_count()) continue;
        if (g.kind[a] == NodeKind::Work) std::swap(a, b); // a: the person, b: the work
        if (g.kind[a] != NodeKind::Person || g.kind[b] != NodeKind::Work) continue;
        if (only_work != kNoNode && b != only_work) continue;
        double pos = std::numeric_limits<double>::infinity();
        edge_position(g, e, pos);
        out.push_back({b, a, pos, e});
    }
    std::sort(out.begin(), out.end(), [](const Authorship& x, const Authorship& y) {
        if (x.work != y.work) return x.work < y.work;
        if (x.position != y.position) return x.position < y.position;
        return x.edge < y.edge;
    });
    return out;
}

std::string short_label(const Graph& g, std::uint32_t work, const std::vector<std::uint32_t>& authors,
                        std::size_t max_title_chars) {
    const std::string& label = g.node_label[work];
    std::vector<std::string> surnames; // a person without a usable name is not cited
    for (std::uint32_t p : authors)
        if (std::string s = cite_surname(g.node_label[p]); !s.empty()) surnames.push_back(std::move(s));
    int year = 0;
    const bool has_year = node_year(g, work, year);
    std::string out = surnames.empty() ? shorten_title(label, max_title_chars) : cite_authors(surnames, has_year, year);
    if (count_code_points(out) >= count_code_points(label)) return {}; // the label is short already
    return out;
}
} // namespace

std::vector<std::uint32_t> work_authors(const Graph& g, std::uint32_t work) {
    std::vector<std::uint32_t> out;
    if (work >= g.node_count()) return out;
    for (const Authorship& a : authorships(g, work))
        if (std::find(out.begin(), out.end(), a.person) == out.end()) out.push_back(a.person);
    return out;
}

std::vector<std::string> work_short_labels(const Graph& g, std::size_t max_title_chars) {
    std::vector<std::string> out(g.node_count());
    const std::vector<Authorship> all = authorships(g, kNoNode);
    std::vector<std::uint32_t> authors;
    std::size_t k = 0;
    for (std::uint32_t w = 0; w < g.node_count(); ++w) {
        if (g.kind[w] != NodeKind::Work) continue;
        authors.clear();
        while (k < all.size() && all[k].work < w) ++k;
        for (; k < all.size() && all[k].work == w; ++k)
            if (std::find(authors.begin(), authors.end(), all[k].person) == authors.end()) authors.push_back(all[k].person);
        out[w] = short_label(g, w, authors, max_title_chars);
    }
    return out;
}

} // namespace rgv
