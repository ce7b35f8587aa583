// slice_io.h — writing a Slice back out in its own format ("rgv-slice" version 1).
//
// Index
//   write_slice   Slice -> JSON text that parse_slice() reads back to the same slice
//
// Reading lives in slice.h (parse_slice). The format is documented in
// docs/slice-format.md. src/core/: no SDL, GL, ImGui or Emscripten include.
#pragma once

#include "core/slice.h"

#include <string>

namespace rgv {

// [SECTION] write_slice
// Serializes profile, focus, nodes and edges (with their attrs) as "rgv-slice" v1.
// with_positions = true writes the current x/y of every node (an export of the layout;
// reading it back sets has_position for all nodes); false writes no positions, so the
// layout starts fresh next time. Numbers from float fields are written in their
// shortest form that reads back to the same float, so write -> parse is lossless.
// Slice::warnings are not written: they describe the load, not the data.
std::string write_slice(const Slice& slice, bool with_positions);

// A float as the JSON number with the fewest digits that reads back to the same float
// (0.1, not 0.10000000149011612). Shared with the exporters.
nlohmann::json float_number(float f);

} // namespace rgv
