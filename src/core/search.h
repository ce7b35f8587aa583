// search.h — fuzzy search over node labels for the search box: case- and
// accent-insensitive subsequence matching, scored like fzf / VS Code's quick open.
//
// Index
//   Folding       fold_for_search(): what "insensitive" means
//   SearchHit     a result: node index, score, byte ranges to highlight
//   SearchIndex   fold every label once, then answer queries
//
// Matching: the query is split on white space into terms; a label matches when every
// term is a subsequence of the folded label (terms in any order, like fzf's extended
// mode). A term's score rewards matching the label's first character, the start of a
// word (after a space or punctuation, or a lower-to-upper case change) and runs of
// consecutive characters, and charges for gaps; the best alignment is found by dynamic
// programming. Results: score descending, then shorter label, then smaller index.
//
// Folding maps Latin-1 and Latin Extended-A letters to their base letters (é -> e,
// ł -> l, ß -> ss, æ -> ae, œ -> oe), drops combining marks (U+0300-U+036F, so
// decomposed text folds the same), lower-cases ASCII, Greek (tonos dropped, final sigma
// -> sigma) and Cyrillic (ё -> е). Invalid UTF-8 bytes never match anything and never
// crash: each becomes one U+FFFD.
//
// src/core/: no SDL, GL, ImGui or Emscripten include.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rgv {

// [SECTION] Folding
// The folded form of a UTF-8 string, as UTF-8 (for tests and for callers that compare).
std::string fold_for_search(std::string_view utf8);

// [SECTION] SearchHit
struct SearchHit {
    std::uint32_t index = 0; // position of the label in the list given to build()
    int score = 0;
    // Byte ranges [begin, end) of the original label that matched, sorted, merged when
    // adjacent or overlapping; they always fall on UTF-8 sequence boundaries.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
};

// [SECTION] SearchIndex
class SearchIndex {
public:
    // Labels longer than this many characters are matched on their first kMaxChars only.
    static constexpr std::size_t kMaxChars = 256;
    // Query terms beyond this length are cut (a pasted paragraph must not cost seconds).
    static constexpr std::size_t kMaxQueryChars = 64;

    // Folds every label (typically Graph::node_label). Replaces any earlier contents.
    void build(const std::vector<std::string>& labels);
    // The best `max_results` matches, best first. An empty or all-blank query gives none.
    std::vector<SearchHit> search(std::string_view query, std::size_t max_results = 20) const;

    std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }

private:
    // All folded labels back to back (code points), with per-character flags.
    std::vector<char32_t> chars_;
    std::vector<std::uint8_t> flags_;     // bit 0: word start, bit 1: label start
    std::vector<std::uint64_t> masks_;    // per label: bit (c % 64) set for each character c
    std::vector<std::uint32_t> offsets_;  // label i is chars_[offsets_[i] .. offsets_[i+1])
    std::vector<std::uint16_t> src_begin_, src_end_; // byte range of each folded char in its label
};

} // namespace rgv
