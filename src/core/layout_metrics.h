// layout_metrics.h — layout quality scores, exactly as /work/shared/LAYOUT_METRICS.md
// defines them (shared/LAYOUT_METRICS.md beside the repository in CI).
//
// Index
//   LayoutMetrics     the four scores together
//   Functions         one per score, plus measure_layout() for all four
//
// The graph is read as undirected and unweighted; self-loops are ignored and parallel
// edges count once for neighbourhoods and distances. Every score is invariant to
// translation, rotation and uniform scaling. Large inputs fall back to the sampled
// estimates the definitions allow, always with a fixed seed, so figures are reproducible.
#pragma once

#include "core/graph.h"

#include <cstdint>

namespace rgv {

// [SECTION] LayoutMetrics
struct LayoutMetrics {
    double stress = 0;             // normalised stress, optimal scaling; lower is better
    double neighbourhood = 0;      // NP (Jaccard of graph vs layout neighbours); higher is better
    double crossings_per_edge = 0; // proper crossings of edges without a shared end / m
    double edge_length_cv = 0;     // std / mean of edge lengths
};

// [SECTION] Functions
// Exact below exact_below nodes; above, all pairs from `sources` BFS sources (seeded).
double layout_stress(const Graph& g, std::size_t exact_below = 3000, std::size_t sources = 200,
                     std::uint64_t seed = 1);
// Exact below exact_below nodes; above, the mean over `samples` nodes drawn with a seed
// (each still against all other nodes), since the exact score is O(n^2).
double neighbourhood_preservation(const Graph& g, std::size_t exact_below = 20000,
                                  std::size_t samples = 3000, std::uint64_t seed = 1);
// Exact below exact_below edges; above, `samples` random edge pairs (seeded).
double crossings_per_edge(const Graph& g, std::size_t exact_below = 20000,
                          std::size_t samples = 20'000'000, std::uint64_t seed = 1);
double edge_length_cv(const Graph& g);
LayoutMetrics measure_layout(const Graph& g);

} // namespace rgv
