// platform_native.cpp — the desktop: command line, files, a self-check mode for the
// smoke test (run N frames under Xvfb, save a screenshot, verify the graph was drawn), a
// state file for tests that drive the window with real X11 input (--state-file,
// tests/native/mouse.py), touch gestures for them through SDL's queue (--touch-file) and
// a frame-time mode for bench/render.sh (--bench-frames: a moving camera, one JSON line).
// Also what only the desktop does each frame: OpenGL 3.3 core, the keyboard shortcuts
// (the page's JavaScript sends them on the web), dropped files, the pointer workaround,
// waiting for input when idle, and the loop itself.
//
// [SECTION] usage         the command line's help text
// [SECTION] platform      NativePlatform: the Platform calls, then the testing options
// [SECTION] command line  make_platform: the CLI subcommands, then the viewer's options
#include "cli/cli.h"
#include "cli/cli_common.h"
#include "platform/platform.h"
#include "view/ui/app.h"
#include "view/gl/gl.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace rgv {
namespace {

// [SECTION] usage

const char* kUsage =
    "usage: rgv [view] [options] [FILE]\n"
    "  Opens the viewer on FILE (a graph slice; default: the bundled sample).\n"
    "options:\n"
    "  --frames N          quit after N frames (0 = run until closed)\n"
    "  --screenshot FILE   with --frames: save the last frame as a binary PPM and check\n"
    "                      that the graph was drawn (exit 3 if not)\n"
    "  --font FILE         one TTF / OTF for all text instead of the font pieces\n"
    "  --fonts DIR         the font pieces' folder (pieces.json); default: the build's\n"
    "  --size WxH          initial window size in logical pixels (default 1280x800)\n"
    "  --mode MODE         explorer (default: the side panel) or compact (the graph alone)\n"
    "  --theme THEME       light (default) or dark; the key T switches between them\n"
    "  --lang LANG         the UI's language: en (default), de, or any tag with --strings\n"
    "  --strings FILE      the UI's strings by key, a JSON object (keys: docs/js-api.md)\n"
    "  --drop FILE         (testing) drop FILE on the window at frame 5, through SDL's queue\n"
    "  --keys K1,K2,...    (testing) press these keys from frame 10 on, one a frame\n"
    "                      (ArrowLeft/Right/Up/Down, Enter, Escape, Tab, +, -)\n"
    "  --state-file FILE   (testing) after every frame, replace FILE with the state JSON\n"
    "                      (the web API's state(), plus \"pinned\": the pinned node ids)\n"
    "  --touch-file FILE   (testing) whenever FILE appears, send its lines as touch events\n"
    "                      (\"down|move|up FINGER X Y\", window px) and delete it\n"
    "  --reset-gl N        (testing) at frame N, replace the GL context with a new one\n"
    "                      (what a device reset does): everything is drawn again in it\n"
    "  --bench-frames N    (benchmark) once the graph is loaded and its layout has stopped,\n"
    "                      draw N frames in compact mode with the camera moving every\n"
    "                      frame (no vsync),\n"
    "                      print one JSON line of frame times and quit\n"
    "  -h, --help          this text\n";

// [SECTION] platform

class NativePlatform final : public Platform {
public:
    std::string slice_path =
#ifdef RGV_DEFAULT_SLICE
        RGV_DEFAULT_SLICE;
#else
        "assets/sample-slice.json";
#endif
    std::string font_path; // --font: one font for everything instead of the pieces
    std::string pieces_dir =
#ifdef RGV_FONT_PIECES_DIR
        RGV_FONT_PIECES_DIR;
#else
        "fonts";
#endif
    std::string screenshot_path;
    std::string drop_path;          // --drop
    std::string state_path;         // --state-file
    std::string touch_path;         // --touch-file
    std::string mode;               // --mode; empty: the App's default
    std::string theme = "light";    // --theme
    std::string lang;               // --lang
    std::string strings_path;       // --strings
    bool state_failed = false;      // a --state-file write failed (said once)
    std::vector<std::string> keys;  // --keys
    long max_frames = 0;
    long bench_frames = 0;             // --bench-frames
    long reset_gl_at = 0;              // --reset-gl: the frame, 0 = never
    int bench_warm = 0;                // frames since the layout stopped
    long bench_k = 0;                  // camera path step
    std::vector<double> bench_ms;      // measured frame intervals
    std::chrono::steady_clock::time_point bench_last;
    int width = 1280, height = 800;
    int frame = 0;
    int code = 0;

