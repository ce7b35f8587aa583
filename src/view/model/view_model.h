// view_model.h — everything the viewer knows and does, without ImGui and without GL: the
// slice and its loading, the layout, the view options, the scene, the camera, the
// selection, merges and their undo, search, and the events for the host page. The App
// (view/ui/app.h) feeds it input and draws it; the command table (commands.h) and the
// state report (state_report.h) read and drive it. The unit tests drive it directly.
#pragma once

#include "core/layout.h"
#include "core/merge.h"
#include "core/search.h"
#include "core/load_error.h"
#include "core/slice.h"
#include "core/view_state.h"
#include "view/model/camera_controller.h"
#include "view/model/scene.h"
#include "view/model/ui_strings.h"
#include "view/model/view_options.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rgv {

enum class AppStatus { Empty, Building, Ready };
const char* to_string(AppStatus s);

// A host-page event ("load", "select", "action", ...), payload as JSON text.
struct Event {
    std::string name;
    std::string payload;
};

// What is going on besides showing the graph: a slice downloading, an expansion, the
// layout settling, or nothing ("idle").
struct Loading {
    const char* phase = "idle";      // "download", "expand", "layout" or "idle"
    double fraction = -1.0;          // 0..1; below 0 unknown (no Content-Length)
    double bytes = 0.0, total = 0.0; // total 0: unknown
    std::string text;                // for people: "Downloading 1.2 MB of 3.4 MB"
};

// A label the label layer placed (logical px, window coordinates).
struct PlacedLabel {
    std::uint32_t node;
    float x0, y0, x1, y1;
    std::string text;  // the label as placed (cut with an ellipsis when long): logical text,
                       // drawn through view/ui/text_font.h's tx()
    bool rtl = false;  // its paragraph direction (exports set it)
    std::string lang;  // BCP 47 from its script ("ja", "und-Arab"), "" for Latin
    bool short_form = false; // a work labelled by its short form ("He et al. 2022"), not its title
    float text_width = 0;    // px, as shaped and measured (the box adds the padding)
};

// What the UI layer showed on its last frame, for the state report, the SVG export and
// tests that click like a user: where its controls are, the texts of the profile card,
// the order of the works list, the labels it placed, and the frame counters.
struct UiReport {
    nlohmann::json action_boxes = nlohmann::json::array(); // {action, id, box}
    nlohmann::json ui_boxes = nlohmann::json::object();     // name -> box
    std::vector<std::uint32_t> works_shown;
    std::vector<std::string> profile_lines;
    std::vector<std::string> details_lines; // the details' texts (title, facts, links' addresses, abstract)
    std::vector<PlacedLabel> labels;
    float label_font_size = 13.0f; // logical px the labels were measured and drawn at (ImGui's size)
    float label_em_px = 0.0f;      // that size as CSS px (the font's em); 0: not known
    bool works_newest_first = true;
    bool works_all = false; // the works list shows every work, not only the researcher's
    bool text_input = false; // a text field of the panels has the keyboard
    // The keyboard is on a panel's control (Tab took it there): keys other than Tab are
    // the panel's (arrows move between its controls, Space and Enter press them, Escape
    // gives the keyboard back to the graph). focus_box: that control, window px.
    bool panel_focus = false;
    // A phone's bottom sheet: its stop ("peek", "half", "full") and open tab ("profile",
    // "explore", "details"); empty when the panel is not a sheet.
    std::string sheet_stop, sheet_tab;
    std::array<float, 4> focus_box{};
    // The panels' controls in sight (the Tab order's), with their labels: window px.
    struct Control {
        std::string label;
        std::array<float, 4> box;
    };
    std::vector<Control> controls;
    float pixel_ratio = 1.0f;
    std::array<float, 3> text_px{}; // the UI font's sizes as drawn: small, regular, large (ascent to descent)
    std::uint64_t frames_drawn = 0, graph_draws = 0;
    // The GL context: lost now (nothing is drawn until it is back), and how often it was
    // lost and restored since the viewer started.
    bool gl_lost = false;
    std::uint64_t gl_losses = 0, gl_restores = 0;
    std::uint64_t imgui_errors = 0; // Dear ImGui's recoverable usage errors, all frames (should stay 0)
};

// The pointer over the window this frame (logical px), as the UI layer read it.
struct PointerInput {
    Vec2 pos;
    bool valid = false;        // the pointer is over the window
    bool ui_has_mouse = false; // a panel has it
    bool pressed = false, released = false, down = false;
    bool double_clicked = false; // with `pressed`: this press is a double click's second
    bool dragging = false; // held and moved 3 px or more since the press
    bool click = false;    // with `released`: the pointer did not drag since the press
    float held = 0.0f;     // with `released`: seconds since the press
    float wheel = 0.0f;
};

