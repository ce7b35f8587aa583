// app.h — the viewer's UI: Dear ImGui panels over the GL-drawn graph, the same on the
// desktop and in the browser. What the viewer knows and does lives in the ViewModel
// (view/model/view_model.h); the App reads input from ImGui into it, draws its panels and
// labels, and hands its scene to the renderer (view/gl/renderer.h). The feature files:
//
//   app.cpp            the frame: input -> model, panels, labels, overlays; the graph's draw
//   fonts.cpp          the UI font (one font, any size, glyphs on demand) and its sizes
//   labels.cpp         the label layer: cache, placement without overlap, drawing
//   panel_profile.cpp  the side panel's Profile tab (the researcher's card, works, topics)
//   panel_explore.cpp  the Explore tab (legend, search, colour and size, filters, view)
//   panel_details.cpp  the selected node's details
//   panel_overlays.cpp the status card, the progress pill, the legend, compact mode's bar
//   keyboard.cpp       Tab through the panels' controls, with ImGui's focus ring
//   export_image.cpp   the graph as an image (export_png)
//   style.cpp          ImGui's style from the theme
//
// The platform layer (src/platform/) owns the window, the GL context and ImGui's
// backends; it calls, once per frame:
//
//   app.update_fonts();  ImGui::NewFrame();  app.update(width, height);  ImGui::Render();
//   glClear(app.background_color()); app.render_graph(fb_w, fb_h); ImGui_ImplOpenGL3_RenderDrawData(...);
//
// (the second line only when graph_changed() or ImGui's draw data differ from the last
// drawn frame's).
#pragma once

#include "view/gl/renderer.h"
#include "view/model/commands.h"
#include "view/model/state_report.h"
#include "view/model/view_model.h"
#include "text/display_text.h"
#include "view/ui/labels.h"
#include "view/ui/text_font.h"

#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

struct ImFont;
struct ImVec2;

namespace rgv {

// The UI's text sizes, in logical px (fonts.cpp): one font drawn at three sizes.
enum class TextSize { Small, Regular, Large };

class App {
public:
    App();

    // [SECTION] GL and fonts
    bool init_gl(std::string& error);
    void shutdown_gl();
    // The GL context went away (a browser's webglcontextlost, a device reset): every GL
    // object is gone with it. Nothing is drawn until gl_restored(), which makes the
    // renderer's objects again in the new (or restored) context and uploads the graph
    // again; the model (positions, pins, selection, camera, filters, theme) is untouched.
    // Both show in state().gl (the web wrapper tells the page, with the reason).
    void gl_lost();
    bool gl_restored(std::string& error);
    bool gl_is_lost() const { return vm_.ui().gl_lost; }
    // Something moves without input: a slice being built, a layout running, a camera
    // flight. An embedding may stop calling frames only when this is false and frames
    // have stopped changing.
    bool busy() const {
        return vm_.status() == AppStatus::Building || (vm_.ready() && !vm_.layout().converged()) ||
               vm_.camera().flying();
    }
    // The fonts (fonts.cpp). Either the font pieces (pieces.json and the base piece's
    // bytes; `dir` is where the other pieces' files are when the App may read them itself,
    // natively, else the host fetches them after a "fontsNeeded" event), or one host font
    // for everything. Bytes are copied. "" or why not (the current fonts stay).
    std::string set_font_pieces(std::string_view manifest, const unsigned char* base, std::size_t size,
                                std::string dir = {});
    std::string add_font_piece(int index, const unsigned char* data, std::size_t size);
    std::string set_font(const unsigned char* data, std::size_t size);
    // Before ImGui::NewFrame(): the UI font in ImGui's atlas (the base piece, then the
    // loader for every other piece and for shaped text: view/ui/text_font.h), fresh glyphs
    // when a piece arrived, and the pieces the slice's text needs asked for. Glyphs are
    // rasterised when first drawn, at the size drawn and the framebuffer's density.
    void update_fonts();
    const text::FontSet& fonts() const { return fonts_; }
    // The size of each TextSize, logical px; shown_text_size: as drawn now (a finger's
    // screen draws small text larger).
    static float text_size(TextSize size);
    float shown_text_size(TextSize size) const;

    // [SECTION] the frame
    // Between ImGui::NewFrame() and ImGui::Render(): input, layout, panels, labels.
    void update(float width, float height);
    // After ImGui::Render(): the graph, under ImGui's panels.
    void render_graph(int fb_width, int fb_height);
    // Whether render_graph would draw anything other than what it drew last time.
    bool graph_changed(int fb_width, int fb_height) const;
    std::uint32_t background_color() const { return vm_.options().theme.background; }

