// renderer.cpp — see renderer.h.
//
// Index
//   1. shader sources   written once, prefixed with "#version 330 core" or "#version 300 es"
//   2. GL helpers       compile / link with the driver's log in the error message
//   3. GraphRenderer    shared geometry, one VAO per batch, draw
#include "view/renderer.h"

#include "view/gl.h"

#include <cstddef>
#include <utility>

namespace rgv {

// 1. shader sources --------------------------------------------------------------------
namespace {

// Shared by both programs: world -> logical pixels -> clip space.
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

const char* kNodeVs = R"(
layout(location = 0) in vec2 a_corner;
layout(location = 1) in vec2 a_pos;
layout(location = 2) in float a_radius;
layout(location = 3) in vec4 a_fill;
layout(location = 4) in vec4 a_ring;
layout(location = 5) in float a_ring_px;
layout(location = 6) in float a_shape;
out vec2 v_local;
out float v_radius;
out vec4 v_fill;
out vec4 v_ring;
out float v_ring_px;
flat out int v_shape;
void main() {
    float r = node_px(a_radius);
    v_shape = int(a_shape + 0.5);
    // The quad just holds the shape (see the distance functions: the diamond's tips reach
    // 1.25 r, the hexagon's corners 1.1 r, the rounded square's sides 0.89 r) and its
    // antialiased edge; every pixel beyond is fill rate spent on nothing.
    float reach = v_shape == 2 ? 1.25 : v_shape == 3 ? 1.1 : v_shape == 1 ? 0.9 : 1.0;
    float extent = r * reach + 1.0;
    v_local = a_corner * extent;
    v_radius = r;
    v_fill = a_fill;
    v_ring = a_ring;
    v_ring_px = min(a_ring_px, r * 0.5);
    gl_Position = to_clip(to_screen(a_pos) + v_local);
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
const char* kEdgeVs = R"(
layout(location = 0) in vec2 a_corner;
layout(location = 1) in vec4 a_ends;
layout(location = 2) in vec4 a_color;
layout(location = 3) in float a_width;
layout(location = 4) in float a_curvature;
layout(location = 5) in float a_source_radius;
layout(location = 6) in float a_target_radius;
out float v_across;
out float v_half;
out vec4 v_color;
void main() {
    EdgeGeom e = edge_geom(a_ends, a_curvature);
    // From outline to outline: 0.85 r is inside every node shape, so the edge still
    // meets the outline. Along a curve the chord stands in for the arc length.
    float t0 = max(0.85 * node_px(a_source_radius) - 1.0, 0.0) / max(e.len, 1e-6);
    float t1 = 1.0 - max(0.85 * node_px(a_target_radius) - 1.0, 0.0) / max(e.len, 1e-6);
    if (t1 <= t0) { // all of it under its nodes: nothing to draw
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
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
    v_color = a_color;
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
const char* kArrowVs = R"(
layout(location = 0) in vec2 a_corner; // (0,0) tip, (1,-1) and (1,1) the back corners
layout(location = 1) in vec4 a_ends;
layout(location = 2) in vec4 a_color;
layout(location = 3) in float a_width;
layout(location = 4) in float a_curvature;
layout(location = 6) in float a_target_radius;
out vec4 v_color;
void main() {
    EdgeGeom e = edge_geom(a_ends, a_curvature);
    vec2 end_dir = e.b - e.ctrl;
    float el = length(end_dir);
    end_dir = el > 1e-6 ? end_dir / el : e.dir;
    float size = 4.0 + 2.0 * a_width;
    vec2 tip = e.b - end_dir * (node_px(a_target_radius) + 1.0);
    vec2 p = tip - end_dir * size * a_corner.x + vec2(-end_dir.y, end_dir.x) * size * 0.55 * a_corner.y;
    // Hide arrows on edges too short to show one.
    v_color = e.len > 2.0 * size + a_target_radius * u_zoom ? a_color : vec4(0.0);
    gl_Position = to_clip(p);
}
)";

const char* kArrowFs = R"(
in vec4 v_color;
out vec4 frag;
void main() { frag = vec4(v_color.rgb * v_color.a, v_color.a); }
)";

// The veil: one triangle covering the viewport, made from gl_VertexID alone.
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

// 2. GL helpers ------------------------------------------------------------------------
GLuint compile(GLenum type, const char* body, std::string& error) {
    const char* parts[3] = {RGV_GLSL_VERSION, kCameraGlsl, body};
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 3, parts, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        error = std::string(type == GL_VERTEX_SHADER ? "vertex" : "fragment") + " shader: " + log;
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

GLuint link(const char* vs_body, const char* fs_body, std::string& error) {
    GLuint vs = compile(GL_VERTEX_SHADER, vs_body, error);
    if (!vs) return 0;
    GLuint fs = compile(GL_FRAGMENT_SHADER, fs_body, error);
    if (!fs) {
        glDeleteShader(vs);
        return 0;
    }
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetProgramInfoLog(program, sizeof log, nullptr, log);
        error = std::string("link: ") + log;
        glDeleteProgram(program);
        return 0;
    }
    return program;
}

void float_attrib(GLuint loc, GLint size, GLsizei stride, std::size_t offset) {
    glEnableVertexAttribArray(loc);
    glVertexAttribPointer(loc, size, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offset));
    glVertexAttribDivisor(loc, 1);
}

void color_attrib(GLuint loc, GLsizei stride, std::size_t offset) {
    glEnableVertexAttribArray(loc);
    glVertexAttribPointer(loc, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<const void*>(offset));
    glVertexAttribDivisor(loc, 1);
}

void set_camera_uniforms(GLuint program, const Camera& camera) {
    glUniform2f(glGetUniformLocation(program, "u_center"), camera.center_x, camera.center_y);
    glUniform1f(glGetUniformLocation(program, "u_zoom"), camera.zoom);
    glUniform2f(glGetUniformLocation(program, "u_viewport"), camera.viewport_w, camera.viewport_h);
}

// Grows a dynamic buffer to hold `bytes` (doubling, so steady growth costs little).
void upload(GLuint vbo, std::size_t& capacity, const void* data, std::size_t bytes) {
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    if (bytes > capacity) {
        capacity = bytes * 2;
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(capacity), nullptr, GL_DYNAMIC_DRAW);
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(bytes), data);
}

} // namespace