class ViewModel {
public:
    ViewModel();

    // [SECTION] loading
    // Shows "Building this graph slice" until load_json() is called.
    void begin_loading(std::string source);
    // Any format the importers know, detected from the content. On failure the previous
    // graph stays, the error is shown and kept in the state report, and false is returned.
    bool load_json(std::string_view text, std::string source);
    // Expands the graph with another slice: new nodes and edges are added next to what they
    // attach to, existing nodes keep their places. On failure nothing changes.
    bool merge_json(std::string_view text, std::string source, std::string_view anchor_id);
    bool undo_merge();
    // A failure before there was any text (a network error, a missing file).
    void fail_loading(std::string message);
    void begin_expand(std::string anchor_id);
    // Bytes fetched so far and the total when the server said (0: unknown).
    void loading_progress(double bytes, double total);
    // Asks the host (an "expand" event) for the node's own slice.
    void request_expand(std::uint32_t node);
    bool set_expand_template(std::string t, std::string& error);
    Loading loading() const;
    bool downloading() const { return download_.active; }

    // [SECTION] per frame
    // The graph area and the time since the last frame: a slice of layout time, the camera
    // following the graph or flying, visibility after a filter change.
    // keep_place: see CameraController::set_area.
    void tick(Area area, float dt, bool keep_place = false);
    // Hover through the quadtree, click select, drag-pin, pan, zoom at the cursor. The
    // hovered node is proposed; commit_hover() takes the frame's last proposal.
    void pointer(const PointerInput& in);
    void touch(std::int64_t finger, float x, float y, TouchPhase phase, bool over_ui = false) {
        options_.coarse_pointer = true;
        camera_.touch(finger, x, y, phase, over_ui);
    }
    // Panels propose a hover too (a work in a list); the last proposal of a frame wins.
    void propose_hover(std::uint32_t node) { hover_proposal_ = node; }
    void commit_hover();
    // Keyboard navigation (arrows between neighbours, Enter, Escape, +, -, Tab, Shift+Tab).
    bool key(std::string_view key_name);
    // Tab (backward: Shift+Tab), in one order: the graph, then each control of the panels,
    // then out of the viewer. On the graph with a node selected it cycles the nodes in
    // label order (the researcher, then the most connected); past the last, or with none
    // selected, it goes on to the panels. True when the keyboard stays in the viewer; false
    // when it leaves (the page moves the focus on: no keyboard trap).
    bool tab(bool backward);
    // The panels' keyboard focus is the UI layer's (App): it moves to the first, next or
    // previous control (false: there is none that way), or lets go back to the graph.
    enum class PanelFocus { First, Next, Previous, Release };
    void set_panel_focus(std::function<bool(PanelFocus)> f) { panel_focus_ = std::move(f); }
    // The keyboard goes back to the graph.
    void release_panel_focus();
    // Escape: on a panel's control (not in a text field, where Escape is the field's) the
    // keyboard goes back to the graph, and true; otherwise nothing, and false.
    bool escape_panel_focus();

    // [SECTION] selection and camera
    std::uint32_t hovered() const { return hovered_; }
    std::uint32_t selected() const { return selected_; }
    void select(std::uint32_t node);
    // Centres and zooms on a node (animated) and selects it.
    void focus_node(std::uint32_t node);
    void fit_view();
    // Brings the node into the graph area if it is outside it (or within `margin` px of its
    // edge), keeping the zoom: a panel that opened over it does not hide it. `covered`: px
    // of the area's right that a card over the graph hides (the node goes left of it).
    void reveal(std::uint32_t node, float margin = 32.0f, float covered = 0.0f);
    CameraController& camera() { return camera_; }
    const CameraController& camera() const { return camera_; }

    // [SECTION] options
    const ViewOptions& options() const { return options_; }
    void set_mode(Mode m);
    void set_insets(const ViewOptions::Insets& in);
    void set_color_mode(ColorMode m);
    void set_size_mode(SizeMode m);
    void set_filter(Filter f);
    void set_theme(Theme t);
    void set_show_labels(bool on);
    void set_show_arrows(bool on);
    void set_coarse_pointer(bool on);

