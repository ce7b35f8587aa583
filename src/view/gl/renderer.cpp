// renderer.cpp — see renderer.h.
//
// Sections (grep "[SECTION] name"):
//   shader sources   written once, prefixed with "#version 330 core" or "#version 300 es"
//   GL helpers       compile / link with the driver's log in the error message, chunk geometry
//   item batches     item textures (vertex pulling): init, shutdown, upload, draw a layer
//   draw             the cached base layer, the veil and the top layer
//   offscreen image  the image export's framebuffer and read-back
#include "view/gl/renderer.h"

#include "view/gl/gl.h"

#include <algorithm>
#include <cstddef>
#include <string>

namespace rgv {

// [SECTION] shader sources
namespace {

// Every vertex shader of an item program: where its item's data is (see "[SECTION] item batches").
// item_prelude() defines kPerChunk and kTexels (texels per item) before it.
const char* kItemGlsl = R"(
// The items (nodes or edges) of a batch, kTexels texels each, row after row of the data
// texture. A draw's instance is a chunk of kPerChunk items: a_corner.z is the item's slot
// in the chunk, a_corner.xy its corner.
uniform highp usampler2D u_items;
uniform int u_count;
layout(location = 0) in vec3 a_corner;
int item_index() { return gl_InstanceID * kPerChunk + int(a_corner.z); }
uvec4 item_texel(int item, int j) {
    int t = item * kTexels + j;
    int w = textureSize(u_items, 0).x;
    return texelFetch(u_items, ivec2(t % w, t / w), 0);
}
vec4 rgba8(uint c) { return vec4(uvec4(c, c >> 8, c >> 16, c >> 24) & 255u) / 255.0; }
vec4 off_screen() { return vec4(2.0, 2.0, 2.0, 1.0); } // a vertex of a triangle nobody sees
)";

// Every shader: world -> logical pixels -> clip space.
const char* kCameraGlsl = R"(
uniform vec2 u_center;
uniform float u_zoom;
uniform vec2 u_viewport;
vec2 to_screen(vec2 w) { return (w - u_center) * u_zoom + 0.5 * u_viewport; }
vec4 to_clip(vec2 s) { return vec4(s.x / u_viewport.x * 2.0 - 1.0, 1.0 - s.y / u_viewport.y * 2.0, 0.0, 1.0); }
// A node's drawn radius in pixels (the node program draws at least 1.5 px).
float node_px(float radius) { return max(radius * u_zoom, 1.5); }
// An edge on screen (edge and arrow programs): its ends (the nodes' centres), unit chord
// direction, length, and the Bezier control point curvature * length off the midpoint
// (0: straight).
struct EdgeGeom { vec2 a; vec2 b; vec2 dir; float len; vec2 ctrl; };
EdgeGeom edge_geom(vec4 ends, float curvature) {
    EdgeGeom e;
    e.a = to_screen(ends.xy);
    e.b = to_screen(ends.zw);
    vec2 chord = e.b - e.a;
    e.len = length(chord);
    e.dir = e.len > 1e-6 ? chord / e.len : vec2(1.0, 0.0);
    e.ctrl = 0.5 * (e.a + e.b) + vec2(-e.dir.y, e.dir.x) * curvature * e.len;
    return e;
}
)";

