// layout_internal.h — helpers shared by the layout engine's source files (not public API).
//
// Index
//   Random numbers   splitmix64: small, portable, same sequence native and wasm
//   Portable maths   sin/cos/log from + - * / and sqrt only (IEEE-exact everywhere)
//   Multilevel       multilevel_place() (layout_multilevel.cpp)
//   Pivot MDS        pivot_mds() (layout.cpp)
//
// Why portable maths: glibc's libm (native) and emscripten's musl-based libm (wasm) may
// round sin/cos/log/pow differently in the last bit, and a force simulation amplifies one
// ulp into a visibly different picture within a few hundred steps. Basic arithmetic and
// sqrt are correctly rounded by IEEE 754 on both targets, so we build on those alone.
#pragma once

#include "core/layout.h"

#include <cstdint>
#include <vector>

namespace rgv::layout_detail {

// [SECTION] Random numbers
inline std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Uniform in [0, 1) with 24 bits, exact in float.
inline float uniform01(std::uint64_t& state) {
    return static_cast<float>(splitmix64(state) >> 40) * (1.0f / 16777216.0f);
}

constexpr double kPi = 3.14159265358979323846;
// d3's phyllotaxis angle, pi * (3 - sqrt(5)): successive points never line up.
constexpr double kGoldenAngle = 2.39996322972865332;

// [SECTION] Portable maths
// Taylor series after reduction to [-pi, pi]; error below 1e-10, far under float's ulp.
void portable_sincos(double a, double& s, double& c);
// Natural log for x > 0 (frexp is exact bit manipulation; the mantissa through atanh).
double portable_log(double x);
// d with (1 - d)^steps == ratio (0 < ratio < 1), by bisection on exact multiplications.
float decay_for(float ratio, int steps);

// [SECTION] Multilevel
// Lays out one connected component (comp: node indices into the CSR off/adj of the whole
// graph) by coarsening (heavy-edge matching, leaves folded into their neighbour), a full
// d3 layout of the coarsest graph and a short refinement per level. Writes x, y of the
// component's nodes, centred on (cx, cy), mean edge about p.link_distance.
void multilevel_place(const std::vector<std::uint32_t>& comp,
                      const std::vector<std::uint32_t>& off, const std::vector<std::uint32_t>& adj,
                      const LayoutParams& p, double cx, double cy, std::uint64_t& rng,
                      std::vector<float>& x, std::vector<float>& y);

// [SECTION] Pivot MDS
// Unscaled pivot-MDS coordinates of one component (see layout.cpp).
void pivot_mds(const std::vector<std::uint32_t>& comp, const std::vector<std::uint32_t>& offsets,
               const std::vector<std::uint32_t>& targets, std::vector<std::int32_t>& local,
               std::uint64_t& rng, std::vector<double>& ox, std::vector<double>& oy);

} // namespace rgv::layout_detail
