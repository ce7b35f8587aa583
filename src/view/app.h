// app.h — the viewer itself, the same on the desktop and in the browser.
//
// The platform layer (src/platform/) owns the window, the GL context and ImGui's
// backends; it calls App once per frame:
//
//   ImGui::NewFrame();  app.update(width, height);  ImGui::Render();
//   glClear(...);       app.render_graph(fb_w, fb_h); ImGui_ImplOpenGL3_RenderDrawData(...);
//
// (the second line only when graph_changed() or ImGui's draw data differ from the last
// drawn frame's).
//
// App reads mouse input through ImGui's IO (filled by the SDL backend on both platforms),
// so ImGui's WantCaptureMouse decides whether a drag pans the graph or moves a panel.
//
// Index
//   1. AppStatus        empty / building / ready / error, for the UI and the JS hook
//   2. App              loading, fonts, per-frame update, graph rendering, state report
#pragma once

#include "core/community.h"
#include "core/filter.h"
#include "core/layout.h"
#include "core/merge.h"
#include "core/search.h"
#include "core/quadtree.h"
#include "core/slice.h"
#include "core/view_state.h"
#include "view/camera.h"
#include "view/model/view_options.h"
#include "view/renderer.h"

#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace rgv {

// 1. AppStatus ---------------------------------------------------------------------------
enum class AppStatus { Empty, Building, Ready };

// 2. App ---------------------------------------------------------------------------------
class App {
public:
    bool init_gl(std::string& error);
    void shutdown_gl();

    // The TTF the UI and the labels use (bytes are copied). Fonts are rasterised at the
    // framebuffer scale, so text stays crisp at devicePixelRatio 2 and 3.
    void set_font(const unsigned char* data, std::size_t size);
    // Rebuilds ImGui's font atlas when the font or the scale changed; returns true if it
    // did, so the platform re-uploads the font texture. Call before ImGui::NewFrame().
    bool prepare_fonts(float framebuffer_scale);

    // Shows "Building this graph slice" until load_json() is called.
    void begin_loading(std::string source);
    // Loads a slice. On failure the previous graph stays, the error is shown and kept in
    // the state report, and false is returned.
    bool load_json(std::string_view text, std::string source);
    // Expands the graph with another slice (a neighbour's): nodes and edges not yet in the
    // graph are added next to what they attach to, existing nodes keep their places.
    // Undo with the "undo" command. On failure nothing changes.
    bool merge_json(std::string_view text, std::string source, std::string_view anchor_id);
    // A failure before there was any text (a network error, a missing file).
    void fail_loading(std::string message);
    // The host starts fetching the slice of `anchor_id` to merge it (merge_json() follows,
    // or fail_loading()); the node's details show the download until then.
    void begin_expand(std::string anchor_id);
    // Bytes of the slice (or expansion) fetched so far and the total when the server said
    // (0: unknown). Shown as a progress bar and reported as state_json()'s "loading".
    void loading_progress(double bytes, double total);

    // Per frame, between ImGui::NewFrame() and ImGui::Render(): input, layout, panels.
    void update(float width, float height);
    // After ImGui::Render(): the graph, under ImGui's panels.
    void render_graph(int fb_width, int fb_height);
    // Whether render_graph would draw anything other than what it drew last time (the
    // main loop skips frames that would look the same as the screen does).
    bool graph_changed(int fb_width, int fb_height) const;

    // Touch input (logical px). Two fingers pinch-zoom and pan; one finger arrives as
    // mouse input too (SDL synthesises it), so it needs nothing here.
    enum class TouchPhase { Down, Move, Up };
    void touch(std::int64_t finger, float x, float y, TouchPhase phase);
    // SDL counted a second left press within its double-click time (real time, 32 px).
    // imgui 1.86 times double clicks in frame time and sees one press per frame, so at a
    // low frame rate (a big graph, a slow machine) it misses quick double clicks.
    void note_double_click() { double_click_ = true; }

    // Frames the whole graph (animated).
    void fit_view();
    // Centres and zooms on a node (animated) and selects it.
    void focus_node(std::uint32_t node);

    // A JSON snapshot for tests and the JS API: counts, status, hovered node, labels...
    std::string state_json() const;

    // The command channel of the JS API and the native shortcuts (app_commands.cpp):
    // {"cmd": "focus", "id": ...} and friends, see docs/js-api.md. Returns a JSON object
    // {"ok": true, ...} or {"ok": false, "error": "..."}; never throws, whatever the input.
    std::string command(std::string_view json_text);
    nlohmann::json run_command(const nlohmann::json& cmd);
    // The graph area as an RGBA8 image (rows top-down) at `scale` x its logical size, labels
    // included (export_image.cpp). Needs the GL context current.
    bool render_image(float scale, std::vector<std::uint8_t>& rgba, int& width, int& height, std::string& error);