// Node texels: (x, y, radius, fill) (ring, ring_px, shape, -), as NodeInstance.
const char* kNodeVs = R"(
out vec2 v_local;
out float v_radius;
out vec4 v_fill;
out vec4 v_ring;
out float v_ring_px;
flat out int v_shape;
void main() {
    int item = item_index();
    if (item >= u_count) {
        gl_Position = off_screen();
        return;
    }
    uvec4 w0 = item_texel(item, 0), w1 = item_texel(item, 1);
    float r = node_px(uintBitsToFloat(w0.z));
    v_shape = int(uintBitsToFloat(w1.z) + 0.5);
    // The quad just holds the shape (see the distance functions: the diamond's tips reach
    // 1.25 r, the hexagon's corners 1.1 r, the rounded square's sides 0.89 r) and its
    // antialiased edge; every pixel beyond is fill rate spent on nothing.
    float reach = v_shape == 2 ? 1.25 : v_shape == 3 ? 1.1 : v_shape == 1 ? 0.9 : 1.0;
    float extent = r * reach + 1.0;
    v_local = a_corner.xy * extent;
    v_radius = r;
    v_fill = rgba8(w0.w);
    v_ring = rgba8(w1.x);
    v_ring_px = min(uintBitsToFloat(w1.y), r * 0.5);
    gl_Position = to_clip(to_screen(uintBitsToFloat(w0.xy)) + v_local);
}
)";

// Signed distances in logical pixels (negative inside); all shapes have about the same
// area as the disc of radius r, so sizes compare across types.
const char* kNodeFs = R"(
in vec2 v_local;
in float v_radius;
in vec4 v_fill;
in vec4 v_ring;
in float v_ring_px;
flat in int v_shape;
out vec4 frag;
float sd_round_square(vec2 p, float r) {
    float c = r * 0.3;
    vec2 q = abs(p) - vec2(r * 0.89 - c);
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - c;
}
float sd_diamond(vec2 p, float r) { return (abs(p.x) + abs(p.y) - r * 1.25) * 0.70710678; }
float sd_hexagon(vec2 p, float r) {
    const vec3 k = vec3(-0.866025404, 0.5, 0.577350269);
    p = abs(p.yx);
    float h = r * 0.95;
    p -= 2.0 * min(dot(k.xy, p), 0.0) * k.xy;
    p -= vec2(clamp(p.x, -k.z * h, k.z * h), h);
    return length(p) * sign(p.y);
}
void main() {
    float d;
    if (v_shape == 1) d = sd_round_square(v_local, v_radius);
    else if (v_shape == 2) d = sd_diamond(v_local, v_radius);
    else if (v_shape == 3) d = sd_hexagon(v_local, v_radius);
    else d = length(v_local) - v_radius;
    float aa = max(fwidth(d), 1e-3);
    float coverage = clamp(0.5 - d / aa, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    float ring_t = v_ring.a > 0.0 ? clamp(0.5 + (d + v_ring_px) / aa, 0.0, 1.0) : 0.0;
    vec4 c = mix(v_fill, vec4(v_ring.rgb, 1.0), ring_t * v_ring.a);
    frag = vec4(c.rgb * c.a * coverage, c.a * coverage); // premultiplied
}
)";

// Edges: a strip along t in 0..1 and across -1..1. A straight edge uses t = 0 and 1 only;
// a curved one is a quadratic Bezier whose control point sits curvature * length off the
// midpoint, so two edges between the same nodes bend to opposite sides.
// Edge texels: (ax, ay, bx, by) (color, width, curvature, source radius) (target radius, -, -, -),
// as EdgeInstance; read by the edge and arrow programs.
const char* kEdgeVs = R"(
out float v_across;
out float v_half;
out vec4 v_color;
void main() {
    int item = item_index();
    uvec4 w1 = item_texel(item, 1);
    float a_width = uintBitsToFloat(w1.y);
    float a_source_radius = uintBitsToFloat(w1.w);
    float a_target_radius = uintBitsToFloat(item_texel(item, 2).x);
    EdgeGeom e = edge_geom(uintBitsToFloat(item_texel(item, 0)), uintBitsToFloat(w1.z));
    // From outline to outline: 0.85 r is inside every node shape, so the edge still
    // meets the outline. Along a curve the chord stands in for the arc length.
    float t0 = max(0.85 * node_px(a_source_radius) - 1.0, 0.0) / max(e.len, 1e-6);
    float t1 = 1.0 - max(0.85 * node_px(a_target_radius) - 1.0, 0.0) / max(e.len, 1e-6);
    if (item >= u_count || t1 <= t0) { // past the last item, or all of it under its nodes
        gl_Position = off_screen();
        v_across = v_half = 0.0;
        v_color = vec4(0.0);
        return;
    }
    float t = mix(t0, t1, a_corner.x);
    vec2 p = (1.0 - t) * (1.0 - t) * e.a + 2.0 * (1.0 - t) * t * e.ctrl + t * t * e.b;
    vec2 tangent = 2.0 * (1.0 - t) * (e.ctrl - e.a) + 2.0 * t * (e.b - e.ctrl);
    float tl = length(tangent);
    tangent = tl > 1e-6 ? tangent / tl : e.dir;
    vec2 normal = vec2(-tangent.y, tangent.x);
    float half_w = a_width * 0.5 + 0.5; // where the coverage below reaches 0
    v_across = a_corner.y * half_w;
    v_half = a_width * 0.5;
    v_color = rgba8(w1.x);
    gl_Position = to_clip(p + normal * v_across);
}
)";

