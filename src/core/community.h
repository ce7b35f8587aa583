// community.h — community detection for "colour by community": Louvain modularity
// optimisation (Blondel et al. 2008) with the aggregation phase, on the undirected,
// weighted view of the graph. Deterministic for a seed.
//
// Index
//   CommunityOptions   seed, resolution, limits
//   Communities        community id per node, sizes, modularity
//   detect_communities / modularity
//
// The undirected view: every edge between two nodes counts once per direction-free pair
// (parallel edges add up their weights); direction is ignored. Edges whose weight is not
// a finite positive number are left out (a zero-weight link says "no tie"), and edges
// with an endpoint out of range are skipped. A self-loop of weight w adds w inside its
// node's community and 2w to the node's strength (networkx's convention), so the
// modularity of a partition matches networkx.community.modularity.
//
// src/core/: no SDL, GL, ImGui or Emscripten include.
#pragma once

#include "core/graph.h"

#include <cstdint>
#include <vector>

namespace rgv {

// [SECTION] CommunityOptions
struct CommunityOptions {
    std::uint64_t seed = 1;   // order in which each level visits its nodes (seeded shuffle)
    double resolution = 1.0;  // gamma of the modularity; > 1 gives more, smaller communities
    int max_levels = 32;      // aggregation levels at most
    int max_passes = 64;      // local-moving passes per level at most
};

// [SECTION] Communities
struct Communities {
    // Community of each node, 0..count-1, numbered by decreasing size; equal sizes by
    // their smallest node index. Isolated nodes are communities of one.
    std::vector<std::uint32_t> community;
    std::vector<std::uint32_t> sizes; // nodes per community, indexed by id
    std::uint32_t count = 0;
    double modularity = 0.0;          // of `community` on the whole graph; 0 without edges
    int levels = 0;                   // aggregation levels that moved something
};

// [SECTION] detect_communities / modularity
Communities detect_communities(const Graph& g, const CommunityOptions& options = {});

// Modularity of a partition (one id per node; ids need not be dense) on the undirected
// view described above. 0 when the graph has no usable edge or `community` has the
// wrong size.
double modularity(const Graph& g, const std::vector<std::uint32_t>& community,
                  double resolution = 1.0);

} // namespace rgv
