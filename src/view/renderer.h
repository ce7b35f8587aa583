// renderer.h — draws the graph itself with instanced GL (GL 3.3 core / WebGL2), apart
// from ImGui: ImGui's draw lists hold at most 64K vertices with 16-bit indices on WebGL,
// and a graph slice can have far more nodes and edges than that.
//
// One instance per node (an antialiased disc with an optional ring) and one per edge
// (a screen-space quad of a given pixel width). Positions are world units; the vertex
// shaders apply the camera, so panning and zooming upload nothing.
#pragma once

#include "view/camera.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rgv {

struct NodeInstance {
    float x, y;          // world position
    float radius;        // world units (drawn at least ~1.5 px)
    std::uint32_t fill;  // RGBA8, R in the lowest byte
    std::uint32_t ring;  // RGBA8 outline colour; alpha 0 draws none
    float ring_px;       // outline width in logical pixels
};

struct EdgeInstance {
    float ax, ay, bx, by; // world endpoints
    std::uint32_t color;  // RGBA8
    float width_px;       // logical pixels
};

// Packs 0..255 channels into the RGBA8 layout the shaders read.
constexpr std::uint32_t rgba(std::uint32_t r, std::uint32_t g, std::uint32_t b, std::uint32_t a = 255) {
    return r | (g << 8) | (b << 16) | (a << 24);
}

class GraphRenderer {
public:
    // Compiles the shaders and makes the buffers; needs a current GL context.
    bool init(std::string& error);
    void shutdown();

    // Draws into the framebuffer rectangle (fb_x, fb_y, fb_w, fb_h) (GL convention:
    // origin bottom-left), with the camera's viewport in logical pixels.
    void draw(const Camera& camera, const std::vector<EdgeInstance>& edges,
              const std::vector<NodeInstance>& nodes, int fb_x, int fb_y, int fb_w, int fb_h);

private:
    unsigned node_program_ = 0, edge_program_ = 0;
    unsigned node_vao_ = 0, edge_vao_ = 0;
    unsigned quad_vbo_ = 0, node_vbo_ = 0, edge_vbo_ = 0;
    std::size_t node_capacity_ = 0, edge_capacity_ = 0;
};

} // namespace rgv
