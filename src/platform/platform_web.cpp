// platform_web.cpp — the browser: JavaScript (web/rgv.js) fetches the slice and the font
// and hands them over through the C API below; everything else is the shared main loop.
// Each wasm module instance has its own memory, so several viewers on one page do not
// share this state. What only the browser does: WebGL2, keys scoped to the viewer's own
// canvas, and a loop run by the browser's animation frames instead of a `while`.
//
// [SECTION] platform      WebPlatform: the Platform calls
// [SECTION] C API         the functions web/rgv.js calls
#include "platform/platform.h"
#include "view/ui/app.h"

#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cstring>
#include <string>

// Tells the JS wrapper that the C API is ready for the font and the slice.
EM_JS(void, rgv_notify_ready, (), { if (Module.onRgvReady) Module.onRgvReady(); });
// Hands one event to the JS wrapper (web/rgv.js dispatches it to the page's listeners).
EM_JS(void, rgv_notify_event, (const char* name, const char* payload), {
    if (Module.onRgvEvent) Module.onRgvEvent(UTF8ToString(name), UTF8ToString(payload));
});

// SDL's EGL layer looks GL functions up by name (SDL_GL_GetProcAddress; SDL_video.c asks for
// these five when a host calls SDL_GL_ExtensionSupported or SDL_GL_GetAttribute). The
// viewer calls GL directly, so it answers only these. Emscripten's own eglGetProcAddress
// (libGL's gl.c) can name every WebGL function, which keeps ~270 of them in the glue and
// the wasm's imports: 8 KB of gzip before the first frame for a look-up nobody makes.
extern "C" void* eglGetProcAddress(const char* name) {
    static const struct { const char* name; void* fn; } known[] = {
        {"glGetString", reinterpret_cast<void*>(&glGetString)},
        {"glGetStringi", reinterpret_cast<void*>(&glGetStringi)},
        {"glGetIntegerv", reinterpret_cast<void*>(&glGetIntegerv)},
        {"glBindFramebuffer", reinterpret_cast<void*>(&glBindFramebuffer)},
        {"glGetFramebufferAttachmentParameteriv", reinterpret_cast<void*>(&glGetFramebufferAttachmentParameteriv)},
    };
    for (const auto& k : known)
        if (name && std::strcmp(name, k.name) == 0) return k.fn;
    return nullptr;
}

namespace rgv {
namespace {

// [SECTION] platform

// The step (one frame) run_loop was given: emscripten_set_main_loop takes a plain function
// of no arguments, so it lives here (one per wasm instance, like everything here).
bool (*g_step)() = nullptr;

class WebPlatform final : public Platform {
public:
    const char* configure_gl() override {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
        // Keys go to this viewer's canvas only: SDL listens on the window by default, so
        // every viewer on a page would take every key and the host page's Tab would break.
        SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
        return "#version 300 es";
    }

    // Returns to JavaScript at once (main returns, the module stays alive); the browser
    // calls the frame on every animation frame until it says stop or rgv_shutdown comes.
    bool run_loop(bool (*step)()) override {
        g_step = step;
        emscripten_set_main_loop(
            [] {
                if (!g_step()) emscripten_cancel_main_loop();
            },
            0, false);
        return false;
    }
    void end_loop() override { emscripten_cancel_main_loop(); }

    bool start(App& app) override {
        app.begin_loading("");
        rgv_notify_ready();
        return true;
    }
    bool after_frame(App& app, int, int) override {
        for (const Event& e : app.take_events()) rgv_notify_event(e.name.c_str(), e.payload.c_str());
        return true;
    }
    void initial_size(int& w, int& h) const override {
        double cw = 0, ch = 0;
        emscripten_get_element_css_size("#canvas", &cw, &ch);
        w = cw >= 1 ? static_cast<int>(cw) : 800;
        h = ch >= 1 ? static_cast<int>(ch) : 600;
    }
};

std::string g_state;  // keeps rgv_state_json()'s string alive until the next call
std::string g_result; // the same for rgv_command()
std::string g_error;  // the same for the font functions and rgv_gl_restored

} // namespace

std::unique_ptr<Platform> make_platform(int, char**, int& exit_code) {
    exit_code = 0;
    return std::make_unique<WebPlatform>();
}

} // namespace rgv

// [SECTION] C API

