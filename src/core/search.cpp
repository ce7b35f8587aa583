// search.cpp — see search.h.
//
// Index
//   Unicode tables    the generated folding data and its lookups
//   fold()            a string -> folded code points with flags and source bytes
//   Scoring           the alignment DP of one term against one label
//   SearchIndex
#include "core/search.h"

#include "core/attributes.h"

#include "core/graph.h"
#include "core/utf8.h"

#include <algorithm>
#include <iterator>

namespace rgv {

namespace {

// [SECTION] Unicode tables
#include "core/unicode_fold_data.inc"

constexpr std::size_t kRunCount = sizeof kFoldRuns / sizeof kFoldRuns[0] / 2;

// Writes the folded form of cp to out (0 to kMaxFoldLength code points); returns how many.
int fold_code_point(char32_t cp, char32_t* out) {
    if (cp < 0x80) {
        out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        return 1;
    }
    if (cp < 0x10000) {
        const std::uint32_t key = static_cast<std::uint32_t>(cp) << 16;
        const std::uint32_t* it = std::lower_bound(std::begin(kFoldPairs), std::end(kFoldPairs), key);
        if (it != std::end(kFoldPairs) && (*it >> 16) == cp) {
            out[0] = *it & 0xFFFFu;
            return 1;
        }
    }
    // The last run starting at or before cp.
    std::size_t lo = 0, hi = kRunCount;
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if ((kFoldRuns[2 * mid] >> 11) <= cp) lo = mid + 1;
        else hi = mid;
    }
    out[0] = cp;
    if (lo == 0) return 1;
    const std::uint32_t w0 = kFoldRuns[2 * (lo - 1)], value = kFoldRuns[2 * (lo - 1) + 1];
    const std::uint32_t offset = static_cast<std::uint32_t>(cp) - (w0 >> 11);
    const std::uint32_t count = ((w0 >> 3) & 0xFFu) + 1, step = ((w0 >> 2) & 1u) + 1;
    if (offset % step != 0 || offset / step >= count) return 1; // between or past the run
    switch (w0 & 3u) {
    case 0: out[0] = static_cast<char32_t>(static_cast<std::uint32_t>(cp) + value); return 1;
    case 1: out[0] = static_cast<char32_t>(value); return 1;
    case 3: return 0;
    default: break;
    }
    const std::uint32_t units = value & 0xFFu;
    const std::uint16_t* p = kFoldPool + (value >> 8) + (offset / step) * units;
    int n = 0;
    for (std::uint32_t u = 0; u < units && n < kMaxFoldLength; ++u) {
        char32_t c = p[u];
        if (c >= 0xD800 && c <= 0xDBFF && u + 1 < units) c = 0x10000 + ((c - 0xD800) << 10) + (p[++u] - 0xDC00);
        out[n++] = c;
    }
    return n;
}

// The character composed of a and b when folding keeps it (kana + voicing mark, Indic
// two-part vowels, Hangul jamo), else 0.
char32_t compose(char32_t a, char32_t b) {
    // Hangul: leading + vowel jamo, then + trailing (the Unicode algorithm, chapter 3.12).
    if (a >= 0x1100 && a <= 0x1112 && b >= 0x1161 && b <= 0x1175)
        return 0xAC00 + ((a - 0x1100) * 21 + (b - 0x1161)) * 28;
    if (a >= 0xAC00 && a <= 0xD7A3 && (a - 0xAC00) % 28 == 0 && b >= 0x11A8 && b <= 0x11C2)
        return a + (b - 0x11A7);
    if (b < 0x300) return 0;
    std::size_t lo = 0, hi = sizeof kCompose / sizeof kCompose[0] / 3;
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        const std::uint32_t* t = kCompose + 3 * mid;
        if (t[0] < a || (t[0] == a && t[1] < b)) lo = mid + 1;
        else hi = mid;
    }
    const std::uint32_t* t = kCompose + 3 * lo;
    if (lo < sizeof kCompose / sizeof kCompose[0] / 3 && t[0] == a && t[1] == b) return t[2];
    return 0;
}

constexpr int kSeparator = 0, kLetter = 1, kCjk = 2;

int char_class(char32_t cp) {
    if (cp < 0x80) {
        if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return kLetter;
        return kSeparator;
    }
    const std::uint32_t key = static_cast<std::uint32_t>(cp) << 2 | 3u;
    const std::uint32_t* it = std::upper_bound(std::begin(kClassBounds), std::end(kClassBounds), key);
    return it == std::begin(kClassBounds) ? kLetter : static_cast<int>(it[-1] & 3u);
}

