// renderer.h — draws the graph itself with instanced GL (GL 3.3 core / WebGL2), apart
// from ImGui: ImGui's draw lists hold at most 64K vertices with 16-bit indices on WebGL,
// and a graph slice can have far more nodes and edges than that.
//
// One item per node (an antialiased shape — disc, rounded square, diamond or hexagon —
// with an optional ring) and one per edge (a screen-space strip of a given pixel width,
// straight or bent into a quadratic curve so parallel edges stay apart), plus one
// arrowhead per directed edge. Positions are world units; the vertex shaders apply the
// camera, so panning and zooming upload nothing. Each instance of a draw is a chunk of
// kPerChunk items whose data the vertex shader fetches from a texture (renderer.cpp,
// "3. GraphRenderer", says why not one instance per item).
//
// Two layers: the base graph, and a small highlight layer (the hovered or selected node,
// its neighbours and its edges) drawn over a veil of background colour that fades the
// rest. A hover then uploads a few items, not the whole graph: on a 100k-node graph
// the base layer is ~18 MB of items and is only rebuilt when the graph changes.
//
// Edges run between the nodes' outlines, not their centres: an edge hidden under its
// nodes (most of them on a big graph seen whole) makes no fragments at all, and that is
// where a software rasteriser spends its time.
#pragma once

#include "view/camera.h"
#include "view/model/color.h"
#include "view/model/shape.h"

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


// Clears the bound framebuffer (its viewport) to an RGBA8 colour.
void clear_to(std::uint32_t color);

class GraphRenderer {
public:
    // Compiles the shaders and makes the buffers; needs a current GL context.
    bool init(std::string& error);
    void shutdown();

    // Draws into the framebuffer rectangle (fb_x, fb_y, fb_w, fb_h) (GL convention:
    // origin bottom-left), with the camera's viewport in logical pixels: the base layer,
    // then, if `veil` has any alpha, a veil of that colour (RGBA8) over it and the top
    // layer over the veil. A layer whose `changed` is false is not read: the last uploaded
    // one is drawn again (panning and zooming only change uniforms).
    //
    // With `cached`, once a frame repeats the last one's base layer and camera, the base
    // layer is drawn into a texture of the rectangle's size and copied from there while
    // neither changes: a hover, a selection or anything in the panels then costs one copy,
    // not the whole graph again (a 100k-node frame takes about a second on a software
    // rasteriser). The image export draws straight into its own framebuffer instead.
    void draw(const Camera& camera, const GraphLayer& base, bool base_changed, const GraphLayer& top,
              bool top_changed, std::uint32_t veil, int fb_x, int fb_y, int fb_w, int fb_h, bool cached);

    // How often the base layer's items were drawn (into the cache or straight).
    std::uint64_t base_passes() const { return base_passes_; }
    // The last frame drew the base layer straight (the view had just changed) and the
    // cache can be filled: one more frame settles the picture on the cached image, so a
    // still view always looks the same (the two differ by rounding, up to 3 levels of
    // 255) and the first hover after a move finds the cache ready.
    bool unsettled() const { return last_.drawn && !cache_.valid && !cache_.failed; }
    // Whether this camera and framebuffer rectangle are the ones the last draw() used.
    bool repeats_view(const Camera& camera, int fb_x, int fb_y, int fb_w, int fb_h) const;

    static constexpr int kCurveSegments = 12;
    static constexpr int kPerChunk = 128; // items per instance (chunk) of a draw

    // One chunk's geometry (the corners of kPerChunk items, as triangles), shared by the
    // batches drawn with it.
    struct Chunk {
        unsigned vao = 0, vbo = 0;
        int vertices = 0; // per item
    };

private:
    // One batch of items: their data texture (texture_width_ texels wide, growing by rows).
    struct Batch {
        unsigned texture = 0;
        std::size_t rows = 0;  // allocated
        std::size_t count = 0; // items uploaded
    };

    // The four batches of one layer, uploaded and drawn together.
    struct LayerBatches {
        Batch straight, curved, arrows, nodes;
    };
    void upload_layer(LayerBatches& layer, const GraphLayer& data);
    void draw_layer(const LayerBatches& layer, const Camera& camera);
    void upload_batch(Batch& batch, const void* data, std::size_t count, std::size_t stride);
    void draw_batch(const Batch& batch, const Chunk& chunk, unsigned program, const Camera& camera);
    bool ensure_cache(int w, int h, unsigned target);

    // The base layer drawn into a texture; valid while the view stays the last one.
    struct Cache {
        unsigned fbo = 0, texture = 0;
        int width = 0, height = 0;
        bool complete = false, valid = false;
        bool failed = false; // the framebuffer could not be made: always draw straight
    };
    // The view and rectangle the base layer was last drawn with.
    struct LastView {
        bool drawn = false;
        Camera camera;
        int rect[4] = {}; // x, y, w, h
    };

    unsigned node_program_ = 0, edge_program_ = 0, arrow_program_ = 0, veil_program_ = 0, copy_program_ = 0;
    Chunk node_chunk_, straight_chunk_, curve_chunk_, arrow_chunk_;
    int texture_width_ = 0, max_rows_ = 0;
    unsigned veil_vao_ = 0; // no attributes: the veil's triangle comes from gl_VertexID
    LayerBatches base_, top_;
    Cache cache_;
    LastView last_;
    std::uint64_t base_passes_ = 0;
};

} // namespace rgv