    const char* configure_gl() override {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
        return "#version 330 core";
    }

    bool start(App& app) override {
        // Frame times, not the display's refresh rate (Xvfb has none, a desktop has).
        if (bench_frames > 0) SDL_GL_SetSwapInterval(0);
        load_fonts(app);
        if (!mode.empty()) app.run_command({{"cmd", "set_mode"}, {"mode", mode}});
        set_theme(app, theme);
        if (!set_language(app)) {
            code = 2; // as for any other wrong command line
            return false;
        }
        app.begin_loading(slice_path);
        load_file(app, slice_path);
        return true;
    }

    // The font pieces from the build folder (the base now, the rest when text needs them),
    // or --font. Failing both, ImGui's built-in font draws ASCII and says so.
    void load_fonts(App& app) {
        std::string bytes, error;
        const auto as_bytes = [&] { return reinterpret_cast<const unsigned char*>(bytes.data()); };
        if (!font_path.empty()) {
            if (!read_input_file(font_path, LoadLimits{}.max_bytes, bytes, error) ||
                !(error = app.set_font(as_bytes(), bytes.size())).empty())
                std::fprintf(stderr, "rgv: font %s not used: %s\n", font_path.c_str(), error.c_str());
            return;
        }
        std::string manifest;
        const std::string where = pieces_dir + "/pieces.json";
        if (read_input_file(where, LoadLimits{}.max_bytes, manifest, error)) {
            const auto doc = nlohmann::json::parse(manifest, nullptr, false);
            const std::string base = doc.is_object() && doc.contains("pieces") && doc["pieces"].is_array() &&
                                             !doc["pieces"].empty() && doc["pieces"][0].value("file", "").size()
                                         ? doc["pieces"][0]["file"].get<std::string>()
                                         : "";
            if (base.empty()) error = where + " lists no pieces";
            else if (read_input_file(pieces_dir + "/" + base, LoadLimits{}.max_bytes, bytes, error))
                error = app.set_font_pieces(manifest, as_bytes(), bytes.size(), pieces_dir);
        }
        if (!error.empty())
            std::fprintf(stderr, "rgv: fonts not loaded (%s); using imgui's built-in font (ASCII only)\n", error.c_str());
    }

    // The loop ends when the window closes (SDL_QUIT, also from SIGTERM) or after_frame
    // says so; main then tears down.
    bool run_loop(bool (*step)()) override {
        while (step()) {
        }
        return true;
    }

    // Nothing changed on screen: sleep until the next input, or about a display frame
    // (animations and the layout go on without input).
    void idle() override { SDL_WaitEventTimeout(nullptr, 16); }

