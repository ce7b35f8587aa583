// main.cpp — the main loop shared by the native and the web build: SDL2 window + GL
// context (OpenGL 3.3 core natively, WebGL2 / GLES 3.0 in the browser), Dear ImGui with
// its SDL2 and OpenGL3 backends, and the App. What differs per platform is behind
// Platform (platform.h).
#include "platform/platform.h"
#include "view/ui/app.h"
#include "view/gl/gl.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#include "cli/cli.h"
#endif

#include <cfloat>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {

struct Runtime {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    std::unique_ptr<rgv::Platform> platform;
    rgv::App app;
    bool running = true;
    bool drawn = false;         // a frame has been drawn
    std::uint64_t ui_hash = 0;  // ImGui's draw data of the last drawn frame
};

Runtime* g_runtime = nullptr; // one per wasm instance / process

void apply_style() {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowRounding = 0.0f;
    s.FrameRounding = 4.0f;
    s.WindowPadding = {16.0f, 14.0f};
    s.ItemSpacing = {8.0f, 6.0f};
    s.WindowBorderSize = 0.0f;
    s.Colors[ImGuiCol_WindowBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    s.Colors[ImGuiCol_Text] = ImVec4(0.13f, 0.15f, 0.19f, 1.0f);
    s.Colors[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.45f, 0.50f, 1.0f);
    s.Colors[ImGuiCol_Separator] = ImVec4(0.88f, 0.89f, 0.91f, 1.0f);
    // The light style's frames are white: on the white panel an unticked checkbox, a radio
    // button or the search box would not show at all.
    s.Colors[ImGuiCol_FrameBg] = ImVec4(0.92f, 0.93f, 0.95f, 1.0f);
    s.Colors[ImGuiCol_FrameBgHovered] = ImVec4(0.86f, 0.89f, 0.94f, 1.0f);
    s.Colors[ImGuiCol_FrameBgActive] = ImVec4(0.82f, 0.86f, 0.93f, 1.0f);
}

#ifndef __EMSCRIPTEN__
// imgui 1.86's SDL backend reads the pointer with SDL_GetGlobalMouseState, which SDL's X11
// driver caches until an XInput2 raw motion event comes. A pointer moved through XTEST
// (x11vnc, xdotool, Barrier and other remote or scripted input) raises none, so the viewer
// saw it where the last click was: no hover, and a press landed at the old spot
// (libsdl-org/SDL#8827, ocornut/imgui#7217). SDL's own position, from the window's motion
// events, is always current; imgui 1.87 moved to it too. It is used over the window and
// while a button is held (SDL captures the mouse then, so it may lie outside the window).
void pointer_from_events(SDL_Window* window) {
    int x = 0, y = 0;
    const Uint32 buttons = SDL_GetMouseState(&x, &y);
    ImGuiIO& io = ImGui::GetIO();
    if (SDL_GetMouseFocus() == window || buttons != 0)
        io.MousePos = ImVec2(static_cast<float>(x), static_cast<float>(y));
    else
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}
#endif

// A fingerprint of everything ImGui would draw: vertices, indices, commands (clip
// rectangles, textures, ranges), the display and the framebuffer scale. Equal
// fingerprints draw the same pixels.
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
            mix(&cmd.TextureId, sizeof cmd.TextureId);
            mix(&cmd.VtxOffset, sizeof cmd.VtxOffset);
            mix(&cmd.IdxOffset, sizeof cmd.IdxOffset);
            mix(&cmd.ElemCount, sizeof cmd.ElemCount);
            const bool callback = cmd.UserCallback != nullptr;
            mix(&callback, sizeof callback);
        }
    }
    return h;
}

void frame() {
    Runtime& rt = *g_runtime;
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) rt.running = false;
        if (event.type == SDL_MOUSEBUTTONDOWN && event.button.button == SDL_BUTTON_LEFT && event.button.clicks == 2)
            rt.app.note_double_click();
#ifndef __EMSCRIPTEN__
        if (event.type == SDL_DROPFILE && event.drop.file) {
            rt.platform->file_dropped(rt.app, event.drop.file);
            SDL_free(event.drop.file);
        }
        // Native keyboard shortcuts, the same as the web page's (there JavaScript sends
        // them, so that only the viewer with focus reacts).
        if (event.type == SDL_KEYDOWN && !ImGui::GetIO().WantCaptureKeyboard) {
            const char* name = nullptr;
            switch (event.key.keysym.sym) {
            case SDLK_RIGHT: name = "ArrowRight"; break;
            case SDLK_LEFT: name = "ArrowLeft"; break;
            case SDLK_UP: name = "ArrowUp"; break;
            case SDLK_DOWN: name = "ArrowDown"; break;
            case SDLK_RETURN: name = "Enter"; break;
            case SDLK_ESCAPE: name = "Escape"; break;
            case SDLK_TAB: name = "Tab"; break;
            case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: name = "+"; break;
            case SDLK_MINUS: case SDLK_KP_MINUS: name = "-"; break;
            default: break;
            }
            if (name) rt.app.key(name);
        }
