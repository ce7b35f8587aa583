// theme.h — the viewer's colours: light and dark built in, or a host's own (setTheme, the
// `theme` option and attribute, `rgv --theme`). One Theme feeds the GL renderer, the
// labels, the ImGui panels (view/ui/style.cpp) and the SVG / PNG exports, so a node type
// is the same colour in the graph, the legend and an exported file.
//
// A host names twelve colours (kThemeColors); the rest (dim text, rings, label boxes, the
// veil) follow from them in derive(), so a custom panel colour still gets readable labels.
#pragma once

#include "core/graph.h"
#include "view/model/color.h"

#include <nlohmann/json.hpp>

#include <string>

namespace rgv {

struct Theme {
    std::string name = "light"; // "light", "dark" or "custom"
    bool dark = false;

    // [SECTION] the colours a host can set
    std::uint32_t background = 0; // the graph area
    std::uint32_t text = 0;       // panel and label text
    std::uint32_t panel = 0;      // side panel, cards, label boxes
    std::uint32_t accent = 0;     // buttons, progress, focus ring, links
    std::uint32_t kind[static_cast<int>(NodeKind::Count)] = {}; // node fill per type
    std::uint32_t focus = 0;      // the researcher's node
    std::uint32_t edge = 0;       // edges at rest
    std::uint32_t highlight = 0;  // the hovered / selected node's edges

    // [SECTION] derived (derive())
    std::uint32_t text_dim = 0;      // secondary text (ImGui's TextDisabled)
    std::uint32_t frame = 0;         // input fields, unticked boxes
    std::uint32_t separator = 0;
    std::uint32_t ring = 0;          // node outline, separates touching nodes
    std::uint32_t ring_selected = 0; // the hovered / selected node's outline
    std::uint32_t label_box = 0;     // behind graph labels (translucent panel)
    std::uint32_t label_focus_text = 0; // the researcher's label
    std::uint32_t error_text = 0;
    std::uint32_t ok_text = 0;       // good news ("Open to collaborate")
    std::uint32_t undated = 0;       // colour by year: nodes without a year
    std::uint32_t veil = 0;          // over the rest while a node is highlighted

    std::uint32_t kind_color(NodeKind k) const { return kind[static_cast<int>(k)]; }
    // Recomputes the derived colours from the named ones.
    void derive();
};

Theme light_theme();
Theme dark_theme();

// The named colours, in the order the API documents them.
struct ThemeColor {
    const char* name;
    std::uint32_t Theme::*member; // null for the per-kind ones (index below)
    int kind = -1;
};
extern const ThemeColor kThemeColors[12];

// "light", "dark", or {"base": "light"|"dark", "<colour>": "#rrggbb", ...}: the base theme
// with the colours given. False with a one-line message (for "set_theme: ...") and `out`
// untouched on any mistake.
bool theme_from_json(const nlohmann::json& spec, Theme& out, std::string& error);
// {"name", "dark", "colors": {name: "#rrggbb"}}: what state().theme reports.
nlohmann::json theme_to_json(const Theme& theme);

} // namespace rgv