const char* kEdgeFs = R"(
in float v_across;
in float v_half;
in vec4 v_color;
out vec4 frag;
void main() {
    float coverage = clamp(v_half - abs(v_across) + 0.5, 0.0, 1.0);
    float a = v_color.a * coverage;
    frag = vec4(v_color.rgb * a, a);
}
)";

// Arrowheads: a triangle whose tip touches the target's outline, pointing along the
// edge's direction at its end (the chord, or the curve's last tangent).
// Corners: (0,0) the tip, (1,-1) and (1,1) the back corners.
const char* kArrowVs = R"(
out vec4 v_color;
void main() {
    int item = item_index();
    if (item >= u_count) {
        v_color = vec4(0.0);
        gl_Position = off_screen();
        return;
    }
    uvec4 w1 = item_texel(item, 1);
    float a_width = uintBitsToFloat(w1.y);
    float a_target_radius = uintBitsToFloat(item_texel(item, 2).x);
    EdgeGeom e = edge_geom(uintBitsToFloat(item_texel(item, 0)), uintBitsToFloat(w1.z));
    vec2 end_dir = e.b - e.ctrl;
    float el = length(end_dir);
    end_dir = el > 1e-6 ? end_dir / el : e.dir;
    float size = 4.0 + 2.0 * a_width;
    vec2 tip = e.b - end_dir * (node_px(a_target_radius) + 1.0);
    vec2 p = tip - end_dir * size * a_corner.x + vec2(-end_dir.y, end_dir.x) * size * 0.55 * a_corner.y;
    // Hide arrows on edges too short to show one.
    v_color = e.len > 2.0 * size + a_target_radius * u_zoom ? rgba8(w1.x) : vec4(0.0);
    gl_Position = to_clip(p);
}
)";

const char* kArrowFs = R"(
in vec4 v_color;
out vec4 frag;
void main() { frag = vec4(v_color.rgb * v_color.a, v_color.a); }
)";

// The veil and the cache copy: one triangle covering the viewport, from gl_VertexID alone.
const char* kVeilVs = R"(
void main() {
    vec2 p = vec2(float((gl_VertexID & 1) * 4 - 1), float((gl_VertexID & 2) * 2 - 1));
    gl_Position = vec4(p, 0.0, 1.0);
}
)";

const char* kVeilFs = R"(
uniform vec4 u_color;
out vec4 frag;
void main() { frag = vec4(u_color.rgb * u_color.a, u_color.a); }
)";

// The cached base layer, pixel for pixel (premultiplied, blended like the items were).
const char* kCopyFs = R"(
uniform highp sampler2D u_image;
uniform ivec2 u_origin;
out vec4 frag;
void main() { frag = texelFetch(u_image, ivec2(gl_FragCoord.xy) - u_origin, 0); }
)";