    void handle_event(App& app, const SDL_Event& event) override {
        if (event.type == SDL_DROPFILE && event.drop.file) load_file(app, event.drop.file);
        // The keyboard shortcuts, the same as the web page's. Not while a panel's text
        // field or widget has the keyboard, and not with a modifier (Ctrl+T is not T).
        if (event.type != SDL_KEYDOWN) return;
        const SDL_Keycode sym = event.key.keysym.sym;
        // Tab moves the keyboard through the viewer whatever has it (a desktop window has no
        // page to leave to: past the last control it starts again at the graph).
        if (sym == SDLK_TAB) {
            app.model().tab((event.key.keysym.mod & KMOD_SHIFT) != 0);
            return;
        }
        if (sym == SDLK_ESCAPE && app.model().escape_panel_focus()) return;
        if (ImGui::GetIO().WantCaptureKeyboard) return;
        if (sym == SDLK_t && (event.key.keysym.mod & (KMOD_CTRL | KMOD_SHIFT | KMOD_ALT | KMOD_GUI)) == 0) {
            toggle_theme(app);
            return;
        }
        const char* name = nullptr;
        switch (sym) {
        case SDLK_RIGHT: name = "ArrowRight"; break;
        case SDLK_LEFT: name = "ArrowLeft"; break;
        case SDLK_UP: name = "ArrowUp"; break;
        case SDLK_DOWN: name = "ArrowDown"; break;
        case SDLK_RETURN: name = "Enter"; break;
        case SDLK_ESCAPE: name = "Escape"; break;
        case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: name = "+"; break;
        case SDLK_MINUS: case SDLK_KP_MINUS: name = "-"; break;
        default: break;
        }
        if (name) app.key(name);
    }

    // ImGui's SDL backend (1.92 too) takes the pointer from the window's motion events, but
    // while the window has the keyboard focus and no button is held it then asks
    // SDL_GetGlobalMouseState, which SDL's X11 driver caches until an XInput2 raw motion
    // event comes. A pointer moved through XTEST (x11vnc, xdotool, Barrier and other remote
    // or scripted input) raises none, so the viewer saw it where the last click was: no
    // hover, and a press landed at the old spot (libsdl-org/SDL#8827, ocornut/imgui#7217,
    // still open). SDL's own position, from the window's motion events, is always current:
    // queued after the backend's, it is the one ImGui takes. Used over the window and while
    // a button is held (SDL captures the mouse then, so it may lie outside the window).
    void correct_input(SDL_Window* window) override {
        int x = 0, y = 0;
        const Uint32 buttons = SDL_GetMouseState(&x, &y);
        if (SDL_GetMouseFocus() == window || buttons != 0)
            ImGui::GetIO().AddMousePosEvent(static_cast<float>(x), static_cast<float>(y));
        else
            ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    }

    // Themes go through the same command as the web API's setTheme, so both show alike.
    // --lang and --strings; a file that is not a JSON object of strings stops the start,
    // with the reason (the UI would otherwise show words nobody asked for).
    bool set_language(App& app) {
        if (lang.empty() && strings_path.empty()) return true;
        nlohmann::json cmd{{"cmd", "set_language"}, {"lang", lang.empty() ? "en" : lang}};
        if (!strings_path.empty()) {
            std::ifstream in(strings_path, std::ios::binary);
            if (!in) {
                std::fprintf(stderr, "rgv: --strings: cannot read %s\n", strings_path.c_str());
                return false;
            }
            cmd["strings"] = nlohmann::json::parse(in, nullptr, false);
            if (cmd["strings"].is_discarded()) {
                std::fprintf(stderr, "rgv: --strings: %s is not valid JSON\n", strings_path.c_str());
                return false;
            }
        }
        const nlohmann::json result = app.run_command(cmd);
        if (!result.value("ok", false)) {
            std::fprintf(stderr, "rgv: %s\n", result.value("error", "set_language failed").c_str());
            return false;
        }
        if (result.contains("warning")) std::fprintf(stderr, "rgv: --lang %s: %s\n", lang.c_str(), result["warning"].get<std::string>().c_str());
        return true;
    }

    static void set_theme(App& app, const std::string& name) {
        const nlohmann::json result = app.run_command({{"cmd", "set_theme"}, {"theme", name}});
        if (!result.value("ok", false))
            std::fprintf(stderr, "rgv: set_theme %s: %s\n", name.c_str(), result.value("error", "failed").c_str());
    }

    // T: light <-> dark, from the theme the App shows (state().theme.dark), so a theme set
    // any other way toggles right too.
    static void toggle_theme(App& app) {
        const nlohmann::json state = nlohmann::json::parse(app.state_json(), nullptr, false);
        bool dark = false;
        if (state.is_object() && state.contains("theme") && state["theme"].is_object())
            dark = state["theme"].value("dark", false);
        set_theme(app, dark ? "light" : "dark");
    }