#endif
        if (event.type == SDL_FINGERDOWN || event.type == SDL_FINGERMOTION || event.type == SDL_FINGERUP) {
            // Finger positions come normalised to the window; the App works in logical px.
            int w = 0, h = 0;
            SDL_GetWindowSize(rt.window, &w, &h);
            const auto phase = event.type == SDL_FINGERDOWN   ? rgv::App::TouchPhase::Down
                               : event.type == SDL_FINGERUP ? rgv::App::TouchPhase::Up
                                                            : rgv::App::TouchPhase::Move;
            rt.app.touch(static_cast<std::int64_t>(event.tfinger.fingerId), event.tfinger.x * static_cast<float>(w),
                         event.tfinger.y * static_cast<float>(h), phase);
        }
    }
    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    SDL_GL_GetDrawableSize(rt.window, &fb_w, &fb_h);
    SDL_GetWindowSize(rt.window, &win_w, &win_h);
    const float scale = win_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
    if (rt.app.prepare_fonts(scale)) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
#ifndef __EMSCRIPTEN__
    pointer_from_events(rt.window);
#endif
    ImGui::NewFrame();
    rt.app.update(static_cast<float>(win_w), static_cast<float>(win_h));
    ImGui::Render();

    // A frame that would show what the screen already shows is not drawn: an idle viewer
    // (nothing moving, no input, no animation) costs the GPU nothing. The browser keeps
    // showing a WebGL canvas that was not drawn to; natively the window keeps its last
    // swapped image, and the loop waits for input instead of spinning.
    const std::uint64_t ui_hash = draw_data_hash(ImGui::GetDrawData());
    const bool draw = !rt.drawn || ui_hash != rt.ui_hash || rt.app.graph_changed(fb_w, fb_h) ||
                      rt.platform->draws_every_frame();
    if (draw) {
        glViewport(0, 0, fb_w, fb_h);
        rgv::clear_to(rt.app.background_color());
        rt.app.render_graph(fb_w, fb_h);
        glViewport(0, 0, fb_w, fb_h);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        rt.drawn = true;
        rt.ui_hash = ui_hash;
    }
    if (!rt.platform->after_frame(rt.app, fb_w, fb_h)) rt.running = false;
    if (draw) {
        SDL_GL_SwapWindow(rt.window);
    } else {
#ifndef __EMSCRIPTEN__
        SDL_WaitEventTimeout(nullptr, 16); // the next input, or about a display frame
#endif
    }

#ifdef __EMSCRIPTEN__
    if (!rt.running) emscripten_cancel_main_loop();
#endif
}

} // namespace

// Frees everything main() made. Natively after the loop; on the web when the host page
// destroys the viewer (rgv_shutdown), so the GL context and SDL's listeners go with it.
void rgv::shutdown_runtime() {
    if (!g_runtime || !g_runtime->window) return;
    Runtime& rt = *g_runtime;
#ifdef __EMSCRIPTEN__
    emscripten_cancel_main_loop();
#endif
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

rgv::App* rgv::running_app() { return g_runtime ? &g_runtime->app : nullptr; }

int main(int argc, char** argv) {
#ifndef __EMSCRIPTEN__
    if (int code = 0; rgv::run_cli(argc, argv, code)) return code;
#endif
    auto platform = rgv::make_platform(argc, argv);
    if (!platform) return 2;

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "rgv: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
#ifdef __EMSCRIPTEN__
    const char* glsl_version = "#version 300 es";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    const char* glsl_version = "#version 330 core";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLESAMPLES, 0); // the shaders antialias themselves

#ifdef __EMSCRIPTEN__
    // Keys go to this viewer's canvas only: SDL listens on the window by default, so every
    // viewer on a page would take every key and the host page's Tab would break.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
#endif
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
    apply_style();
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

#ifdef __EMSCRIPTEN__
    // Returns to JavaScript at once; the browser calls frame() on every animation frame.
    emscripten_set_main_loop(frame, 0, false);
    return 0;
#else
    while (runtime.running) frame();
    const int code = runtime.platform->exit_code();
    rgv::shutdown_runtime();
    return code;
#endif
}
