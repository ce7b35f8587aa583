// platform.h — the one small interface between the shared main loop (main.cpp) and the
// two places rgv runs: the desktop (platform_native.cpp) and the browser
// (platform_web.cpp, which also holds the C API exported to JavaScript). main.cpp has no
// #if for either: what differs is a method here, each one named for the moment the loop
// calls it (the shape of Tracy's Backend / BackendEmscripten split). Exactly one platform
// file is linked in, and it defines make_platform().
//
// The calls, in order:
//   make_platform    the command line (native: also the CLI subcommands), before SDL
//   configure_gl     SDL GL attributes and hints, before the window; gives the GLSL line
//   title, initial_size                                          the window
//   start            window, GL, ImGui and App exist: load the first slice and the font
//   run_loop         calls the frame function until it returns false (or hands it on)
//     per frame:  handle_event (each SDL event), correct_input (after ImGui's SDL
//                 backend read the devices), after_frame, then idle if nothing was drawn
//   end_loop         from shutdown_runtime: the loop must not call the frame again
//   exit_code        when the process ends
#pragma once

#include <memory>
#include <string>

struct SDL_Window;
union SDL_Event;

namespace rgv {

class App;

class Platform {
public:
    virtual ~Platform() = default;

    // [SECTION] before the window
    // Sets the SDL GL attributes (context version and profile) and any SDL hints the
    // platform needs, and returns the GLSL version line for ImGui's OpenGL3 backend:
    // OpenGL 3.3 core natively, WebGL2 (GLES 3.0) in the browser.
    virtual const char* configure_gl() = 0;
    // Window title and the initial logical size.
    virtual const char* title() const { return "rgv - Research Graph Viewer"; }
    virtual void initial_size(int& w, int& h) const { w = 1280; h = 800; }

    // [SECTION] the loop
    // Called once the window, GL context, ImGui and App exist: load the first slice and
    // the font (native: from files; web: JavaScript hands them over through the C API).
    // Returning false ends the program before the loop, with exit_code().
    virtual bool start(App& app) = 0;
    // Runs `step` (one frame) until it returns false. Returns true when the loop has
    // ended here (native: main tears down and exits), false when it was handed to someone
    // who calls `step` later (web: the browser, on every animation frame; main returns at
    // once).
    virtual bool run_loop(bool (*step)()) = 0;
    // The runtime is being torn down (shutdown_runtime): `step` must not run again. The
    // native loop has already ended; the browser's must be cancelled.
    virtual void end_loop() {}
    // Exit code of the process when the loop ends.
    virtual int exit_code() const { return 0; }

    // [SECTION] each frame
    // One SDL event, after ImGui's backend and the shared handlers (quit, double click,
    // touch) saw it: platform-only input (native: dropped files, keyboard shortcuts; on
    // the web JavaScript sends the shortcuts, so that only the viewer with focus reacts).
    virtual void handle_event(App& /*app*/, const SDL_Event& /*event*/) {}
    // After ImGui's SDL backend began the frame, before ImGui::NewFrame: a chance to
    // correct what the backend read from the devices (native: the pointer position).
    virtual void correct_input(SDL_Window* /*window*/) {}
    // Called after each frame, drawn or not, before the buffer swap (a screenshot reads
    // the back buffer); returning false ends the main loop.
    virtual bool after_frame(App& app, int fb_width, int fb_height) = 0;
    // Frames that would look the same as the last are skipped unless this says otherwise
    // (a screenshot or a benchmark reads or times every frame's pixels).
    virtual bool draws_every_frame() const { return false; }
    // A frame was skipped (nothing changed on screen): natively wait for input or about a
    // display frame instead of spinning; in the browser return, the next animation frame
    // comes anyway.
    virtual void idle() {}
};

// Defined by the platform file that is linked in. Returns null when the process should
// end without a window, with `exit_code` set: a wrong command line (2, after printing
// why), --help (0), or a CLI subcommand that ran (native: rgv validate / stats / convert).
std::unique_ptr<Platform> make_platform(int argc, char** argv, int& exit_code);

// The running App, for the web C API (one per wasm module instance).
App* running_app();

// Tears down the window, GL context, ImGui and SDL (main.cpp). Idempotent.
void shutdown_runtime();

// The GL context (main.cpp). Lost: every GL object is gone, frames are not drawn (the
// model goes on: input, commands, layout). Restored (the browser's webglcontextrestored,
// or a new context natively): the renderer's and ImGui's objects are made again and the
// next frame draws everything. Recreate: natively, a new GL context for the window in
// place of the old one, through the same two steps (what a device reset needs).
void gl_context_lost();
bool gl_context_restored(std::string& error);
bool recreate_gl_context(std::string& error);

} // namespace rgv