    // Keyboard navigation (arrows between neighbours, Enter, Escape, +, -, Tab).
    bool key(std::string_view key_name);

    // Events for the host page ("load", "select", "action", ...), oldest first; the web
    // platform hands them to JavaScript after each frame.
    struct Event {
        std::string name;
        std::string payload; // JSON
    };
    std::vector<Event> take_events();

    using Mode = rgv::Mode;
    Mode mode() const { return mode_; }
    // The theme in force (set_theme); the frame is cleared to its background.
    const Theme& theme() const { return theme_; }
    std::uint32_t background_color() const { return theme_.background; }

    const Slice& slice() const { return slice_; }
    AppStatus status() const { return status_; }
    const std::string& error() const { return error_; }
    std::uint64_t frames() const { return frames_; }

private:
    void emit(std::string name, nlohmann::json payload);
    void emit_view_changes();
    void draw_compact_overlay();
    nlohmann::json view_json() const;
    nlohmann::json camera_json() const;
    std::string view_hash() const;
    static ViewState parse_view_hash_leniently(const std::string& hash, std::vector<std::string>& problems);
    std::uint32_t node_by_id(const nlohmann::json& id) const;
    void adopt_slice(Slice&& slice);
    void rebuild_derived();
    bool undo_merge();
    std::string export_svg();
    void handle_graph_input();
    void update_pick_index();
    void graph_bounds(float& x0, float& y0, float& x1, float& y1) const;
    void animate_camera(float dt);
    void add_edge(GraphLayer& layer, std::uint32_t edge, std::uint32_t color, float width) const;
    void add_node(GraphLayer& layer, std::uint32_t node, std::uint32_t fill, bool marked) const;
    void build_base_layer();
    void build_top_layer();
    std::uint32_t veil_color() const;
    void draw_labels();
    void draw_status_overlay();
    void draw_progress_pill();
    // What is going on besides showing the graph: a slice downloading, an expansion, the
    // layout settling, or nothing ("idle").
    struct Loading {
        const char* phase = "idle"; // "download", "expand", "layout" or "idle"
        double fraction = -1.0;     // 0..1; below 0 unknown (no Content-Length)
        double bytes = 0.0, total = 0.0; // total 0: unknown
        std::string text;           // for people: "Downloading 1.2 MB of 3.4 MB"
    };
    Loading loading() const;
    nlohmann::json loading_json() const;
    void draw_side_panel();
    void draw_details_panel();
    void draw_profile_tab();
    void draw_explore_tab();
    void update_visibility();
    void neighbor_link(std::uint32_t node);
    void link_button(const std::string& url);
    void request_expand(std::uint32_t node);
    bool is_neighbor_of(std::uint32_t node, std::uint32_t other) const;

    Slice slice_;
    AppStatus status_ = AppStatus::Empty;
    std::string source_;
    std::string format_; // detected format of the loaded slice
    std::string error_;
    std::uint64_t frames_ = 0;

    ForceLayout layout_;
    QuadTree pick_index_;
    bool pick_index_dirty_ = true;
    std::vector<float> radius_;              // world radius per node
    std::vector<std::uint32_t> adj_offsets_, adj_targets_, adj_edges_; // Graph::adjacency
    std::vector<std::uint32_t> label_order_; // nodes by label priority (degree, kind)

    Camera camera_;
    float area_x_ = 0, area_y_ = 0, area_w_ = 1, area_h_ = 1; // graph area, logical px
    float fb_scale_ = 1.0f;
    float panel_width_ = 360.0f; // the side panel, logical px (the user can drag it)
    bool auto_fit_ = true; // follow the layout until the user moves the camera
    bool dragging_node_ = false, panning_ = false;
    // Where the last pan step left the mouse (graph-area px): a pan follows the mouse from
    // the press on, never the jump that brought it there. The node drag keeps the grab
    // point under the mouse (world offset from the mouse to the node's centre).
    Vec2 pan_from_, drag_offset_;
    bool double_click_ = false; // see note_double_click()
    // Camera animation (fit, focus): eases from the current view to this one.
    bool animating_ = false;
    float target_cx_ = 0, target_cy_ = 0, target_zoom_ = 1;

    struct Finger {
        std::int64_t id;
        float x, y;
    };
    std::vector<Finger> fingers_; // at most two are used