// [SECTION] GL helpers
// `prelude` (vertex shaders of item programs) goes between the camera code and the body.
GlShader compile(GLenum type, const std::string& prelude, const char* body, std::string& error) {
    const char* parts[4] = {RGV_GLSL_VERSION, kCameraGlsl, prelude.c_str(), body};
    GlShader shader(glCreateShader(type));
    glShaderSource(shader.get(), 4, parts, nullptr);
    glCompileShader(shader.get());
    GLint ok = 0;
    glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(shader.get(), sizeof log, nullptr, log);
        error = std::string(type == GL_VERTEX_SHADER ? "vertex" : "fragment") + " shader: " + log;
        return {};
    }
    return shader;
}

// The shaders go when this returns: the program keeps what it linked.
GlProgram link(const std::string& vs_prelude, const char* vs_body, const char* fs_body, std::string& error) {
    const GlShader vs = compile(GL_VERTEX_SHADER, vs_prelude, vs_body, error);
    if (!vs) return {};
    const GlShader fs = compile(GL_FRAGMENT_SHADER, "", fs_body, error);
    if (!fs) return {};
    GlProgram program(glCreateProgram());
    glAttachShader(program.get(), vs.get());
    glAttachShader(program.get(), fs.get());
    glLinkProgram(program.get());
    GLint ok = 0;
    glGetProgramiv(program.get(), GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetProgramInfoLog(program.get(), sizeof log, nullptr, log);
        error = std::string("link: ") + log;
        return {};
    }
    return program;
}

// The vertex-shader prelude of a program whose items are `texels` texels each.
std::string item_prelude(int texels) {
    return "const int kPerChunk = " + std::to_string(GraphRenderer::kPerChunk) +
           ";\nconst int kTexels = " + std::to_string(texels) + ";\n" + kItemGlsl;
}

void unpack_color(std::uint32_t c, float out[4]) {
    for (int i = 0; i < 4; ++i) out[i] = static_cast<float>((c >> (8 * i)) & 0xFFu) / 255.0f;
}

// One chunk's geometry: the item's corners (x, y) as triangles, repeated kPerChunk times
// with the slot as z, in a VAO of its own (attribute 0, per vertex).
GraphRenderer::Chunk chunk_geometry(const std::vector<float>& corners) {
    GraphRenderer::Chunk chunk;
    chunk.vertices = static_cast<int>(corners.size() / 2);
    std::vector<float> data;
    data.reserve(corners.size() / 2 * 3 * GraphRenderer::kPerChunk);
    for (int slot = 0; slot < GraphRenderer::kPerChunk; ++slot)
        for (std::size_t i = 0; i + 1 < corners.size(); i += 2)
            data.insert(data.end(), {corners[i], corners[i + 1], static_cast<float>(slot)});
    chunk.vao = make_vertex_array();
    glBindVertexArray(chunk.vao.get());
    chunk.vbo = make_buffer();
    glBindBuffer(GL_ARRAY_BUFFER, chunk.vbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, nullptr);
    return chunk;
}

// A quad from (x0, y0) to (x1, y1) as two triangles, the same diagonal as a strip's.
void add_quad(std::vector<float>& out, float x0, float y0, float x1, float y1) {
    out.insert(out.end(), {x0, y0, x0, y1, x1, y0, x1, y0, x0, y1, x1, y1});
}

} // namespace

// [SECTION] item batches
// Vertex pulling: a batch's items live in an RGBA32UI texture (EdgeInstance and
// NodeInstance are whole texels), and each instance of the draw is a chunk of kPerChunk
// items whose vertex shader fetches its item by gl_InstanceID and slot. Plain per-instance
// attributes were simpler, but software rasterisers run one whole draw per instance:
// SwiftShader (Chromium without a GPU) drew 300k instanced edge quads in ~4.8 s and the
// same quads in chunks in ~0.1 s; Mesa's llvmpipe also loops over instances.