// 3. GraphRenderer ---------------------------------------------------------------------
namespace {

GLuint static_buffer(const std::vector<float>& data) {
    GLuint vbo = 0;
    glGenBuffers(1, &vbo);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
    return vbo;
}

void geometry_attrib(GLuint vbo) {
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
}

void edge_attribs() {
    constexpr GLsizei es = sizeof(EdgeInstance);
    float_attrib(1, 4, es, offsetof(EdgeInstance, ax));
    color_attrib(2, es, offsetof(EdgeInstance, color));
    float_attrib(3, 1, es, offsetof(EdgeInstance, width_px));
    float_attrib(4, 1, es, offsetof(EdgeInstance, curvature));
    float_attrib(5, 1, es, offsetof(EdgeInstance, source_radius));
    float_attrib(6, 1, es, offsetof(EdgeInstance, target_radius));
}

void unpack_color(std::uint32_t c, float out[4]) {
    for (int i = 0; i < 4; ++i) out[i] = static_cast<float>((c >> (8 * i)) & 0xFFu) / 255.0f;
}

} // namespace

void clear_to(std::uint32_t color) {
    float c[4];
    unpack_color(color, c);
    glClearColor(c[0], c[1], c[2], c[3]);
    glClear(GL_COLOR_BUFFER_BIT);
}

bool GraphRenderer::init(std::string& error) {
    node_program_ = link(kNodeVs, kNodeFs, error);
    if (!node_program_) return false;
    edge_program_ = link(kEdgeVs, kEdgeFs, error);
    if (!edge_program_) return false;
    arrow_program_ = link(kArrowVs, kArrowFs, error);
    if (!arrow_program_) return false;
    veil_program_ = link(kVeilVs, kVeilFs, error);
    if (!veil_program_) return false;

    node_quad_ = static_buffer({-1, -1, 1, -1, -1, 1, 1, 1});
    edge_strip_ = static_buffer({0, -1, 0, 1, 1, -1, 1, 1});
    std::vector<float> curve;
    for (int i = 0; i <= kCurveSegments; ++i) {
        const float t = static_cast<float>(i) / kCurveSegments;
        curve.insert(curve.end(), {t, -1.0f, t, 1.0f});
    }
    curve_strip_ = static_buffer(curve);
    arrow_tri_ = static_buffer({0, 0, 1, -1, 1, 1});
    glGenVertexArrays(1, &veil_vao_);

    init_layer(base_);
    init_layer(top_);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    return true;
}