    // The file given on the command line and a dropped one load alike, through the CLI's
    // reader: a file over the load limit is refused from its size, before it is read.
    static void load_file(App& app, const std::string& path) {
        std::string text, error;
        if (!read_input_file(path, LoadLimits{}.max_bytes, text, error)) {
            app.fail_loading(error.rfind(path, 0) == 0 ? error : path + ": " + error);
        } else if (app.load_json(text, path)) {
            return;
        }
        std::fprintf(stderr, "rgv: %s\n", app.error().c_str());
    }

    // The testing options go through SDL's event queue, so they exercise the same
    // handlers as a real drop or key press.
    void inject_events() {
        if (frame == 5 && !drop_path.empty()) {
            SDL_Event e{};
            e.type = SDL_DROPFILE;
            e.drop.file = SDL_strdup(drop_path.c_str());
            SDL_PushEvent(&e);
        }
        const int k = frame - 10;
        if (k >= 0 && static_cast<std::size_t>(k) < keys.size()) {
            static const std::pair<const char*, SDL_Keycode> kKeys[] = {
                {"ArrowRight", SDLK_RIGHT}, {"ArrowLeft", SDLK_LEFT}, {"ArrowUp", SDLK_UP}, {"ArrowDown", SDLK_DOWN},
                {"Enter", SDLK_RETURN},     {"Escape", SDLK_ESCAPE},  {"Tab", SDLK_TAB},    {"+", SDLK_PLUS},
                {"-", SDLK_MINUS}};
            for (const auto& [name, keycode] : kKeys)
                if (keys[static_cast<std::size_t>(k)] == name) {
                    SDL_Event e{};
                    e.type = SDL_KEYDOWN;
                    e.key.state = SDL_PRESSED;
                    e.key.keysym.sym = keycode;
                    e.key.keysym.scancode = SDL_GetScancodeFromKey(keycode);
                    SDL_PushEvent(&e);
                }
        }
        if (!touch_path.empty()) inject_touch();
    }

    // --touch-file: Xvfb has no touch screen, so a test writes the fingers' moves to a file
    // (by a rename: whole or absent) and they reach the App as SDL finger events, the
    // handler a touch screen's events take. All lines go into one frame's queue; each event
    // is handled on its own, so a gesture comes out the same as over several frames.
    void inject_touch() {
        FILE* f = std::fopen(touch_path.c_str(), "rb");
        if (!f) return;
        int w = 0, h = 0;
        SDL_GetWindowSize(SDL_GL_GetCurrentWindow(), &w, &h);
        char line[256];
        int number = 0;
        while (std::fgets(line, sizeof line, f)) {
            ++number;
            char kind[16] = {};
            long long finger = 0;
            float x = 0.0f, y = 0.0f;
            if (line[0] == '\n' || line[0] == '#') continue;
            if (std::sscanf(line, "%15s %lld %f %f", kind, &finger, &x, &y) != 4 || w <= 0 || h <= 0) {
                std::fprintf(stderr, "rgv: %s:%d: want \"down|move|up FINGER X Y\"\n", touch_path.c_str(), number);
                continue;
            }
            SDL_Event e{};
            e.type = std::strcmp(kind, "down") == 0   ? SDL_FINGERDOWN
                     : std::strcmp(kind, "up") == 0   ? SDL_FINGERUP
                     : std::strcmp(kind, "move") == 0 ? SDL_FINGERMOTION
                                                      : 0;
            if (e.type == 0) {
                std::fprintf(stderr, "rgv: %s:%d: unknown touch \"%s\"\n", touch_path.c_str(), number, kind);
                continue;
            }
            e.tfinger.fingerId = static_cast<SDL_FingerID>(finger);
            e.tfinger.x = x / static_cast<float>(w); // SDL gives fingers normalised to the window
            e.tfinger.y = y / static_cast<float>(h);
            SDL_PushEvent(&e);
        }
        std::fclose(f);
        std::remove(touch_path.c_str());
    }