bool GraphRenderer::init(std::string& error) {
    constexpr int node_texels = sizeof(NodeInstance) / 16, edge_texels = sizeof(EdgeInstance) / 16;
    // Uniforms are looked up once here; samplers always read texture unit 0.
    const auto item_program = [&error](ItemProgram& p, int texels, const char* vs, const char* fs) {
        p.program = link(item_prelude(texels), vs, fs, error);
        if (!p.program) return false;
        const GLuint id = p.program.get();
        p.center = glGetUniformLocation(id, "u_center");
        p.zoom = glGetUniformLocation(id, "u_zoom");
        p.viewport = glGetUniformLocation(id, "u_viewport");
        p.count = glGetUniformLocation(id, "u_count");
        glUseProgram(id);
        glUniform1i(glGetUniformLocation(id, "u_items"), 0);
        return true;
    };
    if (!item_program(node_program_, node_texels, kNodeVs, kNodeFs) ||
        !item_program(edge_program_, edge_texels, kEdgeVs, kEdgeFs) ||
        !item_program(arrow_program_, edge_texels, kArrowVs, kArrowFs))
        return false;
    veil_program_.program = link("", kVeilVs, kVeilFs, error);
    if (!veil_program_.program) return false;
    veil_program_.color = glGetUniformLocation(veil_program_.program.get(), "u_color");
    copy_program_.program = link("", kVeilVs, kCopyFs, error);
    if (!copy_program_.program) return false;
    copy_program_.origin = glGetUniformLocation(copy_program_.program.get(), "u_origin");
    glUseProgram(copy_program_.program.get());
    glUniform1i(glGetUniformLocation(copy_program_.program.get(), "u_image"), 0);
    glUseProgram(0);

    GLint max_size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
    texture_width_ = std::min(max_size, 4096);
    max_rows_ = max_size;

    std::vector<float> quad, strip, curve;
    add_quad(quad, -1, -1, 1, 1);
    add_quad(strip, 0, -1, 1, 1);
    for (int i = 0; i < kCurveSegments; ++i)
        add_quad(curve, static_cast<float>(i) / kCurveSegments, -1, static_cast<float>(i + 1) / kCurveSegments, 1);
    node_chunk_ = chunk_geometry(quad);
    straight_chunk_ = chunk_geometry(strip);
    curve_chunk_ = chunk_geometry(curve);
    arrow_chunk_ = chunk_geometry({0, 0, 1, -1, 1, 1});
    veil_vao_ = make_vertex_array();

    for (LayerBatches* layer : {&base_, &top_})
        for (Batch* b : {&layer->nodes, &layer->straight, &layer->curved, &layer->arrows}) {
            b->texture = make_texture();
            glBindTexture(GL_TEXTURE_2D, b->texture.get());
            // Integer textures cannot be filtered; with the default mipmap filter the
            // texture would be incomplete and every fetch would read zero.
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        }
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    return true;
}

// The owners delete their objects; the batches, the cache and the last view go with them
// (nothing may refer to the old objects if init() runs again).
void GraphRenderer::shutdown() {
    node_program_ = {};
    edge_program_ = {};
    arrow_program_ = {};
    veil_program_ = {};
    copy_program_ = {};
    node_chunk_ = {};
    straight_chunk_ = {};
    curve_chunk_ = {};
    arrow_chunk_ = {};
    veil_vao_.reset();
    base_ = {};
    top_ = {};
    cache_ = {};
    last_ = {};
}