bool is_upper(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    const std::uint32_t key = static_cast<std::uint32_t>(cp) << 11 | 0x7FFu;
    const std::uint32_t* it = std::upper_bound(std::begin(kUpperRuns), std::end(kUpperRuns), key);
    if (it == std::begin(kUpperRuns)) return false;
    const std::uint32_t w = it[-1];
    const std::uint32_t offset = static_cast<std::uint32_t>(cp) - (w >> 11);
    const std::uint32_t count = ((w >> 1) & 0x3FFu) + 1, step = (w & 1u) + 1;
    return offset % step == 0 && offset / step < count;
}

// Blanks of the folded text (every space separator folds to U+0020).
bool is_blank(char32_t c) { return c <= 0x20 || c == 0x85; }

constexpr std::uint8_t kWordStart = 1, kLabelStart = 2;

// [SECTION] fold()
struct Folded {
    std::vector<char32_t> chars;
    std::vector<std::uint8_t> flags;
    std::vector<std::uint32_t> begin, end; // source bytes
};

// Whether cp starts a word after prev (the last character that folding kept).
bool starts_word(char32_t cp, char32_t prev) {
    const int c = char_class(cp);
    if (c == kCjk) return true; // no spaces between words: every character may start one
    if (c == kSeparator) return false;
    const int p = char_class(prev);
    if (p != kLetter) return true; // after a space, punctuation, or Han / kana / Hangul
    // camelCase: upper case after a lower-case letter (not after a digit: "3D").
    return is_upper(cp) && !is_upper(prev) && (prev >= 0x80 || (prev >= 'a' && prev <= 'z'));
}

