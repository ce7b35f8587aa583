// gl_object.cpp — see gl_object.h.
#include "view/gl/gl_object.h"

#include "view/gl/gl.h"

#include <type_traits>

namespace rgv {

static_assert(std::is_same<GLuint, unsigned>::value, "gl_object.h holds GL names as unsigned");

namespace gl_delete {
void program(unsigned id) { glDeleteProgram(id); }
void shader(unsigned id) { glDeleteShader(id); }
void buffer(unsigned id) { glDeleteBuffers(1, &id); }
void vertex_array(unsigned id) { glDeleteVertexArrays(1, &id); }
void texture(unsigned id) { glDeleteTextures(1, &id); }
void framebuffer(unsigned id) { glDeleteFramebuffers(1, &id); }
void renderbuffer(unsigned id) { glDeleteRenderbuffers(1, &id); }
} // namespace gl_delete

GlBuffer make_buffer() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return GlBuffer(id);
}

GlVertexArray make_vertex_array() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return GlVertexArray(id);
}

GlTexture make_texture() {
    GLuint id = 0;
    glGenTextures(1, &id);
    return GlTexture(id);
}

GlFramebuffer make_framebuffer() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return GlFramebuffer(id);
}

GlRenderbuffer make_renderbuffer() {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    return GlRenderbuffer(id);
}

} // namespace rgv