// Grows the texture by whole rows (doubling, so steady growth costs little) and writes
// the items row by row: full rows in one call, the last partial row in another.
void GraphRenderer::upload_batch(Batch& batch, const void* data, std::size_t count, std::size_t stride) {
    const std::size_t texels_per_item = stride / 16;
    const std::size_t width = static_cast<std::size_t>(texture_width_);
    const std::size_t max_items = width * static_cast<std::size_t>(max_rows_) / texels_per_item;
    batch.count = std::min(count, max_items); // beyond ~5M edges the rest is not drawn
    if (batch.count == 0) return;
    const std::size_t texels = batch.count * texels_per_item;
    const std::size_t rows = (texels + width - 1) / width;
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, batch.texture.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    if (rows > batch.rows) {
        batch.rows = std::min(std::max(rows, batch.rows * 2), static_cast<std::size_t>(max_rows_));
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32UI, texture_width_, static_cast<GLsizei>(batch.rows), 0,
                     GL_RGBA_INTEGER, GL_UNSIGNED_INT, nullptr);
    }
    const auto* bytes = static_cast<const unsigned char*>(data);
    const std::size_t full = texels / width, rest = texels % width;
    if (full > 0)
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, texture_width_, static_cast<GLsizei>(full), GL_RGBA_INTEGER,
                        GL_UNSIGNED_INT, bytes);
    if (rest > 0)
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, static_cast<GLint>(full), static_cast<GLsizei>(rest), 1,
                        GL_RGBA_INTEGER, GL_UNSIGNED_INT, bytes + full * width * 16);
}

void GraphRenderer::draw_batch(const Batch& batch, const Chunk& chunk, const ItemProgram& program,
                               const Camera& camera) {
    if (batch.count == 0) return;
    glUseProgram(program.program.get());
    glUniform2f(program.center, camera.center_x, camera.center_y);
    glUniform1f(program.zoom, camera.zoom);
    glUniform2f(program.viewport, camera.viewport_w, camera.viewport_h);
    glUniform1i(program.count, static_cast<GLint>(batch.count));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, batch.texture.get());
    glBindVertexArray(chunk.vao.get());
    const auto chunks = static_cast<GLsizei>((batch.count + kPerChunk - 1) / kPerChunk);
    glDrawArraysInstanced(GL_TRIANGLES, 0, chunk.vertices * kPerChunk, chunks);
}

void GraphRenderer::upload_layer(LayerBatches& layer, const GraphLayer& data) {
    constexpr std::size_t es = sizeof(EdgeInstance);
    upload_batch(layer.straight, data.straight.data(), data.straight.size(), es);
    upload_batch(layer.curved, data.curved.data(), data.curved.size(), es);
    upload_batch(layer.arrows, data.arrows.data(), data.arrows.size(), es);
    upload_batch(layer.nodes, data.nodes.data(), data.nodes.size(), sizeof(NodeInstance));
}

void GraphRenderer::draw_layer(const LayerBatches& layer, const Camera& camera) {
    draw_batch(layer.straight, straight_chunk_, edge_program_, camera);
    draw_batch(layer.curved, curve_chunk_, edge_program_, camera);
    draw_batch(layer.arrows, arrow_chunk_, arrow_program_, camera);
    draw_batch(layer.nodes, node_chunk_, node_program_, camera);
}

// [SECTION] draw

void clear_to(std::uint32_t color) {
    float c[4];
    unpack_color(color, c);
    glClearColor(c[0], c[1], c[2], c[3]);
    glClear(GL_COLOR_BUFFER_BIT);
}

bool GraphRenderer::repeats_view(const Camera& camera, Rect rect) const {
    return last_.drawn && last_.camera.same_view(camera) && last_.rect == rect;
}

// Makes the cache texture w x h pixels (a new one when the size changed), leaving
// `target` bound; false if the framebuffer cannot be made, and the caller draws directly.
bool GraphRenderer::ensure_cache(int w, int h, unsigned target) {
    if (cache_.fbo && cache_.width == w && cache_.height == h) return cache_.complete;
    if (!cache_.fbo) {
        cache_.fbo = make_framebuffer();
        cache_.texture = make_texture();
    }
    cache_.width = w;
    cache_.height = h;
    cache_.valid = false;
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, cache_.texture.get());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindFramebuffer(GL_FRAMEBUFFER, cache_.fbo.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, cache_.texture.get(), 0);
    cache_.complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    cache_.failed = !cache_.complete;
    glBindFramebuffer(GL_FRAMEBUFFER, target);
    return cache_.complete;
}