    // [SECTION] what the platforms hand over (see ViewModel for each)
    ViewModel& model() { return vm_; }
    const ViewModel& model() const { return vm_; }
    void begin_loading(std::string source) { vm_.begin_loading(std::move(source)); }
    bool load_json(std::string_view text, std::string source) { return vm_.load_json(text, std::move(source)); }
    bool merge_json(std::string_view text, std::string source, std::string_view anchor) {
        return vm_.merge_json(text, std::move(source), anchor);
    }
    void fail_loading(std::string message) { vm_.fail_loading(std::move(message)); }
    void begin_expand(std::string anchor_id) { vm_.begin_expand(std::move(anchor_id)); }
    void loading_progress(double bytes, double total) { vm_.loading_progress(bytes, total); }
    // A finger that lands on a panel, the sheet or a card is theirs: it pinches nothing.
    void touch(std::int64_t finger, float x, float y, TouchPhase phase) {
        vm_.touch(finger, x, y, phase, phase == TouchPhase::Down && over_ui(x, y));
    }
    bool over_ui(float x, float y) const; // on one of the last frame's windows (not a tooltip)
    // Each left press SDL delivers, with SDL's click count (real time, 32 px): 2 and up is
    // a double click. Call it for every SDL_MOUSEBUTTONDOWN of the left button that is also
    // given to ImGui's backend.
    void note_press(int clicks);
    bool key(std::string_view key_name) { return vm_.key(key_name); }
    std::vector<Event> take_events();
    // ImGui's item hook (keyboard.cpp): a control that Tab can reach, window px.
    void note_tab_stop(unsigned id, float x0, float y0, float x1, float y1, bool text, bool visible);
    void note_tab_stop_label(unsigned id, const char* label);
    // The command channel (view/model/commands.h).
    std::string command(std::string_view json_text) { return run_command_text(vm_, json_text); }
    nlohmann::json run_command(const nlohmann::json& cmd) { return rgv::run_command(vm_, cmd); }
    // A JSON snapshot for tests and the JS API (view/model/state_report.h).
    std::string state_json() const;

    Mode mode() const { return vm_.options().mode; }
    const Theme& theme() const { return vm_.options().theme; }
    const Slice& slice() const { return vm_.slice(); }
    AppStatus status() const { return vm_.status(); }
    const std::string& error() const { return vm_.error(); }
    std::uint64_t frames() const { return vm_.frames(); }

private:
    // The bottom sheet's rest heights and tabs (panel_sheet.cpp).
    enum class SheetStop { Peek, Half, Full };
    enum class SheetTab { Profile, Explore, Details };
    // [SECTION] panels (one file each)
    void draw_side_panel();
    void draw_profile_tab();
    void draw_explore_tab();
    void draw_search();
    void draw_details_panel();
    void draw_compact_overlay();
    void draw_status_overlay();
    void draw_progress_pill();
    void draw_graph_legend();
    // [SECTION] a phone's bottom sheet (panel_sheet.cpp)
    void draw_sheet();
    void draw_details_contents(std::uint32_t node);
    float sheet_tab_height() const;
    float sheet_peek() const;
    float sheet_top_gap() const;
    float sheet_height(SheetStop stop, float height) const; // the sheet resting at `stop`
    float sheet_target(float height) const;                  // at the stop it goes to
    float sheet_reserved(float height) const;
    void sheet_follow_selection();
    // [SECTION] keyboard focus (keyboard.cpp)
    void update_keyboard_focus();
    bool move_panel_focus(ViewModel::PanelFocus move);
    // A neighbour as a clickable line; an http(s) link the host opens.
    void neighbor_link(std::uint32_t node);
    void node_link(std::uint32_t node, const std::string& text, bool align_rtl = true);
    void link_button(const std::string& url, const char* caption = nullptr); // nullptr: "Open link"
    // A UI string as drawn (tx(): a translation may be in any script), valid this frame.
    const char* t(Str id) const { return txc(vm_.strings().get(id)); }
    // ImGui's SmallButton, or a full button (a finger's target: 44 px in the sheet) when the
    // pointer is a finger.
    bool small_button(const char* label) const;
    bool button(const char* label) const; // ImGui::Button, at least 44 px wide under a finger
    void push_touch_style();
    int tree_flags(int flags) const;  // ImGuiTreeNodeFlags, frame-high under a finger
    float selectable_height() const; // 0 (a text line) or a finger's 44 px
    void touch_scroll();             // at the end of a scrolling window: a finger's drag scrolls it
    bool tapped(const ImVec2& a, const ImVec2& b) const; // a finger's tap on [a, b]: pressed there, let go without a drag
    void pop_touch_style();
    const UiStrings& strings() const { return vm_.strings(); }
    // Where a control is on screen (canvas CSS px), for tests that click it like a user.
    void note_ui_box(const std::string& name);
    void note_action_box(const char* action, std::uint32_t node = kNoNode);
    // ImGui::PushFont of the UI font at that size; pop it with ImGui::PopFont().
    void push_font(TextSize size);
    // Once per font and density, in the frame before any text: the common glyphs baked in
    // a fixed order, so the atlas is the same in every run (fonts.cpp).
    void warm_fonts();

