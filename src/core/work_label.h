// work_label.h — the short form of a work's label, the way researchers cite a paper:
// "He 2022", "He & Fan 2022", "He et al. 2022"; a title cut at a word boundary with an
// ellipsis when the graph knows none of its authors.
//
// Why: a work's title is usually too long to place beside its node once a graph has a few
// dozen nodes, so placement used to drop it while every (short) person name stayed. The
// label layer tries the full title first and this short form second.
//
// Authors come from the graph: person nodes joined to the work by an edge (either
// direction, any edge type), in the order of the edge attribute `position` (0-based
// author index, as the importers write it), edges without one after those with it, in
// edge order.
//
// This file is part of src/core/: no SDL, GL, ImGui or Emscripten include, ever.
#pragma once

#include "core/graph.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rgv {

// The surname to cite a person by, from their display name:
//   "Zhezhi He" -> "He"; "Ludwig van der Waals" -> "van der Waals";
//   "Anna Müller-Schmidt" -> "Müller-Schmidt" (a hyphenated last word stays whole);
//   "He, Zhezhi" -> "He" (a comma: the family name comes first);
//   "Martin Luther King Jr." -> "King" (Jr., Sr., II, III, IV are skipped);
//   "王小明" -> "王小明" (a name with a CJK character is kept whole: its script writes no
//   spaces and puts the family name first, so "the last word" would be wrong).
// "" for a blank name.
std::string cite_surname(std::string_view name);

// "He", "He & Fan", "He et al." followed by " <year>" when has_year. "" when surnames is
// empty.
std::string cite_authors(const std::vector<std::string>& surnames, bool has_year, int year);

// The title cut to at most max_chars code points, the ellipsis "…" included: at the last
// space that keeps at least half of them (trailing " :,;-–—" dropped), else mid-word
// (a script without spaces, or one very long word). Unchanged when it fits.
std::string shorten_title(std::string_view title, std::size_t max_chars);

// The work's authors in the graph (person nodes, in author order, each once).
std::vector<std::uint32_t> work_authors(const Graph& g, std::uint32_t work);

// Per node: the short form of every work's label ("" for other nodes, and for a work whose
// label is already no longer than the short form would be). One pass over the edges.
std::vector<std::string> work_short_labels(const Graph& g, std::size_t max_title_chars = 24);

} // namespace rgv
