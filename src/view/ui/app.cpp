// app.cpp — see app.h: the frame (input from ImGui into the model, panels, labels,
// overlays) and drawing the graph through the renderer.
#include "view/ui/app.h"

#include "view/ui/style.h"

#include <imgui.h>
#include <imgui_internal.h> // ErrorCountCurrentFrame, the windows (over_ui)

#include <cstdio>

#include <algorithm>
#include <cmath>

namespace rgv {

App::App() {
    vm_.render_image = [this](float scale, std::vector<std::uint8_t>& rgba, int& w, int& h, std::string& error) {
        return render_image(scale, rgba, w, h, error);
    };
    vm_.set_panel_focus([this](ViewModel::PanelFocus move) { return move_panel_focus(move); });
}

// [SECTION] GL
bool App::init_gl(std::string& error) { return renderer_.init(error); }

void App::shutdown_gl() { renderer_.shutdown(); }

void App::gl_lost() {
    UiReport& ui = vm_.ui();
    if (ui.gl_lost) return;
    ui.gl_lost = true;
    ui.gl_losses++;
}

bool App::gl_restored(std::string& error) {
    // The old names mean nothing in the new context: deleting them is harmless (a
    // restored WebGL context ignores them), and the renderer forgets them either way.
    renderer_.shutdown();
    if (!renderer_.init(error)) return false;
    base_stamp_ = {}; // both layers are uploaded again on the next frame
    top_stamp_ = {};
    graph_drawn_ = false;
    UiReport& ui = vm_.ui();
    ui.gl_lost = false;
    ui.gl_restores++;
    return true;
}

// [SECTION] the frame
namespace {
// The pointer as ImGui's IO has it this frame (filled by the SDL backend on both
// platforms), so ImGui's WantCaptureMouse decides whether a drag pans the graph or moves
// a panel.
PointerInput read_pointer(bool double_clicked) {
    const ImGuiIO& io = ImGui::GetIO();
    PointerInput in;
    in.pos = {io.MousePos.x, io.MousePos.y};
    in.valid = ImGui::IsMousePosValid();
    in.ui_has_mouse = io.WantCaptureMouse;
    in.pressed = ImGui::IsMouseClicked(ImGuiMouseButton_Left);
    in.released = ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    in.down = ImGui::IsMouseDown(ImGuiMouseButton_Left);
    in.double_clicked = in.pressed && double_clicked;
    in.dragging = ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f);
    const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 3.0f);
    in.click = d.x == 0.0f && d.y == 0.0f;
    // The release frame has no down time left: the one before it says how long it was held.
    in.held = in.released ? std::max(io.MouseDownDurationPrev[ImGuiMouseButton_Left], 0.0f) : 0.0f;
    in.wheel = io.MouseWheel;
    return in;
}
} // namespace

