// view_state.h — the deep link: what the URL hash says about the view, both ways.
//
// Index
//   ViewState        focus, selection, filter, colour and size modes, camera, mode
//   Hash             view_state_to_hash, parse_view_state_hash
//   Percent-coding   percent_encode, percent_decode
//
// Hash form: "#key=value&key=value", keys in a fixed order, defaults left out:
//   focus=ID  sel=ID  color=type|community|year  size=degree|citations
//   years=FROM-TO  undated=hide  hide=TYPE,TYPE  topics=ID,ID  cam=X,Y,ZOOM
//   mode=compact|explorer
// Values are percent-encoded (everything but A-Z a-z 0-9 - . _ ~), list items one by
// one, so a ',' inside an id is "%2C". Parsing is strict: a bad value is an error naming
// its key ("cam: expected X,Y,ZOOM with finite decimal numbers, got \"1,2\""); an unknown
// key is skipped with a warning, so links from newer versions still open.
//
// src/core/: no SDL, GL, ImGui or Emscripten include.
#pragma once

#include "core/filter.h"

#include <string>
#include <string_view>
#include <vector>

namespace rgv {

// [SECTION] ViewState
struct ViewState {
    std::string focus;                  // node id; empty: the slice's own focus
    std::string selected;               // node id; empty: nothing selected
    Filter filter;
    std::string color_mode = "type";    // "type" | "community" | "year"
    std::string size_mode = "degree";   // "degree" | "citations"
    bool has_camera = false;
    float cx = 0, cy = 0, zoom = 1;     // world centre and zoom (zoom > 0)
    std::string mode;                   // "compact" | "explorer"; empty: the host decides

    bool operator==(const ViewState& o) const {
        return focus == o.focus && selected == o.selected && filter == o.filter &&
               color_mode == o.color_mode && size_mode == o.size_mode && has_camera == o.has_camera &&
               (!has_camera || (cx == o.cx && cy == o.cy && zoom == o.zoom)) && mode == o.mode;
    }
};

// [SECTION] Hash
// "#..." (just "#" for the default state). Camera numbers: centre with 2 decimals, zoom
// with 5 significant digits.
std::string view_state_to_hash(const ViewState& state);

struct ViewStateParseResult {
    bool ok = false;
    std::string error;                 // one line, set when !ok
    std::vector<std::string> warnings; // unknown or repeated keys
};
// Accepts the hash with or without its leading '#'. On failure `out` is left untouched.
// Refuses hashes over 8192 bytes, ids over 512 bytes, lists over 256 entries, invalid
// percent-encoding and decoded text that is not UTF-8 or holds control characters.
ViewStateParseResult parse_view_state_hash(std::string_view hash, ViewState& out);

// [SECTION] Percent-coding
std::string percent_encode(std::string_view s);
// False on a '%' not followed by two hex digits.
bool percent_decode(std::string_view s, std::string& out);

} // namespace rgv
