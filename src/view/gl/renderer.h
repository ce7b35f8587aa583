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
// "[SECTION] item batches", says why not one instance per item).
//
// Two layers: the base graph, and a small highlight layer (the hovered or selected node,
// its neighbours and its edges) drawn over a veil of background colour that fades the
// rest. A hover then uploads a few items, not the whole graph: on a 100k-node graph
// the base layer is ~18 MB of items and is only rebuilt when the graph changes.
//
// Edges run between the nodes' outlines, not their centres: an edge hidden under its
// nodes (most of them on a big graph seen whole) makes no fragments at all, and that is
// where a software rasteriser spends its time.
//
// Sections (grep "[SECTION] name"):
//   items          what the shaders draw: nodes, edges, layers, colours
//   draw requests  clear_to, Rect and DrawParams
//   GraphRenderer  owns every GL object of the graph's drawing and of the image export
#pragma once

#include "view/model/camera.h"
#include "view/gl/gl_object.h"
#include "view/model/layers.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace rgv {

// [SECTION] draw requests

// Clears the bound framebuffer (its viewport) to an RGBA8 colour.
void clear_to(std::uint32_t color);

// A framebuffer rectangle in pixels, GL convention: origin bottom-left.
struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
    friend bool operator==(const Rect& a, const Rect& b) {
        return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
    }
    friend bool operator!=(const Rect& a, const Rect& b) { return !(a == b); }
};

// One draw: the base layer, then, if `veil` has any alpha, a veil of that colour over it
// and the top layer over the veil. A layer whose `changed` is false is not read (its
// pointer may be null): the last uploaded one is drawn again (panning and zooming only
// change uniforms).
struct DrawParams {
    const Camera* camera = nullptr; // its viewport is in logical pixels
    const GraphLayer* base = nullptr;
    bool base_changed = false;
    const GraphLayer* top = nullptr;
    bool top_changed = false;
    std::uint32_t veil = 0; // RGBA8; alpha 0: no veil, no top layer
    Rect rect;              // framebuffer px, origin bottom-left
    bool cached = true;     // may use / fill the cached base-layer image
};

// [SECTION] GraphRenderer

class GraphRenderer {
public:
    // Compiles the shaders and makes the buffers; needs a current GL context.
    bool init(std::string& error);
    // Deletes every GL object; call it while the context is still current (the
    // destructor deletes whatever is left, and by then the context may be gone).
    void shutdown();

    // Draws into `p.rect`. With `p.cached`, once a frame repeats the last one's base
    // layer and camera, the base layer is drawn into a texture of the rectangle's size and
    // copied from there while neither changes: a hover, a selection or anything in the
    // panels then costs one copy, not the whole graph again (a 100k-node frame takes about
    // a second on a software rasteriser). The image export draws straight instead.
    void draw(const DrawParams& p);

    // Draws `p` (rect forced to the whole image, uncached) into an offscreen RGBA8
    // framebuffer of width x height cleared to `background`, then calls `overlay()` with
    // that framebuffer bound (the App draws the labels there with ImGui's GL backend), and
    // reads the pixels back top-down into `rgba` (width * height * 4 bytes). The
    // framebuffer bound before is bound again.
    bool render_offscreen(DrawParams p, int width, int height, std::uint32_t background,
                          const std::function<void()>& overlay, std::vector<std::uint8_t>& rgba, std::string& error);

    // How often the base layer's items were drawn (into the cache or straight).
    std::uint64_t base_passes() const { return base_passes_; }
    // The last frame drew the base layer straight (the view had just changed) and the
    // cache can be filled: one more frame settles the picture on the cached image, so a
    // still view always looks the same (the two differ by rounding, up to 3 levels of
    // 255) and the first hover after a move finds the cache ready.
    bool unsettled() const { return last_.drawn && !cache_.valid && !cache_.failed; }
    // Whether this camera and framebuffer rectangle are the ones the last draw() used.
    bool repeats_view(const Camera& camera, Rect rect) const;

    static constexpr int kCurveSegments = 12;
    static constexpr int kPerChunk = 128; // items per instance (chunk) of a draw

    // One chunk's geometry (the corners of kPerChunk items, as triangles), shared by the
    // batches drawn with it.
    struct Chunk {
        GlVertexArray vao;
        GlBuffer vbo;
        int vertices = 0; // per item
    };

private:
    // The programs, with their uniform locations looked up once at link time.
    struct ItemProgram { // nodes, edges, arrowheads
        GlProgram program;
        int center = -1, zoom = -1, viewport = -1, count = -1;
    };
    struct VeilProgram {
        GlProgram program;
        int color = -1;
    };
    struct CopyProgram {
        GlProgram program;
        int origin = -1;
    };

    // One batch of items: their data texture (texture_width_ texels wide, growing by rows).
    struct Batch {
        GlTexture texture;
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
    void draw_batch(const Batch& batch, const Chunk& chunk, const ItemProgram& program, const Camera& camera);
    bool ensure_cache(int w, int h, unsigned target);

    // The base layer drawn into a texture; valid while the view stays the last one.
    struct Cache {
        GlFramebuffer fbo;
        GlTexture texture;
        int width = 0, height = 0;
        bool complete = false, valid = false;
        bool failed = false; // the framebuffer could not be made: always draw straight
    };
    // The view and rectangle the base layer was last drawn with.
    struct LastView {
        bool drawn = false;
        Camera camera;
        Rect rect;
    };

    ItemProgram node_program_, edge_program_, arrow_program_;
    VeilProgram veil_program_;
    CopyProgram copy_program_;
    Chunk node_chunk_, straight_chunk_, curve_chunk_, arrow_chunk_;
    int texture_width_ = 0, max_rows_ = 0;
    GlVertexArray veil_vao_; // no attributes: the veil's triangle comes from gl_VertexID
    LayerBatches base_, top_;
    Cache cache_;
    LastView last_;
    std::uint64_t base_passes_ = 0;
};

} // namespace rgv