void App::update(float width, float height) {
    const ImGuiIO& io = ImGui::GetIO();
    if (style_stamp_.changed({vm_.revisions().style})) apply_imgui_style(vm_.options().theme);
    warm_fonts();
    update_keyboard_focus();
    if (!io.MouseDown[ImGuiMouseButton_Left]) touch_scroll_window_ = 0; // the finger lifted
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const ImGuiWindow* hovered = ImGui::GetCurrentContext()->HoveredWindow;
        touch_press_window_ = hovered ? hovered->ID : 0;
    }
    fb_scale_ = io.DisplayFramebufferScale.x > 0.0f ? io.DisplayFramebufferScale.x : 1.0f;

    // The panel takes the left side when there is room; a narrow embed gets the whole
    // width for the graph.
    const bool explorer = vm_.options().mode == Mode::Explorer;
    const bool show_panel = explorer && width >= 720.0f;
    // Narrower (a phone held upright), the panel is a sheet at the bottom (panel_sheet.cpp);
    // on its side a phone is wide enough for the panel, and a sheet would leave the graph a strip.
    sheet_ = explorer && !show_panel;
    if (sheet_) sheet_follow_selection();
    // The host's chrome over the canvas (set_insets) is not graph area either; the side
    // panel keeps the full height (the host keeps its chrome off the panel: web/index.html).
    const ViewOptions::Insets& in = vm_.options().insets;
    Area area;
    area.x = (show_panel ? std::min(panel_width_, width - 200.0f) : 0.0f) + in.left;
    area.y = in.top;
    // A selected node's details dock on the right when the window is wide enough for both:
    // beside the graph, not over it (fit and focus frame what is left). Narrower, they are a
    // card over the graph.
    docked_details_ = show_panel && vm_.ready() && vm_.selected() != kNoNode && width - area.x >= 640.0f;
    if (docked_details_) details_width_ = std::clamp(details_width_, 280.0f, std::max((width - area.x) * 0.45f, 280.0f));
    area.w = std::max(width - area.x - in.right - (docked_details_ ? details_width_ : 0.0f), 1.0f);
    area.h = std::max(height - in.top - std::max(in.bottom, sheet_reserved(height)), 1.0f);
    // The same window, a panel opened or closed: the graph stays put on the window.
    const bool same_window = width == window_w_ && height == window_h_;
    window_w_ = width;
    window_h_ = height;
    vm_.tick(area, io.DeltaTime, same_window);
    // The dock took the right of the graph (or the sheet its bottom, or the details card a
    // part of the graph's right): a selected node that was there comes back into view, left
    // of the card. The card's box is the last frame's: its first frame waits for it.
    float covered = 0.0f;
    if (const auto card = vm_.ui().ui_boxes.find("details");
        !docked_details_ && !sheet_ && vm_.selected() != kNoNode && card != vm_.ui().ui_boxes.end())
        covered = std::max(area.x + area.w - card->at(0).get<float>(), 0.0f);
    if (!docked_details_ && covered == 0.0f &&
        !(sheet_ && sheet_stop_ == SheetStop::Half && !sheet_dragging_ && sheet_h_ == sheet_target(height)))
        revealed_ = kNoNode;
    else if (vm_.selected() != revealed_) {
        revealed_ = vm_.selected();
        vm_.reveal(revealed_, 32.0f, covered);
    }

    UiReport& report = vm_.ui();
    report.text_input = io.WantTextInput;
    report.pixel_ratio = fb_scale_;
    report.text_px = {shown_text_size(TextSize::Small), shown_text_size(TextSize::Regular), shown_text_size(TextSize::Large)};
    report.action_boxes = nlohmann::json::array();
    report.ui_boxes = nlohmann::json::object();
    report.profile_lines.clear();
    report.details_lines.clear();
    report.sheet_stop.clear();
    report.sheet_tab.clear();

    const bool ready = vm_.ready();
    const bool double_clicked = press_is_double_click(ImGui::IsMouseClicked(ImGuiMouseButton_Left));
    if (ready) vm_.pointer(read_pointer(double_clicked));
    search_list_shown_ = false; // the Explore tab says so when it draws the search box
    if (show_panel)
        draw_side_panel();
    else if (sheet_)
        draw_sheet();
    else if (ready)
        draw_compact_overlay();
    vm_.show_search_marks(search_list_shown_);
    if (ready && explorer && !sheet_) draw_details_panel();
    vm_.commit_hover(); // the graph's or a panel list's, whichever came last
    // A hand over a node says "this can be clicked", as over a link; a panel under the mouse
    // sets its own cursor.
    if (ready && !io.WantCaptureMouse && vm_.hovered() != kNoNode) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    // Clear of the legend card as it was last frame (it is drawn after the labels, over them).
    if (ready) labels_.draw(vm_, ui_font_, shown_text_size(TextSize::Small), legend_box_);
    if (explorer) draw_graph_legend();
    draw_status_overlay();
    draw_progress_pill();
    // A misuse of ImGui (its error recovery shows a red box on screen): counted for tests.
    report.imgui_errors += static_cast<std::uint64_t>(ImGui::GetCurrentContext()->ErrorCountCurrentFrame);
}

// The windows the last frame drew (the panels, the sheet, the cards, the compact overlay),
// not tooltips (they follow the pointer) nor what takes no input (the legend).
bool App::over_ui(float x, float y) const {
    const ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g) return false;
    for (const ImGuiWindow* w : g->Windows) {
        if (!w->WasActive || w->Hidden || (w->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_NoMouseInputs))) continue;
        if (w->Rect().Contains(ImVec2{x, y})) return true;
    }
    return false;
}