void GraphRenderer::init_layer(LayerBatches& layer) {
    for (Batch* b : {&layer.nodes, &layer.straight, &layer.curved, &layer.arrows}) {
        glGenVertexArrays(1, &b->vao);
        glGenBuffers(1, &b->vbo);
    }
    glBindVertexArray(layer.nodes.vao);
    geometry_attrib(node_quad_);
    glBindBuffer(GL_ARRAY_BUFFER, layer.nodes.vbo);
    constexpr GLsizei ns = sizeof(NodeInstance);
    float_attrib(1, 2, ns, offsetof(NodeInstance, x));
    float_attrib(2, 1, ns, offsetof(NodeInstance, radius));
    color_attrib(3, ns, offsetof(NodeInstance, fill));
    color_attrib(4, ns, offsetof(NodeInstance, ring));
    float_attrib(5, 1, ns, offsetof(NodeInstance, ring_px));
    float_attrib(6, 1, ns, offsetof(NodeInstance, shape));

    const std::pair<Batch*, GLuint> edge_batches[] = {{&layer.straight, edge_strip_}, {&layer.curved, curve_strip_},
                                                      {&layer.arrows, arrow_tri_}};
    for (const auto& [batch, geometry] : edge_batches) {
        glBindVertexArray(batch->vao);
        geometry_attrib(geometry);
        glBindBuffer(GL_ARRAY_BUFFER, batch->vbo);
        edge_attribs();
    }
}

void GraphRenderer::shutdown() {
    for (GLuint program : {node_program_, edge_program_, arrow_program_, veil_program_})
        if (program) glDeleteProgram(program);
    for (LayerBatches* layer : {&base_, &top_})
        for (Batch* b : {&layer->nodes, &layer->straight, &layer->curved, &layer->arrows}) {
            glDeleteVertexArrays(1, &b->vao);
            glDeleteBuffers(1, &b->vbo);
        }
    glDeleteVertexArrays(1, &veil_vao_);
    const GLuint geometry[] = {node_quad_, edge_strip_, curve_strip_, arrow_tri_};
    glDeleteBuffers(4, geometry);
    *this = GraphRenderer();
}

void GraphRenderer::upload_batch(Batch& batch, const void* data, std::size_t count, std::size_t stride) {
    batch.count = count;
    if (count > 0) upload(batch.vbo, batch.capacity, data, count * stride);
}

void GraphRenderer::draw_batch(const Batch& batch, unsigned program, const Camera& camera, unsigned mode,
                               int vertices) {
    if (batch.count == 0) return;
    glUseProgram(program);
    set_camera_uniforms(program, camera);
    glBindVertexArray(batch.vao);
    glDrawArraysInstanced(mode, 0, vertices, static_cast<GLsizei>(batch.count));
}

void GraphRenderer::upload_layer(LayerBatches& layer, const GraphLayer& data) {
    constexpr std::size_t es = sizeof(EdgeInstance);
    upload_batch(layer.straight, data.straight.data(), data.straight.size(), es);
    upload_batch(layer.curved, data.curved.data(), data.curved.size(), es);
    upload_batch(layer.arrows, data.arrows.data(), data.arrows.size(), es);
    upload_batch(layer.nodes, data.nodes.data(), data.nodes.size(), sizeof(NodeInstance));
}

void GraphRenderer::draw_layer(const LayerBatches& layer, const Camera& camera) {
    draw_batch(layer.straight, edge_program_, camera, GL_TRIANGLE_STRIP, 4);
    draw_batch(layer.curved, edge_program_, camera, GL_TRIANGLE_STRIP, 2 * (kCurveSegments + 1));
    draw_batch(layer.arrows, arrow_program_, camera, GL_TRIANGLES, 3);
    draw_batch(layer.nodes, node_program_, camera, GL_TRIANGLE_STRIP, 4);
}

void GraphRenderer::draw(const Camera& camera, const GraphLayer& base, bool base_changed, const GraphLayer& top,
                         bool top_changed, std::uint32_t veil, int fb_x, int fb_y, int fb_w, int fb_h) {
    if (!node_program_ || fb_w <= 0 || fb_h <= 0) return;
    glViewport(fb_x, fb_y, fb_w, fb_h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(fb_x, fb_y, fb_w, fb_h);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // shaders output premultiplied alpha

    if (base_changed) upload_layer(base_, base);
    if (top_changed) upload_layer(top_, top);
    draw_layer(base_, camera);
    if ((veil >> 24) != 0) {
        float color[4];
        unpack_color(veil, color);
        glUseProgram(veil_program_);
        glUniform4fv(glGetUniformLocation(veil_program_, "u_color"), 1, color);
        glBindVertexArray(veil_vao_);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        draw_layer(top_, camera);
    }

    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glUseProgram(0);
    glDisable(GL_SCISSOR_TEST);
}

} // namespace rgv