// The C API for JavaScript. Strings are UTF-8, owned by the caller unless said otherwise.
extern "C" {

// Loads slice JSON text; returns 1 on success, 0 on failure (the message is in the state).
EMSCRIPTEN_KEEPALIVE int rgv_load_json(const char* text, const char* source) {
    rgv::App* app = rgv::running_app();
    if (!app || !text) return 0;
    return app->load_json(text, source ? source : "") ? 1 : 0;
}

// Reports a failure that happened before there was text to parse (network, HTTP status).
EMSCRIPTEN_KEEPALIVE void rgv_fail_loading(const char* message) {
    if (rgv::App* app = rgv::running_app()) app->fail_loading(message ? message : "unknown error");
}

// Hands over TTF bytes (copied).
// One font for all text (a host's setFont). Returns "" or why not (valid until the next
// call of any of the three font functions).
EMSCRIPTEN_KEEPALIVE const char* rgv_add_font(const unsigned char* data, int size) {
    rgv::App* app = rgv::running_app();
    rgv::g_error = app ? app->set_font(data, static_cast<std::size_t>(std::max(size, 0))) : "no viewer";
    return rgv::g_error.c_str();
}

// The font pieces: the manifest (pieces.json text) and the base piece's bytes. The viewer
// asks for the other pieces with "fontsNeeded" events; rgv_add_font_piece hands them in.
EMSCRIPTEN_KEEPALIVE const char* rgv_set_font_pieces(const char* manifest, const unsigned char* base, int size) {
    rgv::App* app = rgv::running_app();
    rgv::g_error = app && manifest ? app->set_font_pieces(manifest, base, static_cast<std::size_t>(std::max(size, 0)))
                                        : "no viewer";
    return rgv::g_error.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* rgv_add_font_piece(int index, const unsigned char* data, int size) {
    rgv::App* app = rgv::running_app();
    rgv::g_error = app ? app->add_font_piece(index, data, static_cast<std::size_t>(std::max(size, 0))) : "no viewer";
    return rgv::g_error.c_str();
}

// The App's state as JSON; the pointer stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* rgv_state_json() {
    rgv::App* app = rgv::running_app();
    rgv::g_state = app ? app->state_json() : "{}";
    return rgv::g_state.c_str();
}

// Runs a command (JSON, see docs/js-api.md); the result (JSON) stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* rgv_command(const char* json) {
    rgv::App* app = rgv::running_app();
    rgv::g_result = app && json ? app->command(json) : R"({"ok":false,"error":"the viewer is not running"})";
    return rgv::g_result.c_str();
}

// Shows "Building this graph slice" while the host fetches a slice.
EMSCRIPTEN_KEEPALIVE void rgv_begin_loading(const char* source) {
    if (rgv::App* app = rgv::running_app()) app->begin_loading(source ? source : "");
}

// The host starts fetching the slice of node `anchor_id` to merge it (rgv_merge_json next).
EMSCRIPTEN_KEEPALIVE void rgv_begin_expand(const char* anchor_id) {
    if (rgv::App* app = rgv::running_app()) app->begin_expand(anchor_id ? anchor_id : "");
}

// Bytes of the slice being fetched so far, and the total (0 when the server did not say).
EMSCRIPTEN_KEEPALIVE void rgv_loading_progress(double bytes, double total) {
    if (rgv::App* app = rgv::running_app()) app->loading_progress(bytes, total);
}

// Expands a node: merges another slice into the graph. Returns 1 on success.
EMSCRIPTEN_KEEPALIVE int rgv_merge_json(const char* text, const char* source, const char* anchor_id) {
    rgv::App* app = rgv::running_app();
    if (!app || !text) return 0;
    return app->merge_json(text, source ? source : "", anchor_id ? anchor_id : "") ? 1 : 0;
}

// The canvas' WebGL context was lost (web/rgv.js saw webglcontextlost and kept it
// restorable with preventDefault) and, later, restored: the viewer draws nothing in
// between and makes its GL objects again after. rgv_gl_restored returns "" or why not
// (valid until the next call).
EMSCRIPTEN_KEEPALIVE void rgv_gl_lost() { rgv::gl_context_lost(); }

EMSCRIPTEN_KEEPALIVE const char* rgv_gl_restored() {
    rgv::g_error.clear();
    if (!rgv::gl_context_restored(rgv::g_error) && rgv::g_error.empty()) rgv::g_error = "unknown error";
    return rgv::g_error.c_str();
}

// The next frame is drawn whatever it shows (web/rgv.js copies it for a still image).
EMSCRIPTEN_KEEPALIVE void rgv_redraw() { rgv::request_redraw(); }

// 1 when the last frame was drawn; 0 when it was skipped, looking like the one before (a
// viewer whose frames keep being skipped is idle: web/rgv.js then stops its loop).
EMSCRIPTEN_KEEPALIVE int rgv_frame_drawn() { return rgv::last_frame_drawn() ? 1 : 0; }

// 1 while something moves without input (App::busy: building, layout, camera flight).
EMSCRIPTEN_KEEPALIVE int rgv_busy() {
    const rgv::App* app = rgv::running_app();
    return app && app->busy() ? 1 : 0;
}

// Stops the viewer for good: main loop, GL context, SDL's listeners.
EMSCRIPTEN_KEEPALIVE void rgv_shutdown() { rgv::shutdown_runtime(); }

// 1 while a text field of the panels is being edited: the page's key shortcuts
// (web/rgv.js) then leave the keys to it. WantTextInput, not WantCaptureKeyboard: the
// latter is also true while a button is held, so under a slow frame rate the arrow key
// right after a click on a panel button was swallowed.
EMSCRIPTEN_KEEPALIVE int rgv_wants_keyboard() {
    return ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput ? 1 : 0;
}

// The canvas' CSS size changed (the host page resized the container).
EMSCRIPTEN_KEEPALIVE void rgv_resize(int css_width, int css_height) {
    if (SDL_Window* w = SDL_GL_GetCurrentWindow(); w && css_width > 0 && css_height > 0)
        SDL_SetWindowSize(w, css_width, css_height);
}

} // extern "C"