    bool draws_every_frame() const override { return max_frames > 0 || bench_frames > 0; }

    bool after_frame(App& app, int fb_w, int fb_h) override {
        ++frame;
        if (bench_frames > 0) return bench_step(app, fb_w, fb_h);
        inject_events();
        if (frame == reset_gl_at) {
            std::string error;
            if (!recreate_gl_context(error)) {
                std::fprintf(stderr, "rgv: --reset-gl: %s\n", error.c_str());
                code = 1;
                return false;
            }
        }
        if (!state_path.empty()) write_state(app);
        if (max_frames == 0 || frame < max_frames) return true;
        if (!screenshot_path.empty()) code = save_and_check(app, fb_w, fb_h);
        if (code == 0 && app.status() != AppStatus::Ready) {
            std::fprintf(stderr, "rgv: no graph after %d frames: %s\n", frame, app.error().c_str());
            code = 3;
        }
        std::printf("%s\n", app.state_json().c_str());
        return false;
    }

    // --state-file: a test in another process polls the file between the input it sends,
    // so it must never see half a file: write a temporary one and rename it over the last
    // (atomic on POSIX). Every frame, changed or not: "frames" tells the test that a
    // frame has passed since its input. Pinned nodes are not in state_json() (the web test
    // reads them from export_json, too heavy for every frame), so they are added here.
    void write_state(const App& app) {
        nlohmann::json state = nlohmann::json::parse(app.state_json(), nullptr, false);
        if (!state.is_object()) return;
        const Graph& g = app.slice().graph;
        nlohmann::json pinned = nlohmann::json::array();
        for (std::size_t i = 0; i < g.node_count() && i < g.pinned.size(); ++i)
            if (g.pinned[i]) pinned.push_back(g.node_id[i]);
        state["pinned"] = std::move(pinned);
        const std::string text = state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        const std::string tmp = state_path + ".tmp";
        bool ok = false;
        if (FILE* f = std::fopen(tmp.c_str(), "wb")) {
            ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
            ok = std::fclose(f) == 0 && ok;
        }
        ok = ok && std::rename(tmp.c_str(), state_path.c_str()) == 0;
        // Said once: the test waiting for the file times out, and this line says why.
        if (!ok && !state_failed)
            std::fprintf(stderr, "rgv: cannot write %s: %s\n", state_path.c_str(), std::strerror(errno));
        state_failed = state_failed || !ok;
    }

