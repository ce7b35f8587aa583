// renderer.cpp — see renderer.h.
//
// Index
//   1. shader sources   written once, prefixed with "#version 330 core" or "#version 300 es"
//   2. GL helpers       compile / link with the driver's log in the error message
//   3. GraphRenderer    buffers, instanced attributes, draw
#include "view/renderer.h"

#include "view/gl.h"

#include <cstddef>

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
)";

const char* kNodeVs = R"(
layout(location = 0) in vec2 a_corner;
layout(location = 1) in vec2 a_pos;
layout(location = 2) in float a_radius;
layout(location = 3) in vec4 a_fill;
layout(location = 4) in vec4 a_ring;
layout(location = 5) in float a_ring_px;
out vec2 v_local;
out float v_radius;
out vec4 v_fill;
out vec4 v_ring;
out float v_ring_px;
void main() {
    float r = max(a_radius * u_zoom, 1.5);
    float extent = r + 1.5; // room for the antialiased edge
    v_local = a_corner * extent;
    v_radius = r;
    v_fill = a_fill;
    v_ring = a_ring;
    v_ring_px = min(a_ring_px, r * 0.5);
    gl_Position = to_clip(to_screen(a_pos) + v_local);
}
)";

const char* kNodeFs = R"(
in vec2 v_local;
in float v_radius;
in vec4 v_fill;
in vec4 v_ring;
in float v_ring_px;
out vec4 frag;
void main() {
    float d = length(v_local);
    float aa = max(fwidth(d), 1e-3);
    float coverage = clamp((v_radius - d) / aa + 0.5, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    float ring_t = v_ring.a > 0.0 ? clamp((d - (v_radius - v_ring_px)) / aa + 0.5, 0.0, 1.0) : 0.0;
    vec4 c = mix(v_fill, vec4(v_ring.rgb, 1.0), ring_t * v_ring.a);
    frag = vec4(c.rgb * c.a * coverage, c.a * coverage); // premultiplied
}
)";

const char* kEdgeVs = R"(
layout(location = 0) in vec2 a_corner; // x: 0 at a, 1 at b; y: -1..1 across
layout(location = 1) in vec4 a_ends;
layout(location = 2) in vec4 a_color;
layout(location = 3) in float a_width;
out float v_across;
out float v_half;
out vec4 v_color;
void main() {
    vec2 sa = to_screen(a_ends.xy);
    vec2 sb = to_screen(a_ends.zw);
    vec2 dir = sb - sa;
    float len = length(dir);
    dir = len > 1e-6 ? dir / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float half_w = a_width * 0.5 + 1.0;
    v_across = a_corner.y * half_w;
    v_half = a_width * 0.5;
    v_color = a_color;
    gl_Position = to_clip(mix(sa, sb, a_corner.x) + normal * v_across);
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
bool GraphRenderer::init(std::string& error) {
    node_program_ = link(kNodeVs, kNodeFs, error);
    if (!node_program_) return false;
    edge_program_ = link(kEdgeVs, kEdgeFs, error);
    if (!edge_program_) return false;

    // One quad shared by both: the node program reads it as corners -1..1, the edge
    // program as (along 0..1, across -1..1).
    const float node_quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    const float edge_quad[] = {0, -1, 1, -1, 0, 1, 1, 1};
    GLuint quads[2];
    glGenBuffers(2, quads);
    quad_vbo_ = quads[0];
    GLuint edge_quad_vbo = quads[1];
    glBindBuffer(GL_ARRAY_BUFFER, quad_vbo_);
    glBufferData(GL_ARRAY_BUFFER, sizeof node_quad, node_quad, GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, edge_quad_vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof edge_quad, edge_quad, GL_STATIC_DRAW);

    glGenBuffers(1, &node_vbo_);
    glGenBuffers(1, &edge_vbo_);
    glGenVertexArrays(1, &node_vao_);
    glGenVertexArrays(1, &edge_vao_);

    glBindVertexArray(node_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, quad_vbo_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, node_vbo_);
    constexpr GLsizei ns = sizeof(NodeInstance);
    float_attrib(1, 2, ns, offsetof(NodeInstance, x));
    float_attrib(2, 1, ns, offsetof(NodeInstance, radius));
    color_attrib(3, ns, offsetof(NodeInstance, fill));
    color_attrib(4, ns, offsetof(NodeInstance, ring));
    float_attrib(5, 1, ns, offsetof(NodeInstance, ring_px));

    glBindVertexArray(edge_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, edge_quad_vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, edge_vbo_);
    constexpr GLsizei es = sizeof(EdgeInstance);
    float_attrib(1, 4, es, offsetof(EdgeInstance, ax));
    color_attrib(2, es, offsetof(EdgeInstance, color));
    float_attrib(3, 1, es, offsetof(EdgeInstance, width_px));

    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    // The edge quad's buffer stays alive through the VAO; delete our name for it.
    glDeleteBuffers(1, &edge_quad_vbo);
    return true;
}

void GraphRenderer::shutdown() {
    if (node_program_) glDeleteProgram(node_program_);
    if (edge_program_) glDeleteProgram(edge_program_);
    GLuint buffers[] = {quad_vbo_, node_vbo_, edge_vbo_};
    glDeleteBuffers(3, buffers);
    GLuint vaos[] = {node_vao_, edge_vao_};
    glDeleteVertexArrays(2, vaos);
    *this = GraphRenderer();
}

void GraphRenderer::draw(const Camera& camera, const std::vector<EdgeInstance>& edges,
                         const std::vector<NodeInstance>& nodes, int fb_x, int fb_y, int fb_w, int fb_h) {
    if (!node_program_ || fb_w <= 0 || fb_h <= 0) return;
    glViewport(fb_x, fb_y, fb_w, fb_h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(fb_x, fb_y, fb_w, fb_h);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // shaders output premultiplied alpha

    if (!edges.empty()) {
        upload(edge_vbo_, edge_capacity_, edges.data(), edges.size() * sizeof(EdgeInstance));
        glUseProgram(edge_program_);
        set_camera_uniforms(edge_program_, camera);
        glBindVertexArray(edge_vao_);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(edges.size()));
    }
    if (!nodes.empty()) {
        upload(node_vbo_, node_capacity_, nodes.data(), nodes.size() * sizeof(NodeInstance));
        glUseProgram(node_program_);
        set_camera_uniforms(node_program_, camera);
        glBindVertexArray(node_vao_);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(nodes.size()));
    }
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glUseProgram(0);
    glDisable(GL_SCISSOR_TEST);
}

} // namespace rgv
