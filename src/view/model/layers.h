// layers.h — what the GL renderer draws, in its own layout: one item per node and per
// edge (whole 16-byte texels: the vertex shaders fetch items from a texture, see
// view/gl/renderer.cpp), grouped in a layer. The scene builder (scene.h) fills layers from
// the graph; the renderer uploads and draws them. No GL here.
#pragma once

#include "view/model/color.h"
#include "view/model/shape.h"

#include <cstdint>
#include <vector>

namespace rgv {

struct NodeInstance {
    float x, y;          // world position
    float radius;        // world units (drawn at least ~1.5 px)
    std::uint32_t fill;  // RGBA8, R in the lowest byte
    std::uint32_t ring;  // RGBA8 outline colour; alpha 0 draws none
    float ring_px;       // outline width in logical pixels
    float shape;         // a NodeShape, as float like the rest
    float pad_ = 0;      // whole 16-byte texels: the shaders read items from a texture
};

struct EdgeInstance {
    float ax, ay, bx, by; // world endpoints
    std::uint32_t color;  // RGBA8
    float width_px;       // logical pixels
    float curvature;      // control point offset / edge length, signed; 0 = straight
    float source_radius;  // world units: the edge starts at the source's outline
    float target_radius;  // world units: it ends (and an arrowhead stops) at the target's
    float pad_[3] = {};   // whole 16-byte texels
};
static_assert(sizeof(NodeInstance) % 16 == 0 && sizeof(EdgeInstance) % 16 == 0, "items are whole RGBA32UI texels");

// What one layer draws: edges straight (4 vertices each) and curved (a strip of
// kCurveSegments), arrowheads for the directed ones, then nodes on top.
struct GraphLayer {
    std::vector<EdgeInstance> straight, curved, arrows;
    std::vector<NodeInstance> nodes;
    void clear() {
        straight.clear();
        curved.clear();
        arrows.clear();
        nodes.clear();
    }
};

} // namespace rgv
