// search.h — fuzzy search over node labels and their other spellings for the search box:
// case- and accent-insensitive subsequence matching in every script, scored like fzf /
// VS Code's quick open.
//
// Index
//   Folding       fold_for_search(): what "insensitive" means
//   SearchHit     a result: node index, score, which spelling matched, byte ranges
//   SearchIndex   fold every label and alternative once, then answer queries
//
// Matching: the query is split on white space into terms; a string matches when every
// term is a subsequence of the folded string (terms in any order, like fzf's extended
// mode). A term's score rewards matching the string's first character, the start of a
// word (after a space or punctuation, or a lower-to-upper case change) and runs of
// consecutive characters, and charges for gaps; the best alignment is found by dynamic
// programming. Han, kana and Hangul have no spaces between words: each of their
// characters counts as a word start, so 小明 in 王小明 is not ranked below a match after
// a space. A node matches through its label or any of its alternative spellings (the
// slice's attrs.alt_labels, docs/slice-format.md); its best string counts. Results: score
// descending, then shorter string, then smaller index.
//
// Folding, per code point, from tables generated out of Unicode's data
// (tools/gen_unicode_fold.py -> unicode_fold_data.inc, Unicode 14.0.0):
//   - compatibility decomposition (NFKD): ﬁ -> fi, Ａ -> a, ① -> 1, ㍻ -> 平成, Arabic and
//     Hebrew presentation forms -> letters; then recomposed, so that kana (が) and Hangul
//     syllables (박) stay whole and are never broken into parts;
//   - diacritics dropped: the combining marks of the Latin / Greek / Cyrillic diacritic
//     blocks (é -> e, ř -> r, ό -> ο, й -> и), Hebrew niqqud and cantillation, Arabic
//     harakat (U+064B-U+065F, so أ -> ا), Quranic marks and tatweel (U+0640); marks of
//     other scripts (Devanagari vowel signs, Thai tones, kana voicing) are kept;
//   - full case folding: ß and ẞ -> ss, ς -> σ, Cherokee, Armenian (և -> եւ), İ -> i;
//   - Latin letters Unicode does not decompose, by their names: ł -> l, đ -> d, ø -> o,
//     ı -> i (so I, ı, İ and i all fold to i: search is not Turkish-specific), plus
//     æ -> ae, œ -> oe, ð -> d, þ -> th;
//   - format characters dropped (ZWJ, ZWNJ, soft hyphen, bidi marks, variation
//     selectors); every space separator folds to U+0020;
//   - a kept mark composes with the character before it (か + U+3099 -> が, half-width
//     ｶﾞ -> ガ), and conjoining Hangul jamo compose into syllables.
// Han characters are left as they are (no simplified/traditional mapping). Invalid UTF-8
// bytes never match anything and never crash: each becomes one U+FFFD.
//
// src/core/: no SDL, GL, ImGui or Emscripten include.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rgv {

class Graph;

// [SECTION] Folding
// The folded form of a UTF-8 string, as UTF-8 (for tests and for callers that compare).
std::string fold_for_search(std::string_view utf8);
// The Unicode version of the folding tables ("14.0.0").
const char* search_unicode_version();

// [SECTION] SearchHit
struct SearchHit {
    std::uint32_t index = 0; // position of the node / label in what build() was given
    int score = 0;
    // Which string matched: -1 the label; k >= 0 the node's alternative spelling k (the
    // position in its attrs.alt_labels, or in the list given to build()).
    int alt = -1;
    std::string alt_text; // that alternative spelling; empty when the label matched
    // Byte ranges [begin, end) of the string that matched (the label, or alt_text), sorted,
    // merged when adjacent or overlapping; they always fall on UTF-8 sequence boundaries.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
};

// [SECTION] SearchIndex
// The node attribute holding a node's other spellings: an array of strings.

class SearchIndex {
public:
    // Strings longer than this many characters are matched on their first kMaxChars only.
    static constexpr std::size_t kMaxChars = 256;
    // Query terms beyond this length are cut (a pasted paragraph must not cost seconds).
    static constexpr std::size_t kMaxQueryChars = 64;

    // Folds every label. Replaces any earlier contents.
    void build(const std::vector<std::string>& labels) { build(labels, {}); }
    // The same, with other spellings: alt_labels[i] are those of label i (the list may be
    // shorter than labels). Empty strings and repeats of the label are not indexed.
    void build(const std::vector<std::string>& labels, const std::vector<std::vector<std::string>>& alt_labels);
    // Graph::node_label and each node's attrs.alt_labels (strings only; elements of
    // another type and an alt_labels that is not an array are ignored).
    void build(const Graph& graph);
    // The best `max_results` nodes, best first, each once (through its best string). An
    // empty or all-blank query gives none.
    std::vector<SearchHit> search(std::string_view query, std::size_t max_results = 20) const;

    std::size_t size() const { return nodes_; }

private:
    void add(std::uint32_t node, int alt, std::string_view text);

    std::size_t nodes_ = 0;
    // Every indexed string (labels and alternatives, node by node) is an entry. All folded
    // entries back to back (code points), with per-character flags.
    std::vector<char32_t> chars_;
    std::vector<std::uint8_t> flags_;     // bit 0: word start, bit 1: string start
    std::vector<std::uint64_t> masks_;    // per entry: bit (c % 64) set for each character c
    std::vector<std::uint32_t> offsets_;  // entry e is chars_[offsets_[e] .. offsets_[e+1])
    std::vector<std::uint32_t> node_of_;  // per entry: its node, non-decreasing
    std::vector<std::uint16_t> src_begin_, src_end_; // byte range of each folded char in its string
    // The entries that are alternative spellings (sorted), their k and their text.
    std::vector<std::uint32_t> alt_entries_;
    std::vector<int> alt_k_;
    std::vector<std::string> alt_text_;
};

} // namespace rgv
