// gl.h — the one place that picks the GL headers: WebGL2 (GLES 3.0) on the web,
// desktop OpenGL 3.3 core natively (functions exported by libGL, prototypes from glext.h).
// Shaders are written once and prefixed with RGV_GLSL_VERSION.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#define RGV_GLSL_VERSION "#version 300 es\nprecision highp float;\n"
#else
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
#define RGV_GLSL_VERSION "#version 330 core\n"
#endif
