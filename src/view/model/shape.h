// shape.h — the node shapes the renderer draws (its shaders' shape ids) and which type
// gets which, so types stay apart without colour too.
#pragma once

#include "core/graph.h"

namespace rgv {

enum class NodeShape : int { Circle = 0, RoundedSquare = 1, Diamond = 2, Hexagon = 3 };

// Shape per type, so types stay apart without colour too (colour-blind readers, print).
inline NodeShape kind_shape(NodeKind k) {
    switch (k) {
    case NodeKind::Work: return NodeShape::RoundedSquare;
    case NodeKind::Topic: return NodeShape::Diamond;
    case NodeKind::Institution: return NodeShape::Hexagon;
    default: return NodeShape::Circle;
    }
}

} // namespace rgv
