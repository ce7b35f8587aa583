// main.cpp — the main loop shared by the native and the web build: SDL2 window + GL
// context (OpenGL 3.3 core natively, WebGL2 / GLES 3.0 in the browser), Dear ImGui with
// its SDL2 and OpenGL3 backends, and the App. What differs per platform is behind
// Platform (platform.h): this file has no #if for one platform.
//
// [SECTION] runtime       what main() made, for the frame and for shutdown_runtime
// [SECTION] frame         events, ImGui frame, App update, draw or skip
// [SECTION] GL context lost and back   forget every GL object, make them again (web, native reset)
// [SECTION] main          SDL, window, GL context, ImGui, App, then the platform's loop
#include "platform/platform.h"
#include "view/ui/app.h"
#include "view/gl/gl.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

namespace {

// [SECTION] runtime

struct Runtime {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    std::unique_ptr<rgv::Platform> platform;
    rgv::App app;
    bool running = true;
    bool drawn = false;         // a frame has been drawn
    bool last_drawn = false;    // the last frame was drawn (not skipped as unchanged)
    std::uint64_t ui_hash = 0;  // ImGui's draw data of the last drawn frame
};

Runtime* g_runtime = nullptr; // one per wasm instance / process

// A fingerprint of everything ImGui would draw: vertices, indices, commands (clip
// rectangles, textures, ranges), the display and the framebuffer scale. Equal
// fingerprints draw the same pixels, as long as no texture waits for the backend
// (textures_pending).
std::uint64_t draw_data_hash(const ImDrawData* data) {
    // FNV-1a over 8-byte words (the panels can be tens of thousands of vertices), with a
    // shift so high bits reach the low ones; a fingerprint, not a checksum.
    std::uint64_t h = 14695981039346656037ull;
    auto mix = [&h](const void* bytes, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(bytes);
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, p + i, 8);
            h = (h ^ word) * 1099511628211ull;
            h ^= h >> 29;
        }
        for (; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    };
    mix(&data->DisplayPos, sizeof data->DisplayPos);
    mix(&data->DisplaySize, sizeof data->DisplaySize);
    mix(&data->FramebufferScale, sizeof data->FramebufferScale);
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        mix(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            mix(&cmd.ClipRect, sizeof cmd.ClipRect);
            mix(&cmd.TexRef, sizeof cmd.TexRef);
            mix(&cmd.VtxOffset, sizeof cmd.VtxOffset);
            mix(&cmd.IdxOffset, sizeof cmd.IdxOffset);
            mix(&cmd.ElemCount, sizeof cmd.ElemCount);
            const bool callback = cmd.UserCallback != nullptr;
            mix(&callback, sizeof callback);
        }
    }
    return h;
}

// ImGui 1.92 bakes glyphs when text first needs them and hands the texture work (create the
// atlas, upload new glyphs, destroy an old texture) to the renderer backend, which does it
// in RenderDrawData: a frame with any such work is drawn, not skipped.
bool textures_pending(const ImDrawData* data) {
    if (!data->Textures) return false;
    for (const ImTextureData* tex : *data->Textures)
        if (tex->Status == ImTextureStatus_WantCreate || tex->Status == ImTextureStatus_WantUpdates ||
            tex->Status == ImTextureStatus_WantDestroy)
            return true;
    return false;
}

// [SECTION] frame

// Whether `event` should wait for the next frame. ImGui's tabs (and other widgets that may
// overlap) take a press only when the pointer was over them the frame before, and ImGui's
// input queue hands a move and a press that came in one frame over together (it splits
// them for touch screens only, ocornut/imgui#2702): so at a low frame rate a click right
// after a move, or a test's click, would miss a tab. A press after a move in the same
// frame, and everything after it, stays in SDL's queue for the next frame.
bool holds_for_next_frame(const SDL_Event& event, bool& moved) {
    if (event.type == SDL_MOUSEBUTTONDOWN && moved) return true;
    if (event.type == SDL_MOUSEMOTION) moved = true;
    return false;
}

// One pass of the loop; false once the viewer should stop.
bool frame() {
    Runtime& rt = *g_runtime;
    SDL_Event event;
    SDL_PumpEvents();
    bool moved = false;
    while (SDL_PeepEvents(&event, 1, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0 &&
           !holds_for_next_frame(event, moved)) {
        SDL_PeepEvents(&event, 1, SDL_GETEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT);
        // Tab is the viewer's (App: the graph, then the panels' controls), not ImGui's own
        // tabbing within one window.
        const bool tab_key = (event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) && event.key.keysym.sym == SDLK_TAB;
        if (!tab_key) ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) rt.running = false;
        if (event.type == SDL_MOUSEBUTTONDOWN && event.button.button == SDL_BUTTON_LEFT)
            rt.app.note_press(event.button.clicks);
        if (event.type == SDL_FINGERDOWN || event.type == SDL_FINGERMOTION || event.type == SDL_FINGERUP) {
            // Finger positions come normalised to the window; the App works in logical px.
            int w = 0, h = 0;
            SDL_GetWindowSize(rt.window, &w, &h);
            const auto phase = event.type == SDL_FINGERDOWN   ? rgv::TouchPhase::Down
                               : event.type == SDL_FINGERUP ? rgv::TouchPhase::Up
                                                            : rgv::TouchPhase::Move;
            rt.app.touch(static_cast<std::int64_t>(event.tfinger.fingerId), event.tfinger.x * static_cast<float>(w),
                         event.tfinger.y * static_cast<float>(h), phase);
        }
        rt.platform->handle_event(rt.app, event);
        // SDL hands a dropped file's path over to whoever polls: freed here, whether the
        // platform opened it or not.
        if (event.type == SDL_DROPFILE) SDL_free(event.drop.file);
    }
    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    SDL_GL_GetDrawableSize(rt.window, &fb_w, &fb_h);
    SDL_GetWindowSize(rt.window, &win_w, &win_h);

    rt.app.update_fonts();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame(); // also io.DisplayFramebufferScale, the density text is rasterised at
    rt.platform->correct_input(rt.window);
    ImGui::NewFrame();
    rt.app.update(static_cast<float>(win_w), static_cast<float>(win_h));
    ImGui::Render();

    // A frame that would show what the screen already shows is not drawn: an idle viewer
    // (nothing moving, no input, no animation) costs the GPU nothing. The browser keeps
    // showing a WebGL canvas that was not drawn to; natively the window keeps its last
    // swapped image, and the platform waits for input instead of spinning (idle).
    const std::uint64_t ui_hash = draw_data_hash(ImGui::GetDrawData());
    const bool draw = !rt.app.gl_is_lost() && (!rt.drawn || ui_hash != rt.ui_hash || textures_pending(ImGui::GetDrawData()) ||
                      rt.app.graph_changed(fb_w, fb_h) || rt.platform->draws_every_frame());
    if (draw) {
        glViewport(0, 0, fb_w, fb_h);
        rgv::clear_to(rt.app.background_color());
        rt.app.render_graph(fb_w, fb_h);
        glViewport(0, 0, fb_w, fb_h);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        rt.drawn = true;
        rt.ui_hash = ui_hash;
    }
    rt.last_drawn = draw;
    if (!rt.platform->after_frame(rt.app, fb_w, fb_h)) rt.running = false;
    if (draw) {
        SDL_GL_SwapWindow(rt.window);
    } else {
        rt.platform->idle();
    }
    return rt.running;
}

} // namespace

