// harfbuzz_wasm.cc — the wasm build's HarfBuzz: its one-file amalgamation (harfbuzz.cc),
// with HB_FUNC empty. HarfBuzz passes HB_FUNC (__PRETTY_FUNCTION__) to its trace helpers,
// which ignore it unless HB_DEBUG is on; at -Oz they are not always inlined, and the
// names ("bool OT::ArrayOf<OT::OffsetTo<...>>::sanitize(hb_sanitize_context_t*) const")
// stayed in the module: 80 KB of its data, fetched before the first frame.
#include "hb.hh"
#undef HB_FUNC
#define HB_FUNC ""
#include "harfbuzz.cc"
