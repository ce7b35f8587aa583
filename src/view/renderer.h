// renderer.h — draws the graph itself with instanced GL (GL 3.3 core / WebGL2), apart
// from ImGui: ImGui's draw lists hold at most 64K vertices with 16-bit indices on WebGL,
// and a graph slice can have far more nodes and edges than that.
//
// One instance per node (an antialiased shape — disc, rounded square, diamond or hexagon —
// with an optional ring) and one per edge (a screen-space strip of a given pixel width,
// straight or bent into a quadratic curve so parallel edges stay apart), plus one
// arrowhead per directed edge. Positions are world units; the vertex shaders apply the
// camera, so panning and zooming upload nothing.
#pragma once

#include "view/camera.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rgv {

enum class NodeShape : int { Circle = 0, RoundedSquare = 1, Diamond = 2, Hexagon = 3 };

struct NodeInstance {
    float x, y;          // world position
    float radius;        // world units (drawn at least ~1.5 px)
    std::uint32_t fill;  // RGBA8, R in the lowest byte
    std::uint32_t ring;  // RGBA8 outline colour; alpha 0 draws none
    float ring_px;       // outline width in logical pixels
    float shape;         // a NodeShape, as float for the vertex attribute
};

struct EdgeInstance {
    float ax, ay, bx, by; // world endpoints
    std::uint32_t color;  // RGBA8
    float width_px;       // logical pixels
    float curvature;      // control point offset / edge length, signed; 0 = straight
    float target_radius;  // world units: where an arrowhead stops short of the target
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
    // Edges come as two lists: straight ones (4 vertices each) and curved ones (a strip of
    // kCurveSegments); `arrows` are the directed edges that get an arrowhead. With
    // `changed` false the lists are not read: the last uploaded ones are drawn again
    // (panning and zooming only change uniforms).
    void draw(bool changed, const Camera& camera, const std::vector<EdgeInstance>& straight,
              const std::vector<EdgeInstance>& curved, const std::vector<EdgeInstance>& arrows,
              const std::vector<NodeInstance>& nodes, int fb_x, int fb_y, int fb_w, int fb_h);

    static constexpr int kCurveSegments = 12;

private:
    // One instanced batch: a VAO over a per-instance buffer that grows as needed.
    struct Batch {
        unsigned vao = 0, vbo = 0;
        std::size_t capacity = 0; // bytes
        std::size_t count = 0;    // instances uploaded
    };
    void upload_batch(Batch& batch, const void* data, std::size_t count, std::size_t stride);
    void draw_batch(const Batch& batch, unsigned program, const Camera& camera, unsigned mode, int vertices);

    unsigned node_program_ = 0, edge_program_ = 0, arrow_program_ = 0;
    unsigned node_quad_ = 0, edge_strip_ = 0, curve_strip_ = 0, arrow_tri_ = 0; // shared geometry
    Batch nodes_, straight_, curved_, arrows_;
};

} // namespace rgv
