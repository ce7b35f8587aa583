// search.cpp — see search.h.
//
// Index
//   UTF-8 decoding    one code point at a time, U+FFFD for every invalid byte
//   Folding tables    Latin-1, Latin Extended-A, Greek, Cyrillic
//   fold()            a label -> folded code points with flags and source bytes
//   Scoring           the alignment DP of one term against one label
//   SearchIndex
#include "core/search.h"

#include <algorithm>
#include <cstring>

namespace rgv {

namespace {

// [SECTION] UTF-8 decoding
// Decodes the sequence at s[i]; sets `len` to the bytes used (1 for an invalid byte,
// which decodes to U+FFFD). Rejects overlongs, surrogates and code points past U+10FFFF.
char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    len = 1;
    if (b0 < 0x80) return b0;
    std::size_t need = 0;
    char32_t cp = 0, min = 0;
    if ((b0 & 0xE0) == 0xC0) { need = 1; cp = b0 & 0x1Fu; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { need = 2; cp = b0 & 0x0Fu; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { need = 3; cp = b0 & 0x07u; min = 0x10000; }
    else return 0xFFFD;
    if (i + need >= s.size()) return 0xFFFD; // truncated at the end
    for (std::size_t k = 1; k <= need; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
    len = need + 1;
    return cp;
}

void encode_utf8(char32_t cp, std::string& out) {
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

// [SECTION] Folding tables
// U+00C0..U+00FF; '*' keeps the character (× and ÷), digits are expansions:
// '1' ae, '2' th, '3' ss.
constexpr char kLatin1[] = "aaaaaa1ceeeeiiiidnooooo*ouuuuy23aaaaaa1ceeeeiiiidnooooo*ouuuuy2y";
// U+0100..U+017F; '4' ij, '5' oe.
constexpr char kLatinExtA[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii44jjkkklllllllllln"
    "nnnnnnnnoooooo55rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(sizeof kLatin1 - 1 == 64, "one entry per code point U+00C0..U+00FF");
static_assert(sizeof kLatinExtA - 1 == 128, "one entry per code point U+0100..U+017F");

// Writes the folded form of cp to out (0, 1 or 2 code points); returns how many.
int fold_code_point(char32_t cp, char32_t out[2]) {
    if (cp >= 0x300 && cp <= 0x36F) return 0; // combining marks
    if (cp < 0x80) {
        out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        return 1;
    }
    char c = 0;
    if (cp >= 0xC0 && cp <= 0xFF) c = kLatin1[cp - 0xC0];
    else if (cp >= 0x100 && cp <= 0x17F) c = kLatinExtA[cp - 0x100];
    if (c != 0) {
        switch (c) {
        case '*': out[0] = cp; return 1;
        case '1': out[0] = 'a'; out[1] = 'e'; return 2;
        case '2': out[0] = 't'; out[1] = 'h'; return 2;
        case '3': out[0] = 's'; out[1] = 's'; return 2;
        case '4': out[0] = 'i'; out[1] = 'j'; return 2;
        case '5': out[0] = 'o'; out[1] = 'e'; return 2;
        default: out[0] = static_cast<char32_t>(c); return 1;
        }
    }
    // Greek: accented vowels to plain lower case, capitals to lower case, final sigma.
    switch (cp) {
    case 0x386: case 0x3AC: out[0] = 0x3B1; return 1; // alpha
    case 0x388: case 0x3AD: out[0] = 0x3B5; return 1; // epsilon
    case 0x389: case 0x3AE: out[0] = 0x3B7; return 1; // eta
    case 0x38A: case 0x3AF: case 0x390: case 0x3AA: case 0x3CA: out[0] = 0x3B9; return 1; // iota
    case 0x38C: case 0x3CC: out[0] = 0x3BF; return 1; // omicron
    case 0x38E: case 0x3CD: case 0x3B0: case 0x3AB: case 0x3CB: out[0] = 0x3C5; return 1; // upsilon
    case 0x38F: case 0x3CE: out[0] = 0x3C9; return 1; // omega
    case 0x3C2: out[0] = 0x3C3; return 1; // final sigma
    case 0x450: case 0x451: out[0] = 0x435; return 1; // Cyrillic ѐ ё -> е
    case 0x400: case 0x401: out[0] = 0x435; return 1; // Ѐ Ё -> е
    default: break;
    }
    if (cp >= 0x391 && cp <= 0x3A9) { out[0] = cp + 0x20; return 1; }
    if (cp >= 0x400 && cp <= 0x40F) { out[0] = cp + 0x50; return 1; }
    if (cp >= 0x410 && cp <= 0x42F) { out[0] = cp + 0x20; return 1; }
    // Cyrillic supplement pairs: capital even, small odd.
    if (((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF)) && (cp % 2 == 0)) {
        out[0] = cp + 1;
        return 1;
    }
    out[0] = cp;
    return 1;
}

bool is_word_char(char32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA; // ª µ º; the rest is punctuation
    if (cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD) return false;
    if (cp >= 0x2000 && cp <= 0x206F) return false; // general punctuation (dashes, quotes)
    if (cp >= 0x3000 && cp <= 0x303F) return false; // CJK punctuation
    return true;
}

bool is_upper(char32_t cp) {
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
           (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

bool is_blank(char32_t cp) { return cp <= 0x20 || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B); }

constexpr std::uint8_t kWordStart = 1, kLabelStart = 2;

// [SECTION] fold()
struct Folded {
    std::vector<char32_t> chars;
    std::vector<std::uint8_t> flags;
    std::vector<std::uint32_t> begin, end; // source bytes
};

// Folds at most max_chars characters of s.
void fold(std::string_view s, std::size_t max_chars, Folded& f) {
    f.chars.clear();
    f.flags.clear();
    f.begin.clear();
    f.end.clear();
    char32_t prev = ' '; // the last original character that was not a combining mark
    for (std::size_t i = 0; i < s.size() && f.chars.size() < max_chars;) {
        std::size_t len = 1;
        const char32_t cp = decode_utf8(s, i, len);
        char32_t out[2];
        const int k = fold_code_point(cp, out);
        if (k > 0) {
            std::uint8_t flag = 0;
            if (is_word_char(cp) && (!is_word_char(prev) || (is_upper(cp) && !is_upper(prev) && prev >= 'a')))
                flag |= kWordStart;
            if (f.chars.empty()) flag |= kLabelStart | kWordStart;
            for (int j = 0; j < k && f.chars.size() < max_chars; ++j) {
                f.chars.push_back(out[j]);
                f.flags.push_back(j == 0 ? flag : 0);
                f.begin.push_back(static_cast<std::uint32_t>(i));
                f.end.push_back(static_cast<std::uint32_t>(i + len));
            }
            prev = cp;
        } else if (!f.chars.empty()) {
            f.end.back() = static_cast<std::uint32_t>(i + len); // a mark highlights with its base
        }
        i += len;
    }
}

// [SECTION] Scoring
constexpr int kMatch = 16;
constexpr int kBonusWordStart = 8;
constexpr int kBonusLabelStart = 12; // on top of the word start
constexpr int kBonusConsecutive = 5;
constexpr int kGapStart = -3;
constexpr int kGapExtension = -1;
constexpr int kLeadingPerChar = -1; // characters skipped before the first match
constexpr int kLeadingMax = -8;
constexpr int kNeg = -(1 << 28);

bool is_subsequence(const char32_t* term, std::size_t m, const char32_t* label, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t j = 0; j < n && i < m; ++j)
        if (label[j] == term[i]) ++i;
    return i == m;
}

struct Dp {
    std::vector<int> h;              // m x n scores, kNeg where term[i] cannot sit at j
    std::vector<std::uint16_t> from; // m x n: where term[i-1] sat
};

// Best alignment of term (m chars) in the label (n chars). When `positions` is given,
// fills it with the label position of every term character.
int align(const char32_t* term, std::size_t m, const char32_t* label, const std::uint8_t* flags,
          std::size_t n, Dp& dp, std::vector<std::uint32_t>* positions) {
    dp.h.assign(m * n, kNeg);
    dp.from.assign(m * n, 0);
    auto bonus = [&](std::size_t j) {
        return ((flags[j] & kWordStart) ? kBonusWordStart : 0) + ((flags[j] & kLabelStart) ? kBonusLabelStart : 0);
    };
    for (std::size_t j = 0; j < n; ++j)
        if (label[j] == term[0])
            dp.h[j] = kMatch + bonus(j) + std::max(kLeadingMax, kLeadingPerChar * static_cast<int>(j));
    for (std::size_t i = 1; i < m; ++i) {
        const int* prev = &dp.h[(i - 1) * n];
        int* row = &dp.h[i * n];
        std::uint16_t* from = &dp.from[i * n];
        int gap = kNeg;            // best prev[j'] + gap penalties, j' <= j - 2
        std::size_t gap_at = 0;
        for (std::size_t j = 1; j < n; ++j) {
            if (j >= 2) {
                const int extended = gap == kNeg ? kNeg : gap + kGapExtension;
                const int opened = prev[j - 2] == kNeg ? kNeg : prev[j - 2] + kGapStart;
                if (opened >= extended) { gap = opened; gap_at = j - 2; }
                else gap = extended;
            }
            if (label[j] != term[i]) continue;
            const int consecutive = prev[j - 1] == kNeg ? kNeg : prev[j - 1] + kBonusConsecutive;
            int best;
            std::size_t best_from;
            if (consecutive >= gap) { best = consecutive; best_from = j - 1; }
            else { best = gap; best_from = gap_at; }
            if (best == kNeg) continue;
            row[j] = best + kMatch + bonus(j);
            from[j] = static_cast<std::uint16_t>(best_from);
        }
    }
    const int* last = &dp.h[(m - 1) * n];
    int best = kNeg;
    std::size_t at = 0;
    for (std::size_t j = 0; j < n; ++j)
        if (last[j] > best) { best = last[j]; at = j; }
    if (positions && best != kNeg) {
        std::size_t j = at;
        for (std::size_t i = m; i-- > 0;) {
            positions->push_back(static_cast<std::uint32_t>(j));
            if (i > 0) j = dp.from[i * n + j];
        }
    }
    return best;
}

// The same score as align() without the traceback: two rolling rows, and only the
// columns between the first possible place of the term's first character and the last
// possible place of its last one (fzf's trick). This is the loop every label goes through.
int score_only(const char32_t* term, std::size_t m, const char32_t* label, const std::uint8_t* flags,
               std::size_t n, std::vector<int>& rows) {
    std::size_t lo = 0;
    while (lo < n && label[lo] != term[0]) ++lo;
    std::size_t hi = n;
    while (hi > lo && label[hi - 1] != term[m - 1]) --hi;
    if (lo >= hi) return kNeg;
    const std::size_t w = hi - lo;
    rows.assign(2 * w, kNeg);
    int* prev = rows.data();
    int* row = rows.data() + w;
    auto bonus = [&](std::size_t j) {
        return ((flags[j] & kWordStart) ? kBonusWordStart : 0) + ((flags[j] & kLabelStart) ? kBonusLabelStart : 0);
    };
    for (std::size_t j = lo; j < hi; ++j)
        if (label[j] == term[0])
            prev[j - lo] = kMatch + bonus(j) + std::max(kLeadingMax, kLeadingPerChar * static_cast<int>(j));
    for (std::size_t i = 1; i < m; ++i) {
        int gap = kNeg;
        row[0] = kNeg;
        for (std::size_t c = 1; c < w; ++c) {
            if (c >= 2) {
                const int extended = gap == kNeg ? kNeg : gap + kGapExtension;
                const int opened = prev[c - 2] == kNeg ? kNeg : prev[c - 2] + kGapStart;
                gap = std::max(opened, extended);
            }
            row[c] = kNeg;
            if (label[lo + c] != term[i]) continue;
            const int consecutive = prev[c - 1] == kNeg ? kNeg : prev[c - 1] + kBonusConsecutive;
            const int best = std::max(consecutive, gap);
            if (best != kNeg) row[c] = best + kMatch + bonus(lo + c);
        }
        std::swap(prev, row);
    }
    int best = kNeg;
    for (std::size_t c = 0; c < w; ++c) best = std::max(best, prev[c]);
    return best;
}

} // namespace

std::string fold_for_search(std::string_view utf8) {
    Folded f;
    fold(utf8, utf8.size(), f);
    std::string out;
    for (char32_t c : f.chars) encode_utf8(c, out);
    return out;
}

// [SECTION] SearchIndex
void SearchIndex::build(const std::vector<std::string>& labels) {
    chars_.clear();
    flags_.clear();
    src_begin_.clear();
    src_end_.clear();
    offsets_.assign(1, 0);
    masks_.clear();
    Folded f;
    for (const auto& label : labels) {
        fold(label, kMaxChars, f);
        chars_.insert(chars_.end(), f.chars.begin(), f.chars.end());
        flags_.insert(flags_.end(), f.flags.begin(), f.flags.end());
        // Label-relative byte offsets fit 16 bits: at most kMaxChars characters are kept
        // (a pathological run of combining marks is cut at 65535 bytes).
        for (std::size_t k = 0; k < f.chars.size(); ++k) {
            src_begin_.push_back(static_cast<std::uint16_t>(std::min<std::uint32_t>(f.begin[k], 0xFFFF)));
            src_end_.push_back(static_cast<std::uint16_t>(std::min<std::uint32_t>(f.end[k], 0xFFFF)));
        }
        offsets_.push_back(static_cast<std::uint32_t>(chars_.size()));
        std::uint64_t mask = 0;
        for (char32_t c : f.chars) mask |= std::uint64_t{1} << (c % 64);
        masks_.push_back(mask);
    }
}

std::vector<SearchHit> SearchIndex::search(std::string_view query, std::size_t max_results) const {
    std::vector<SearchHit> hits;
    if (max_results == 0 || size() == 0) return hits;
    // Terms: folded query split on blanks.
    Folded q;
    fold(query, query.size(), q);
    std::vector<std::vector<char32_t>> terms;
    std::vector<char32_t> cur;
    for (char32_t c : q.chars) {
        if (is_blank(c)) {
            if (!cur.empty()) terms.push_back(std::move(cur));
            cur.clear();
        } else if (cur.size() < kMaxQueryChars) {
            cur.push_back(c);
        }
    }
    if (!cur.empty()) terms.push_back(std::move(cur));
    if (terms.empty()) return hits;
    std::uint64_t need = 0;
    for (const auto& t : terms)
        for (char32_t c : t) need |= std::uint64_t{1} << (c % 64);

    struct Candidate {
        int score;
        std::uint32_t length, index;
    };
    std::vector<Candidate> candidates;
    Dp dp;
    std::vector<int> rows;
    const std::size_t count = size();
    for (std::size_t i = 0; i < count; ++i) {
        if ((masks_[i] & need) != need) continue; // lacks a character of the query
        const std::size_t b = offsets_[i], n = offsets_[i + 1] - b;
        const char32_t* label = chars_.data() + b;
        bool ok = true;
        for (const auto& t : terms)
            if (t.size() > n || !is_subsequence(t.data(), t.size(), label, n)) { ok = false; break; }
        if (!ok) continue;
        int score = 0;
        for (const auto& t : terms) score += score_only(t.data(), t.size(), label, flags_.data() + b, n, rows);
        candidates.push_back({score, static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(i)});
    }
    auto better = [](const Candidate& a, const Candidate& c) {
        if (a.score != c.score) return a.score > c.score;
        if (a.length != c.length) return a.length < c.length;
        return a.index < c.index;
    };
    const std::size_t keep = std::min(max_results, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep),
                      candidates.end(), better);
    hits.reserve(keep);
    std::vector<std::uint32_t> positions;
    for (std::size_t k = 0; k < keep; ++k) {
        const Candidate& c = candidates[k];
        const std::size_t b = offsets_[c.index], n = c.length;
        positions.clear();
        for (const auto& t : terms)
            align(t.data(), t.size(), chars_.data() + b, flags_.data() + b, n, dp, &positions);
        SearchHit hit;
        hit.index = c.index;
        hit.score = c.score;
        for (std::uint32_t p : positions) hit.ranges.emplace_back(src_begin_[b + p], src_end_[b + p]);
        std::sort(hit.ranges.begin(), hit.ranges.end());
        std::vector<std::pair<std::uint32_t, std::uint32_t>> merged;
        for (const auto& r : hit.ranges) {
            if (!merged.empty() && r.first <= merged.back().second)
                merged.back().second = std::max(merged.back().second, r.second);
            else
                merged.push_back(r);
        }
        hit.ranges = std::move(merged);
        hits.push_back(std::move(hit));
    }
    return hits;
}

} // namespace rgv