// Frees everything main() made. Natively after the loop; on the web when the host page
// destroys the viewer (rgv_shutdown), so the GL context and SDL's listeners go with it.
void rgv::shutdown_runtime() {
    if (!g_runtime || !g_runtime->window) return;
    Runtime& rt = *g_runtime;
    rt.platform->end_loop();
    rt.app.shutdown_gl();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(rt.gl);
    SDL_DestroyWindow(rt.window);
    SDL_Quit();
    rt.window = nullptr;
    rt.gl = nullptr;
}

// [SECTION] GL context lost and back

void rgv::gl_context_lost() {
    if (g_runtime && g_runtime->window) g_runtime->app.gl_lost();
}

namespace {
// Forgets every GL object of the renderer and of ImGui's backend (its program, buffers
// and textures: the font atlas is uploaded again from ImGui's own copy, and the backend
// makes its objects again in the next ImGui_ImplOpenGL3_NewFrame). Called with the old
// context current when there still is one, so nothing deletes a new object by name.
void release_gl(Runtime& rt) {
    rt.app.shutdown_gl();
    ImGui_ImplOpenGL3_DestroyDeviceObjects();
}
} // namespace

bool rgv::gl_context_restored(std::string& error) {
    if (!g_runtime || !g_runtime->window) {
        error = "the viewer is not running";
        return false;
    }
    Runtime& rt = *g_runtime;
    release_gl(rt);
    if (!rt.app.gl_restored(error)) return false;
    rt.drawn = false; // the next frame is drawn whatever it shows
    return true;
}

bool rgv::recreate_gl_context(std::string& error) {
    if (!g_runtime || !g_runtime->window) {
        error = "the viewer is not running";
        return false;
    }
    Runtime& rt = *g_runtime;
    gl_context_lost();
    release_gl(rt);
    SDL_GL_DeleteContext(rt.gl);
    rt.gl = SDL_GL_CreateContext(rt.window);
    if (!rt.gl) {
        error = std::string("cannot create a GL context: ") + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(rt.window, rt.gl);
    return gl_context_restored(error);
}

bool rgv::last_frame_drawn() { return g_runtime && g_runtime->last_drawn; }

void rgv::request_redraw() {
    if (g_runtime) g_runtime->drawn = false;
}

rgv::App* rgv::running_app() { return g_runtime ? &g_runtime->app : nullptr; }

// [SECTION] main

int main(int argc, char** argv) {
    int code = 0;
    auto platform = rgv::make_platform(argc, argv, code);
    if (!platform) return code;

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "rgv: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    const char* glsl_version = platform->configure_gl();
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLESAMPLES, 0); // the shaders antialias themselves

    int w = 0, h = 0;
    platform->initial_size(w, h);
    const auto window_flags =
        static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_Window* window = SDL_CreateWindow(platform->title(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
                                          h, window_flags);
    if (!window) {
        std::fprintf(stderr, "rgv: SDL_CreateWindow failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GLContext gl = SDL_GL_CreateContext(window);
    if (!gl) {
        std::fprintf(stderr, "rgv: cannot create a GL context: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(window, gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // layout is the app's, not a file in the cwd
    // No ImGui style here: the App applies its theme's (first frame, and on set_theme).
    ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init(glsl_version);

    static Runtime runtime; // lives for the whole program (and the wasm instance)
    runtime.window = window;
    runtime.gl = gl;
    runtime.platform = std::move(platform);
    g_runtime = &runtime;

    std::string error;
    if (!runtime.app.init_gl(error)) {
        std::fprintf(stderr, "rgv: graph renderer: %s\n", error.c_str());
        return 1;
    }
    if (!runtime.platform->start(runtime.app)) return runtime.platform->exit_code();

    // Natively the loop runs here and ends when the window closes; in the browser it is
    // handed to the browser's animation frames, and rgv_shutdown tears down.
    if (!runtime.platform->run_loop(frame)) return 0;
    code = runtime.platform->exit_code();
    rgv::shutdown_runtime();
    return code;
}
