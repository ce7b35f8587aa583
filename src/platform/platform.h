// platform.h — the one small interface between the shared main loop (main.cpp) and the
// two places rgv runs: the desktop (platform_native.cpp) and the browser
// (platform_web.cpp, which also holds the C API exported to JavaScript).
#pragma once

#include <memory>

namespace rgv {

class App;

class Platform {
public:
    virtual ~Platform() = default;
    // Called once the window, GL context, ImGui and App exist: load the first slice and
    // the font (native: from files; web: JavaScript hands them over through the C API).
    virtual bool start(App& app) = 0;
    // Called after each frame, drawn or not; returning false ends the main loop.
    virtual bool after_frame(App& app, int fb_width, int fb_height) = 0;
    // Frames that would look the same as the last are skipped unless this says otherwise
    // (a screenshot or a benchmark reads or times every frame's pixels).
    virtual bool draws_every_frame() const { return false; }
    // A file was dropped on the window (native): open it like a path argument.
    virtual void file_dropped(App&, const char* /*path*/) {}
    // Window title and the initial logical size.
    virtual const char* title() const { return "rgv - Research Graph Viewer"; }
    virtual void initial_size(int& w, int& h) const { w = 1280; h = 800; }
    // Exit code of the process when the loop ends.
    virtual int exit_code() const { return 0; }
};

// Defined by the platform file that is linked in. Returns null (after printing why) when
// the command line is wrong.
std::unique_ptr<Platform> make_platform(int argc, char** argv);

// The running App, for the web C API (one per wasm module instance).
App* running_app();

// Tears down the window, GL context, ImGui and SDL (main.cpp). Idempotent.
void shutdown_runtime();

} // namespace rgv
