// gl_object.h — GL object names held by small move-only owners: the destructor (or reset())
// deletes the object, so nothing is freed by hand and nothing leaks when a struct holding
// one is replaced. Deleting needs the context that made the object to be current: whoever
// holds these resets them before the context goes (GraphRenderer::shutdown).
//
// No GL header here: the names are plain unsigned ints (gl_object.cpp checks GLuint is
// one) and the deleting and making functions live in gl_object.cpp, so the App's headers
// stay free of GL.
#pragma once

#include <utility>

namespace rgv {

namespace gl_delete {
void program(unsigned id);
void shader(unsigned id);
void buffer(unsigned id);
void vertex_array(unsigned id);
void texture(unsigned id);
void framebuffer(unsigned id);
void renderbuffer(unsigned id);
} // namespace gl_delete

// Owns one GL object name (0: none); `Delete` frees it.
template <void (*Delete)(unsigned)>
class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(unsigned id) : id_(id) {}
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;
    GlHandle(GlHandle&& other) noexcept : id_(std::exchange(other.id_, 0u)) {}
    GlHandle& operator=(GlHandle&& other) noexcept {
        if (this != &other) reset(std::exchange(other.id_, 0u));
        return *this;
    }
    ~GlHandle() { reset(); }

    unsigned get() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    // Deletes the object held, if any, and holds `id` instead.
    void reset(unsigned id = 0) {
        if (id_ != 0) Delete(id_);
        id_ = id;
    }

private:
    unsigned id_ = 0;
};

using GlProgram = GlHandle<gl_delete::program>;
using GlShader = GlHandle<gl_delete::shader>;
using GlBuffer = GlHandle<gl_delete::buffer>;
using GlVertexArray = GlHandle<gl_delete::vertex_array>;
using GlTexture = GlHandle<gl_delete::texture>;
using GlFramebuffer = GlHandle<gl_delete::framebuffer>;
using GlRenderbuffer = GlHandle<gl_delete::renderbuffer>;

// New objects (glGen*); need a current context.
GlBuffer make_buffer();
GlVertexArray make_vertex_array();
GlTexture make_texture();
GlFramebuffer make_framebuffer();
GlRenderbuffer make_renderbuffer();

} // namespace rgv
