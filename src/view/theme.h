// theme.h — colours shared by the GL renderer, the labels and the panels, so a node type
// is the same colour in the graph, in the legend and in the profile panel.
#pragma once

#include "core/graph.h"
#include "view/renderer.h"

namespace rgv::theme {

// Node fill per NodeKind (Tableau 10 hues: distinct for the common colour blindnesses).
constexpr std::uint32_t kKindColor[static_cast<int>(NodeKind::Count)] = {
    rgba(78, 121, 167),  // work: blue
    rgba(242, 142, 43),  // person: orange
    rgba(89, 161, 79),   // topic: green
    rgba(176, 122, 161), // institution: purple
    rgba(148, 148, 148), // other: grey
};
constexpr std::uint32_t kFocusColor = rgba(225, 87, 89);  // the researcher: red
constexpr std::uint32_t kBackground = rgba(248, 248, 246);
constexpr std::uint32_t kEdge = rgba(120, 130, 145, 90);
constexpr std::uint32_t kEdgeHighlight = rgba(60, 70, 90, 220);
constexpr std::uint32_t kRing = rgba(255, 255, 255, 255);
constexpr std::uint32_t kRingSelected = rgba(30, 30, 30, 255);
// While a node is hovered or selected, a veil of the background at this alpha covers
// everything but it and its neighbours.
constexpr float kVeilAlpha = 0.72f;

inline std::uint32_t kind_color(NodeKind k) { return kKindColor[static_cast<int>(k)]; }

// Shape per type, so types stay apart without colour too (colour-blind readers, print).
inline NodeShape kind_shape(NodeKind k) {
    switch (k) {
    case NodeKind::Work: return NodeShape::RoundedSquare;
    case NodeKind::Topic: return NodeShape::Diamond;
    case NodeKind::Institution: return NodeShape::Hexagon;
    default: return NodeShape::Circle;
    }
}

// Same colour with its alpha multiplied by `a` (0..1).
inline std::uint32_t fade(std::uint32_t c, float a) {
    const auto alpha = static_cast<std::uint32_t>(static_cast<float>(c >> 24) * a);
    return (c & 0x00FFFFFFu) | (alpha << 24);
}

} // namespace rgv::theme