    Mode mode_ = Mode::Explorer;
    Theme theme_ = light_theme();
    std::uint64_t theme_revision_ = 1, styled_revision_ = 0; // ImGui style applied for
    std::string expand_template_;    // e.g. "slices/{id}.json"; empty: no expansion
    std::string expanding_;          // id of the node whose slice is loading, or empty
    // The fetch the host reports through loading_progress(): a slice (status Building, or a
    // reload over a graph) or an expansion.
    struct Download {
        bool active = false;
        bool expand = false;
        double bytes = 0.0, total = 0.0; // total 0: the server did not say
    };
    Download download_;
    std::vector<Event> events_;
    std::vector<std::uint8_t> image_;  // the last export_png, alive until the next one
    std::uint32_t emitted_hovered_ = kNoNode, emitted_selected_ = kNoNode;
    float emitted_progress_ = -1.0f;
    std::string emitted_view_;  // last "view" payload, to send only changes
    double view_changed_at_ = -1.0;

    bool works_newest_first_ = true;
    // Which nodes are drawn and pickable (filters); the layout still moves them all, so
    // showing them again does not reshuffle the picture.
    std::vector<std::uint8_t> visible_;
    Filter filter_;
    bool visibility_dirty_ = true;
    int min_year_ = 0, max_year_ = 0; // the slice's years (has_years_ when any)
    bool has_years_ = false;

    ColorMode color_mode_ = ColorMode::Type;
    SizeMode size_mode_ = SizeMode::Degree;
    Communities communities_;          // computed on first use after a load
    bool communities_ready_ = false;
    void ensure_communities();
    void update_radii();
    std::uint32_t node_fill(std::uint32_t node);
    bool set_filter_json(const nlohmann::json& filter, std::string& error);

    SearchIndex search_index_;
    char search_text_[128] = {};
    std::vector<SearchHit> search_hits_;
    void draw_search();
    // Where some panel controls are on screen (canvas CSS px), for tests that click them
    // like a user: "search", "legend:<type>", "works_sort".
    nlohmann::json ui_boxes_ = nlohmann::json::object();
    void note_ui_box(const std::string& name);
    std::vector<std::uint32_t> works_shown_;   // the works list of the Profile tab, in order
    std::vector<std::string> profile_lines_;   // the profile card's texts as last drawn

    MergeHistory history_;

    // Screen boxes of the canvas-drawn controls (buttons raising actions), for tests that
    // need to click them: {action, id, box} in canvas CSS px.
    nlohmann::json action_boxes_ = nlohmann::json::array();
    void note_action_box(const char* action, std::uint32_t node = kNoNode);
    std::vector<std::uint32_t> pick_nodes_; // visible node of each point in pick_index_

    bool show_arrows_ = false;
    bool show_labels_ = true;
    bool visual_dirty_ = true; // the base layer must be rebuilt and uploaded
    // The highlight (top layer) was built for these; it is rebuilt when they change.
    std::uint32_t drawn_hovered_ = kNoNode, drawn_selected_ = kNoNode;
    bool top_dirty_ = true;
    // The last render_graph drew the graph (not nothing); its camera and rectangle are the
    // renderer's (repeats_view).
    bool graph_drawn_ = false;
    std::uint64_t frames_drawn_ = 0;
    void graph_rect(int fb_width, int fb_height, int rect[4]) const;

    std::uint32_t hovered_ = kNoNode, selected_ = kNoNode, dragged_ = kNoNode;

    GraphRenderer renderer_;
    std::vector<float> edge_curvature_; // per edge; non-zero for parallel edges
    GraphLayer base_layer_; // every visible node and edge, unfaded
    GraphLayer top_layer_;  // the hovered / selected node, its neighbours and edges

    struct PlacedLabel {
        std::uint32_t node;
        float x0, y0, x1, y1; // logical px, window coordinates
        std::string text;
    };
    std::vector<PlacedLabel> placed_labels_;
    // Per node: its label cut to kLabelMaxChars and that text's size in the label font
    // (width < 0: not measured yet). Valid for one font at one size.
    struct CachedLabel {
        std::string text;
        float width = -1.0f, height = 0.0f;
    };
    std::vector<CachedLabel> label_cache_;
    const ImFont* label_cache_font_ = nullptr;
    float label_cache_size_ = 0.0f;
    bool labels_dirty_ = true;
    Camera labels_camera_; // the view the labels were placed for
    std::uint32_t labels_hovered_ = kNoNode, labels_selected_ = kNoNode;

    std::vector<unsigned char> font_data_;
    float font_scale_ = 0.0f; // scale the atlas was built for; 0 = needs a build
    ImFont* font_regular_ = nullptr;
    ImFont* font_large_ = nullptr;
    ImFont* font_small_ = nullptr;
};

} // namespace rgv