    // [SECTION] the UI's words (ui_strings.h): English, a shipped translation, the host's
    const UiStrings& strings() const { return strings_; }
    // False with `error` (and nothing changed) for a bad tag or bad strings; `note` says
    // when the language has no shipped translation.
    bool set_language(std::string_view lang, const nlohmann::json& strings, std::string& error, std::string& note);

    // [SECTION] search
    void search(std::string_view query);
    const std::vector<SearchHit>& search_hits() const { return search_hits_; }
    const std::string& search_query() const { return search_query_; }
    // The hits are marked on the graph while the list that shows them is on screen (the
    // App says when); search_marks() are their nodes then, else none.
    void show_search_marks(bool on);
    const std::vector<std::uint32_t>& search_marks() const { return search_marks_; }
    bool is_search_mark(std::uint32_t node) const {
        return std::find(search_marks_.begin(), search_marks_.end(), node) != search_marks_.end();
    }

    // [SECTION] deep link and exports
    nlohmann::json view_json() const;    // the "view" event's payload
    nlohmann::json camera_json() const;  // {x, y, zoom}
    std::string view_hash() const;       // the deep link, without its '#'
    // Applies a deep link; the parts that are valid apply, the first problem is returned.
    std::string restore(std::string_view hash);
    std::string export_svg();            // what is on screen, labels included
    // The image export needs GL and the UI's labels: the App sets this.
    std::function<bool(float scale, std::vector<std::uint8_t>& rgba, int& w, int& h, std::string& error)> render_image;

    // [SECTION] events
    void emit(std::string name, nlohmann::json payload);
    std::vector<Event> take_events();

    // [SECTION] reading
    const Slice& slice() const { return slice_; }
    AppStatus status() const { return status_; }
    bool ready() const { return status_ == AppStatus::Ready; }
    const std::string& error() const { return error_; }
    // The failed load's message (error(): technical, for the API) told in plain words.
    const PlainError& plain_error() const { return plain_error_; }
    void dismiss_error(); // the card's "Dismiss": the last good graph stays, the message goes
    const std::string& source() const { return source_; }
    const std::string& format() const { return format_; }
    const std::string& expanding() const { return expanding_; }
    const std::string& expand_template() const { return expand_template_; }
    const ForceLayout& layout() const { return layout_; }
    bool can_undo() const { return history_.can_undo(); }
    Scene& scene() { return scene_; }
    const Scene& scene() const { return scene_; }
    const Revisions& revisions() const { return rev_; }
    std::uint64_t frames() const { return frames_; }
    UiReport& ui() { return ui_; }
    const UiReport& ui() const { return ui_; }
    std::uint32_t node_by_id(const nlohmann::json& id) const;
    std::vector<std::uint8_t>& image_buffer() { return image_; }

private:
    void adopt_slice(Slice&& slice);
    void rebuild_derived();
    void emit_view_changes();
    void refresh_visibility();

    Slice slice_;
    AppStatus status_ = AppStatus::Empty;
    std::string source_, format_, error_;
    PlainError plain_error_;
    std::uint64_t frames_ = 0;
    double time_ = 0.0; // seconds of frames (tick's dt), for the view event's debounce

    ForceLayout layout_;
    MergeHistory history_;
    ViewOptions options_;
    UiStrings strings_;
    Scene scene_;
    CameraController camera_;
    Revisions rev_;
    UiReport ui_;

    std::uint32_t hovered_ = kNoNode, selected_ = kNoNode;
    std::uint32_t hover_proposal_ = kNoNode;
    std::function<bool(PanelFocus)> panel_focus_;

    std::string expand_template_; // e.g. "slices/{id}.json"; empty: no expansion
    std::string expanding_;       // id of the node whose slice is loading, or empty
    // The fetch the host reports through loading_progress(): a slice or an expansion.
    struct Download {
        bool active = false;
        bool expand = false;
        double bytes = 0.0, total = 0.0; // total 0: the server did not say
    };
    Download download_;

    SearchIndex search_index_;
    std::string search_query_;
    std::vector<SearchHit> search_hits_;
    std::vector<std::uint32_t> search_marks_;
    bool search_marks_shown_ = false;
    void update_search_marks();

    std::vector<Event> events_;
    std::vector<std::uint8_t> image_; // the last export_png, alive until the next one
    // What the host has been told: hover / select once per change, layout progress in 5%
    // steps, the view once it has been still for a moment.
    Stamp<1> told_hover_, told_selection_;
    float told_progress_ = -1.0f;
    std::string told_view_;
    double view_changed_at_ = -1.0;
    Stamp<1> visibility_stamp_; // the filter revision visibility was computed for
};

} // namespace rgv