// SDL counts double clicks in real time; ImGui in frame time, which at a low frame rate
// misses quick ones. And ImGui's input queue hands the presses and releases that came in
// one frame over one a frame (else a click within a frame would be lost), so a press may
// reach ImGui frames after SDL counted it: SDL's flag goes with ImGui's press of the same
// number, not with whatever ImGui reports in the frame SDL's came.
void App::note_press(int clicks) {
    ++sdl_presses_;
    if (clicks >= 2) double_press_ = sdl_presses_;
    frames_since_press_ = 0;
}

bool App::press_is_double_click(bool pressed) {
    if (pressed) ++ui_presses_;
    const bool is_double = pressed && double_press_ != 0 && ui_presses_ == double_press_;
    // ImGui hands over at least one press or release a frame, so long after SDL's last press
    // it has them all; should it ever have dropped one (a focus change clears its mouse
    // state), the numbers agree again from here.
    if (frames_since_press_ <= 60)
        ++frames_since_press_;
    else if (!ImGui::IsMouseDown(ImGuiMouseButton_Left))
        ui_presses_ = sdl_presses_;
    return is_double;
}

std::string App::state_json() const {
    nlohmann::json j = state_report(vm_);
    // Which font pieces are in, and what text shows as boxes: no piece has it ("U+XXXX").
    nlohmann::json loaded = nlohmann::json::array(), missing = nlohmann::json::array();
    for (std::size_t i = 0; i < fonts_.size(); ++i)
        if (fonts_.loaded(i)) loaded.push_back(fonts_.info(i).name);
    for (const char32_t cp : display_.missing()) {
        char u[16];
        std::snprintf(u, sizeof u, "U+%04X", static_cast<unsigned>(cp));
        missing.push_back(u);
    }
    j["fonts"] = {{"loaded", loaded}, {"missing", missing}, {"pending", display_.pending()}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// [SECTION] drawing the graph
Rect App::graph_rect(int fb_width, int fb_height) const {
    const Area& a = vm_.camera().area();
    const int x = static_cast<int>(std::lround(a.x * fb_scale_));
    const int w = std::min(static_cast<int>(std::lround(a.w * fb_scale_)), fb_width - x);
    const int h = std::min(static_cast<int>(std::lround(a.h * fb_scale_)), fb_height);
    const int y = fb_height - h - static_cast<int>(std::lround(a.y * fb_scale_));
    return {x, y, w, h};
}

std::array<std::uint64_t, 4> App::base_revisions() const {
    const Revisions& r = vm_.revisions();
    return {r.graph, r.positions, r.visibility, r.style};
}

std::array<std::uint64_t, 7> App::top_revisions() const {
    const Revisions& r = vm_.revisions();
    return {r.graph, r.positions, r.visibility, r.style, r.hover, r.selection, r.search};
}

// The two layers under the current camera, with the veil the highlight asks for.
DrawParams App::layer_params(bool base_changed, bool top_changed) const {
    DrawParams p;
    p.camera = &vm_.camera().camera();
    p.base = &base_layer_;
    p.base_changed = base_changed;
    p.top = &top_layer_;
    p.top_changed = top_changed;
    p.veil = vm_.scene().veil(vm_.options().theme, vm_.hovered(), vm_.selected(), vm_.search_marks());
    return p;
}

bool App::graph_changed(int fb_width, int fb_height) const {
    if (!vm_.ready()) return graph_drawn_; // it must go
    if (!graph_drawn_ || renderer_.unsettled() || base_stamp_.differs(base_revisions()) ||
        top_stamp_.differs(top_revisions()))
        return true;
    return !renderer_.repeats_view(vm_.camera().camera(), graph_rect(fb_width, fb_height));
}

void App::render_graph(int fb_width, int fb_height) {
    vm_.ui().frames_drawn++;
    graph_drawn_ = vm_.ready();
    if (!graph_drawn_) return;
    Scene& scene = vm_.scene();
    const bool base_changed = base_stamp_.changed(base_revisions());
    if (base_changed) scene.build_base(vm_.slice(), vm_.options(), base_layer_);
    const bool top_changed = top_stamp_.changed(top_revisions()); // the highlight shows the base's positions too
    if (top_changed) scene.build_top(vm_.slice(), vm_.options(), vm_.hovered(), vm_.selected(), vm_.search_marks(), top_layer_);
    DrawParams p = layer_params(base_changed, top_changed);
    p.rect = graph_rect(fb_width, fb_height);
    p.cached = true;
    renderer_.draw(p);
    vm_.ui().graph_draws = renderer_.base_passes();
}

} // namespace rgv