    // --bench-frames: the same camera path as bench/render.mjs drives in the browser (zoom
    // 1x..2.3x and a loop of about 120 px around the fitted view, one period in 240
    // frames), sent through the same command channel. Each interval runs from one
    // after_frame to the next: input, update, labels, GL, and one buffer swap.
    bool bench_step(App& app, int fb_w, int fb_h) {
        const auto now = std::chrono::steady_clock::now();
        if (bench_warm < 10) {
            if (app.status() != AppStatus::Ready) {
                if (!app.error().empty() || frame > 600) {
                    std::fprintf(stderr, "rgv: --bench-frames: no graph: %s\n", app.error().c_str());
                    code = 3;
                    return false;
                }
                return true;
            }
            // The graph fills the window, as in the browser benchmark (compact mode).
            if (bench_warm == 0 && app.mode() != Mode::Compact) app.run_command({{"cmd", "set_mode"}, {"mode", "compact"}});
            // Frame times with the layout stopped: wait until it has (pinned nodes: at once).
            const auto state = nlohmann::json::parse(app.state_json(), nullptr, false);
            const auto layout = state.is_object() ? state.find("layout") : state.end();
            if (layout != state.end() && layout->value("converged", false)) ++bench_warm;
            bench_last = now;
            return true;
        }
        const long k = ++bench_k;
        if (k > 1) bench_ms.push_back(std::chrono::duration<double, std::milli>(now - bench_last).count());
        bench_last = now;
        if (static_cast<long>(bench_ms.size()) >= bench_frames) {
            std::vector<double> sorted = bench_ms;
            std::sort(sorted.begin(), sorted.end());
            double sum = 0.0;
            for (double v : sorted) sum += v;
            const auto at = [&](double q) { return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * static_cast<double>(sorted.size())))]; };
            const nlohmann::json out = {{"bench", "native"},
                                        {"nodes", app.slice().graph.node_count()},
                                        {"edges", app.slice().graph.edge_count()},
                                        {"frames", sorted.size()},
                                        {"width", fb_w},
                                        {"height", fb_h},
                                        {"median_ms", at(0.5)},
                                        {"p95_ms", at(0.95)},
                                        {"mean_ms", sum / static_cast<double>(sorted.size())}};
            std::printf("%s\n", out.dump().c_str());
            return false;
        }
        constexpr double kPi = 3.14159265358979323846;
        const auto zoom_at = [](long i) {
            return std::pow(2.0, 1.2 * (1.0 - std::cos(2.0 * kPi * static_cast<double>(i) / 240.0)) / 2.0);
        };
        const auto offset = [](long i, double& ox, double& oy) {
            const double phase = 2.0 * kPi * static_cast<double>(i) / 240.0;
            ox = 120.0 * std::sin(phase);
            oy = 80.0 * std::sin(2.0 * phase);
        };
        double ox0, oy0, ox1, oy1;
        offset(k - 1, ox0, oy0);
        offset(k, ox1, oy1);
        const double z = zoom_at(k);
        app.run_command({{"cmd", "zoom_by"}, {"factor", z / zoom_at(k - 1)}});
        app.run_command({{"cmd", "pan_by"}, {"dx", -(ox1 - ox0) * z}, {"dy", -(oy1 - oy0) * z}});
        return true;
    }

    // Saves the back buffer (before the swap) and counts pixels that differ from the
    // background in the graph area: a blank graph means the renderer drew nothing.
    int save_and_check(App& app, int fb_w, int fb_h) {
        std::vector<unsigned char> px(static_cast<std::size_t>(fb_w) * fb_h * 3);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, fb_w, fb_h, GL_RGB, GL_UNSIGNED_BYTE, px.data());
        if (FILE* f = std::fopen(screenshot_path.c_str(), "wb")) {
            std::fprintf(f, "P6\n%d %d\n255\n", fb_w, fb_h);
            for (int y = fb_h - 1; y >= 0; --y) std::fwrite(&px[static_cast<std::size_t>(y) * fb_w * 3], 1, static_cast<std::size_t>(fb_w) * 3, f);
            std::fclose(f);
        } else {
            std::fprintf(stderr, "rgv: cannot write %s\n", screenshot_path.c_str());
            return 1;
        }
        const std::uint32_t bg = app.background_color();
        const int x0 = fb_w * 2 / 5; // right of the side panel
        long drawn = 0;
        for (int y = 0; y < fb_h; ++y)
            for (int x = x0; x < fb_w; ++x) {
                const unsigned char* p = &px[(static_cast<std::size_t>(y) * fb_w + x) * 3];
                if (std::abs(p[0] - int(bg & 0xFF)) + std::abs(p[1] - int((bg >> 8) & 0xFF)) +
                        std::abs(p[2] - int((bg >> 16) & 0xFF)) > 24)
                    ++drawn;
            }
        std::fprintf(stderr, "rgv: %ld drawn pixels in the graph area, %zu nodes\n", drawn,
                     app.slice().graph.node_count());
        return drawn > 500 ? 0 : 3;
    }

    void initial_size(int& w, int& h) const override {
        w = width;
        h = height;
    }
    int exit_code() const override { return code; }
};

} // namespace

// [SECTION] command line