void GraphRenderer::draw(const DrawParams& p) {
    const Rect r = p.rect;
    if (!node_program_.program || !p.camera || r.w <= 0 || r.h <= 0) return;
    const Camera& camera = *p.camera;
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // shaders output premultiplied alpha

    if (p.base_changed && p.base) upload_layer(base_, *p.base);
    if (p.top_changed && p.top) upload_layer(top_, *p.top);

    // The cache is used from the second frame with the same base layer and view on (the
    // App asks for that frame as soon as the view stops: see unsettled()); while the
    // camera moves, every frame draws straight, without a copy it could not reuse.
    const bool same_view = !p.base_changed && repeats_view(camera, r);
    last_ = {true, camera, r};
    GLint target = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &target);
    const bool use_cache = p.cached && same_view && ensure_cache(r.w, r.h, static_cast<unsigned>(target));
    if (use_cache && !cache_.valid) {
        // Over transparent black: compositing the result over the frame later gives what
        // drawing the items straight onto it would ("over" is associative).
        glBindFramebuffer(GL_FRAMEBUFFER, cache_.fbo.get());
        glViewport(0, 0, r.w, r.h);
        glDisable(GL_SCISSOR_TEST);
        glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        draw_layer(base_, camera);
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
        cache_.valid = true;
        ++base_passes_;
    }
    glViewport(r.x, r.y, r.w, r.h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(r.x, r.y, r.w, r.h);
    if (use_cache) {
        glUseProgram(copy_program_.program.get());
        glUniform2i(copy_program_.origin, r.x, r.y);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, cache_.texture.get());
        glBindVertexArray(veil_vao_.get());
        glDrawArrays(GL_TRIANGLES, 0, 3);
    } else {
        if (!same_view) cache_.valid = false;
        draw_layer(base_, camera);
        ++base_passes_;
    }
    if ((p.veil >> 24) != 0) {
        float color[4];
        unpack_color(p.veil, color);
        glUseProgram(veil_program_.program.get());
        glUniform4fv(veil_program_.color, 1, color);
        glBindVertexArray(veil_vao_.get());
        glDrawArrays(GL_TRIANGLES, 0, 3);
        draw_layer(top_, camera);
    }

    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glUseProgram(0);
    glDisable(GL_SCISSOR_TEST);
}

// [SECTION] offscreen image

bool GraphRenderer::render_offscreen(DrawParams p, int width, int height, std::uint32_t background,
                                     const std::function<void()>& overlay, std::vector<std::uint8_t>& rgba,
                                     std::string& error) {
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    if (width <= 0 || height <= 0 || width > max_size || height > max_size) {
        error = "image of " + std::to_string(width) + "x" + std::to_string(height) +
                " pixels is larger than this GPU allows (" + std::to_string(max_size) + ")";
        return false;
    }

    GLint previous_fbo = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous_fbo);
    const GlFramebuffer fbo = make_framebuffer();
    const GlRenderbuffer color = make_renderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, color.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color.get());
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (complete) {
        glViewport(0, 0, width, height);
        clear_to(background);
        p.rect = {0, 0, width, height};
        p.cached = false; // the cache is the screen's: one image would only evict it
        draw(p);
        if (overlay) overlay();

        rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
        // GL reads bottom-up; images are top-down.
        const std::size_t row = static_cast<std::size_t>(width) * 4;
        std::vector<std::uint8_t> tmp(row);
        for (int y = 0; y < height / 2; ++y) {
            std::uint8_t* a = rgba.data() + static_cast<std::size_t>(y) * row;
            std::uint8_t* b = rgba.data() + static_cast<std::size_t>(height - 1 - y) * row;
            std::copy(a, a + row, tmp.data());
            std::copy(b, b + row, a);
            std::copy(tmp.data(), tmp.data() + row, b);
        }
    }
    // Bound again before `fbo` and `color` are deleted, as before.
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo));
    if (!complete) error = "the offscreen framebuffer is not complete";
    return complete;
}

} // namespace rgv