    const Area& area() const { return vm_.camera().area(); }
    // Whether the left press ImGui reports this frame is a double click's (note_press).
    bool press_is_double_click(bool pressed);
    // The graph area in framebuffer pixels, GL style (origin bottom-left).
    Rect graph_rect(int fb_width, int fb_height) const;
    DrawParams layer_params(bool base_changed, bool top_changed) const;
    bool render_image(float scale, std::vector<std::uint8_t>& rgba, int& width, int& height, std::string& error);
    // The revisions each layer was built from.
    std::array<std::uint64_t, 4> base_revisions() const;
    std::array<std::uint64_t, 7> top_revisions() const;

    ViewModel vm_;
    GraphRenderer renderer_;
    LabelLayer labels_;
    GraphLayer base_layer_; // every visible node and edge, unfaded
    GraphLayer top_layer_;  // the hovered / selected node, its neighbours and edges
    Stamp<4> base_stamp_;
    Stamp<7> top_stamp_;
    Stamp<1> style_stamp_; // the theme's ImGui style was applied for this style revision
    // The last render_graph drew the graph (not nothing); its camera and rectangle are the
    // renderer's (repeats_view).
    bool graph_drawn_ = false;
    float fb_scale_ = 1.0f;
    bool error_detail_open_ = false; // the error card shows the technical message
    // The focal researcher's works, topics and collaborators as the graph holds them
    // (panel_profile.cpp), whatever the profile says.
public:
    struct GraphCounts {
        int works = 0, own_works = 0, topics = 0, collaborators = 0;
    };
private:
    GraphCounts graph_counts_;
    Stamp<1> graph_counts_stamp_;
    const GraphCounts& graph_counts();
    bool docked_details_ = false;    // this frame's details are docked on the right
    float details_width_ = 340.0f;   // the docked details, logical px (the user can drag it)
    float window_w_ = 0, window_h_ = 0;
    std::uint32_t revealed_ = 0xFFFFFFFFu; // the docked selection brought into view
    float panel_width_ = 360.0f; // the side panel, logical px (the user can drag it)
    // The bottom sheet (a window under 720 px wide in explorer mode), panel_sheet.cpp.
    bool sheet_ = false;           // this frame's panel is the sheet
    SheetStop sheet_stop_ = SheetStop::Peek;
    SheetTab sheet_tab_ = SheetTab::Profile;
    bool sheet_tab_pending_ = false; // sheet_tab_ was set by the code: select that tab
    float sheet_h_ = 0.0f;         // its height now, logical px (0: not placed yet)
    float sheet_drag_from_ = 0.0f;
    bool sheet_dragging_ = false;
    unsigned touch_scroll_window_ = 0; // ImGuiID of the window a finger is scrolling, 0: none
    unsigned touch_press_window_ = 0;  // ImGuiID of the window under the last press
    std::uint32_t sheet_selected_ = 0xFFFFFFFFu; // the selection it last followed
    std::uint32_t sheet_seen_ = 0xFFFFFFFFu;     // the selection now, and since when
    double sheet_seen_at_ = 0.0;
    // Left presses numbered as SDL delivered them and as ImGui reported them (see
    // press_is_double_click); the number of SDL's last double-click press, 0: none.
    std::uint64_t sdl_presses_ = 0, ui_presses_ = 0, double_press_ = 0;
    int frames_since_press_ = 0;
    char search_text_[128] = {};
    bool search_list_shown_ = false; // this frame: the hits are marked on the graph
    bool hint_done_ = false;         // the first-screen hint has served (a selection, a moved view)
    std::array<float, 4> legend_box_{}; // this frame's legend card: x0, y0, x1, y1 (x1 0: none)
    // The panels' controls in drawing order (this frame's, being collected, and the last
    // frame's, which Tab moves through); the one with the keyboard (-1: the graph has it)
    // and the one a Tab asked for, applied at the next frame's start.
    struct TabStop {
        unsigned id;
        void* window; // ImGuiWindow*
        std::array<float, 4> box;
        bool text;    // a text field: focused for typing
        bool visible; // in sight when drawn (not scrolled out of its panel)
        std::string label;
    };
    std::vector<TabStop> tab_stops_, last_tab_stops_;
    std::unordered_set<unsigned> tab_stop_ids_; // this frame's, once each
    int focus_stop_ = -1, focus_wanted_ = -1;

    void request_font_pieces();

    text::FontSet fonts_;
    text::DisplayText display_{fonts_};
    std::string pieces_dir_;           // native: the pieces' folder; empty: the host fetches
    std::vector<bool> requested_;      // per piece: asked for (once: a failure stays boxes)
    std::vector<Event> font_events_;   // "fontsNeeded" for the host
    Stamp<1> text_scan_;               // the slice's text was checked for pieces at this graph revision
    std::uint32_t baked_generation_ = 0;
    bool font_pending_ = false;        // the base changed: the UI font is made anew
    ImFont* ui_font_ = nullptr; // in ImGui's atlas; null before the first update_fonts
    bool warm_wanted_ = false;  // the base piece or a host font is the UI font (ImGui's own is not worth warming)
    const ImFont* warm_font_ = nullptr; // the font and density warm_fonts baked for
    float warm_density_ = 0.0f;
};

} // namespace rgv