// Folds at most max_chars characters of s.
void fold(std::string_view s, std::size_t max_chars, Folded& f) {
    f.chars.clear();
    f.flags.clear();
    f.begin.clear();
    f.end.clear();
    char32_t prev = ' '; // the last original character that folding did not drop
    for (std::size_t i = 0; i < s.size() && f.chars.size() < max_chars;) {
        std::size_t len = 1;
        const char32_t cp = decode_utf8(s, i, len);
        const auto next = static_cast<std::uint32_t>(i + len);
        char32_t out[kMaxFoldLength];
        const int k = fold_code_point(cp, out);
        if (k == 1 && !f.chars.empty() && f.end.back() == i) {
            // か + U+3099 -> が: decomposed text folds like precomposed text.
            if (const char32_t c = compose(f.chars.back(), out[0]); c != 0) {
                f.chars.back() = c;
                f.end.back() = next;
                i += len;
                continue;
            }
        }
        if (k > 0) {
            std::uint8_t flag = starts_word(cp, prev) ? kWordStart : 0;
            if (f.chars.empty()) flag |= kLabelStart | kWordStart;
            for (int j = 0; j < k && f.chars.size() < max_chars; ++j) {
                f.chars.push_back(out[j]);
                f.flags.push_back(j == 0 ? flag : 0);
                f.begin.push_back(static_cast<std::uint32_t>(i));
                f.end.push_back(next);
            }
            prev = cp;
        } else if (!f.chars.empty()) {
            f.end.back() = next; // a dropped mark (or tatweel) highlights with its base
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

const char* search_unicode_version() { return kUnicodeVersion; }

std::string fold_for_search(std::string_view utf8) {
    Folded f;
    fold(utf8, utf8.size(), f);
    std::string out;
    for (char32_t c : f.chars) encode_utf8(c, out);
    return out;
}

// [SECTION] SearchIndex
void SearchIndex::add(std::uint32_t node, int alt, std::string_view text) {
    thread_local Folded f; // reused: its vectors keep their capacity from string to string
    fold(text, kMaxChars, f);
    chars_.insert(chars_.end(), f.chars.begin(), f.chars.end());
    flags_.insert(flags_.end(), f.flags.begin(), f.flags.end());
    // String-relative byte offsets fit 16 bits: at most kMaxChars characters are kept
    // (a pathological run of combining marks is cut at 65535 bytes).
    for (std::size_t k = 0; k < f.chars.size(); ++k) {
        src_begin_.push_back(static_cast<std::uint16_t>(std::min<std::uint32_t>(f.begin[k], 0xFFFF)));
        src_end_.push_back(static_cast<std::uint16_t>(std::min<std::uint32_t>(f.end[k], 0xFFFF)));
    }
    offsets_.push_back(static_cast<std::uint32_t>(chars_.size()));
    std::uint64_t mask = 0;
    for (char32_t c : f.chars) mask |= std::uint64_t{1} << (c % 64);
    masks_.push_back(mask);
    if (alt >= 0) {
        alt_entries_.push_back(static_cast<std::uint32_t>(node_of_.size()));
        alt_k_.push_back(alt);
        alt_text_.emplace_back(text);
    }
    node_of_.push_back(node);
}

namespace {

// Calls use(k, s) for each alternative worth indexing: not empty, not the label again,
// not a repeat of an earlier one. at(k) is alternative k, or nullptr (not a string).
template <class At, class Use>
void each_alt(const std::string& label, std::size_t count, const At& at, const Use& use) {
    for (std::size_t k = 0; k < count; ++k) {
        const std::string* s = at(k);
        if (s == nullptr || s->empty() || *s == label) continue;
        bool seen = false;
        for (std::size_t j = 0; j < k && !seen; ++j)
            if (const std::string* t = at(j)) seen = *t == *s;
        if (!seen) use(static_cast<int>(k), *s);
    }
}

} // namespace

void SearchIndex::build(const std::vector<std::string>& labels, const std::vector<std::vector<std::string>>& alt_labels) {
    *this = SearchIndex();
    offsets_.assign(1, 0);
    nodes_ = labels.size();
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto node = static_cast<std::uint32_t>(i);
        add(node, -1, labels[i]);
        if (i >= alt_labels.size()) continue;
        const std::vector<std::string>& alts = alt_labels[i];
        each_alt(labels[i], alts.size(), [&](std::size_t k) { return &alts[k]; },
                 [&](int k, const std::string& s) { add(node, k, s); });
    }
}

void SearchIndex::build(const Graph& graph) {
    *this = SearchIndex();
    offsets_.assign(1, 0);
    nodes_ = graph.node_count();
    for (std::size_t i = 0; i < nodes_; ++i) {
        const auto node = static_cast<std::uint32_t>(i);
        add(node, -1, graph.node_label[i]);
        if (i >= graph.node_attrs.size() || !graph.node_attrs[i].is_object()) continue;
        const auto it = graph.node_attrs[i].find(attr::kAltLabels);
        if (it == graph.node_attrs[i].end() || !it->is_array()) continue;
        const nlohmann::json& alts = *it;
        each_alt(graph.node_label[i], alts.size(),
                 [&](std::size_t k) { return alts[k].is_string() ? &alts[k].get_ref<const std::string&>() : nullptr; },
                 [&](int k, const std::string& s) { add(node, k, s); });
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
        std::uint32_t length, node, entry;
    };
    auto better = [](const Candidate& a, const Candidate& c) {
        if (a.score != c.score) return a.score > c.score;
        if (a.length != c.length) return a.length < c.length;
        if (a.node != c.node) return a.node < c.node;
        return a.entry < c.entry; // the label before its alternatives
    };
    std::vector<Candidate> candidates;
    Dp dp;
    std::vector<int> rows;
    const std::size_t entries = node_of_.size();
    for (std::size_t e = 0; e < entries; ++e) {
        if ((masks_[e] & need) != need) continue; // lacks a character of the query
        const std::size_t b = offsets_[e], n = offsets_[e + 1] - b;
        const char32_t* text = chars_.data() + b;
        bool ok = true;
        for (const auto& t : terms)
            if (t.size() > n || !is_subsequence(t.data(), t.size(), text, n)) { ok = false; break; }
        if (!ok) continue;
        int score = 0;
        for (const auto& t : terms) score += score_only(t.data(), t.size(), text, flags_.data() + b, n, rows);
        const Candidate c{score, static_cast<std::uint32_t>(n), node_of_[e], static_cast<std::uint32_t>(e)};
        // Entries of one node are adjacent: keep the node's best string only.
        if (!candidates.empty() && candidates.back().node == c.node) {
            if (better(c, candidates.back())) candidates.back() = c;
        } else {
            candidates.push_back(c);
        }
    }
    const std::size_t keep = std::min(max_results, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep),
                      candidates.end(), better);
    hits.reserve(keep);
    std::vector<std::uint32_t> positions;
    for (std::size_t k = 0; k < keep; ++k) {
        const Candidate& c = candidates[k];
        const std::size_t b = offsets_[c.entry], n = c.length;
        positions.clear();
        for (const auto& t : terms)
            align(t.data(), t.size(), chars_.data() + b, flags_.data() + b, n, dp, &positions);
        SearchHit hit;
        hit.index = c.node;
        hit.score = c.score;
        const auto alt = std::lower_bound(alt_entries_.begin(), alt_entries_.end(), c.entry);
        if (alt != alt_entries_.end() && *alt == c.entry) {
            const auto a = static_cast<std::size_t>(alt - alt_entries_.begin());
            hit.alt = alt_k_[a];
            hit.alt_text = alt_text_[a];
        }
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