std::unique_ptr<Platform> make_platform(int argc, char** argv, int& exit_code) {
    // `rgv validate FILE` and the other tools run and end here, without a window.
    if (run_cli(argc, argv, exit_code)) return nullptr;
    exit_code = 2; // a wrong command line, unless it turns out right
    auto p = std::make_unique<NativePlatform>();
    // `rgv view FILE` is the same as `rgv FILE`.
    const int first = argc > 1 && std::strcmp(argv[1], "view") == 0 ? 2 : 1;
    // The options that take a file path, kept as given.
    const std::pair<const char*, std::string*> paths[] = {{"--screenshot", &p->screenshot_path},
                                                          {"--font", &p->font_path},
                                                          {"--fonts", &p->pieces_dir},
                                                          {"--state-file", &p->state_path},
                                                          {"--touch-file", &p->touch_path},
                                                          {"--drop", &p->drop_path}};
    // The options that take a count, with their least value.
    struct Count {
        const char* name;
        long* target;
        long least;
    };
    const Count counts[] = {{"--frames", &p->max_frames, 0}, {"--bench-frames", &p->bench_frames, 1},
                           {"--reset-gl", &p->reset_gl_at, 1}};
    for (int i = first; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char* name) -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "rgv: %s needs a value\n%s", name, kUsage);
                return nullptr;
            }
            return argv[++i];
        };
        const auto path = std::find_if(std::begin(paths), std::end(paths), [&](const auto& o) { return arg == o.first; });
        if (path != std::end(paths)) {
            const char* v = value(path->first);
            if (!v) return nullptr;
            *path->second = v;
        } else if (const auto count = std::find_if(std::begin(counts), std::end(counts),
                                                   [&](const Count& c) { return arg == c.name; });
                   count != std::end(counts)) {
            const char* v = value(count->name);
            if (!v) return nullptr;
            char* end = nullptr;
            *count->target = std::strtol(v, &end, 10);
            if (end == v || *end || *count->target < count->least) {
                std::fprintf(stderr, "rgv: %s wants a whole number >= %ld, got \"%s\"\n", count->name, count->least, v);
                return nullptr;
            }
        } else if (arg == "-h" || arg == "--help") {
            std::printf("%s", kUsage);
            exit_code = 0;
            return nullptr;
        } else if (arg == "--size") {
            const char* v = value("--size");
            if (!v) return nullptr;
            if (std::sscanf(v, "%dx%d", &p->width, &p->height) != 2 || p->width < 200 || p->height < 150) {
                std::fprintf(stderr, "rgv: --size wants WxH (at least 200x150), got \"%s\"\n", v);
                return nullptr;
            }
        } else if (arg == "--mode") {
            const char* v = value("--mode");
            if (!v) return nullptr;
            if (std::strcmp(v, "compact") != 0 && std::strcmp(v, "explorer") != 0) {
                std::fprintf(stderr, "rgv: --mode wants compact or explorer, got \"%s\"\n", v);
                return nullptr;
            }
            p->mode = v;
        } else if (arg == "--theme") {
            const char* v = value("--theme");
            if (!v) return nullptr;
            if (std::strcmp(v, "light") != 0 && std::strcmp(v, "dark") != 0) {
                std::fprintf(stderr, "rgv: --theme wants light or dark, got \"%s\"\n", v);
                return nullptr;
            }
            p->theme = v;
        } else if (arg == "--lang") {
            const char* v = value("--lang");
            if (!v) return nullptr;
            p->lang = v;
        } else if (arg == "--strings") {
            const char* v = value("--strings");
            if (!v) return nullptr;
            p->strings_path = v;
        } else if (arg == "--keys") {
            const char* v = value("--keys");
            if (!v) return nullptr;
            std::string list = v;
            for (std::size_t start = 0; start <= list.size();) {
                const std::size_t comma = list.find(',', start);
                const std::string key = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
                if (!key.empty()) p->keys.push_back(key);
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
        } else if (!arg.empty() && arg[0] == '-') {
            std::fprintf(stderr, "rgv: unknown option %s\n%s", arg.c_str(), kUsage);
            return nullptr;
        } else {
            p->slice_path = arg;
        }
    }
    exit_code = 0;
    return p;
}

} // namespace rgv
