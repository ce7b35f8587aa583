// panel_sheet.cpp — the explorer on a phone (a window under 720 px wide): the side
// panel becomes a sheet at the bottom, as maps and music apps have it. At rest it peeks:
// a grip and the tabs (Profile, Explore, and Details while a node is selected), one tap
// from the researcher's card. A finger drags it by the grip to half or full height, or
// down again; a tap on the grip or a tab opens it. Selecting a node opens it to half with
// the node's details, and the graph keeps the top half with the node brought into view.
// With a finger for a pointer its targets are at least 44 px high (WCAG 2.5.5).
//
// [SECTION] heights   peek, half, full and the snap between them
// [SECTION] the sheet
#include "view/ui/app.h"

#include "view/ui/panel_util.h"

#include <imgui.h>
#include <imgui_internal.h> // touch_scroll: the window under the press, its active item

#include <algorithm>
#include <cmath>
#include <limits>

namespace rgv {

namespace {
constexpr float kGrip = 44.0f;        // the grip's band: a finger's target (WCAG 2.5.5)
constexpr float kTouchTarget = 44.0f; // WCAG 2.5.5's least target, CSS px
constexpr float kTouchSlop = 8.0f;    // px a finger moves before a press becomes a scroll
constexpr double kDoubleTapTime = 0.35; // s: SDL's double click time is 0.5, a finger's taps come quicker
} // namespace

// Finger-sized controls (44 px high) while the pointer is a finger; pop_touch_style() after.
void App::push_touch_style() {
    const bool touch = vm_.options().coarse_pointer;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, touch ? ImVec2{12.0f, (kTouchTarget - text_size(TextSize::Regular)) * 0.5f}
                                                          : ImGui::GetStyle().FramePadding);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, touch ? ImVec2{10.0f, 10.0f} : ImGui::GetStyle().ItemSpacing);
    // A row made finger-high keeps its text in the middle (selectable_height).
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, {0.0f, 0.5f});
}
void App::pop_touch_style() { ImGui::PopStyleVar(3); }

// A tree node's flags under a finger: its row is frame-high, as a button is (an unframed
// node is only as high as its text).
int App::tree_flags(int flags) const {
    return vm_.options().coarse_pointer ? flags | ImGuiTreeNodeFlags_FramePadding : flags;
}

// A Selectable's height: a text line, or a finger's target.
float App::selectable_height() const { return vm_.options().coarse_pointer ? kTouchTarget : 0.0f; }

// A finger scrolls a panel by dragging anywhere on it, on its text as on its buttons, as
// on a phone's page: ImGui scrolls by the wheel and the scrollbar only, and a phone has
// neither. Once the finger has moved past the slop the press under it is let go (a button
// or a list row does not fire on release), and the contents follow the finger until it
// lifts. Called at the end of a scrolling window's contents; a text field being edited
// keeps the drag for selecting.
void App::touch_scroll() {
    if (!vm_.options().coarse_pointer) return;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* w = g.CurrentWindow;
    const ImGuiIO& io = g.IO;
    if (!io.MouseDown[ImGuiMouseButton_Left]) return; // App::update lets go of the scroll
    if (touch_scroll_window_ == 0) {
        // Pressed on this window's contents (the window under the finger when it went
        // down: the sheet's grip moves the sheet, and its contents with it, under the finger).
        if (touch_press_window_ != w->ID || io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < kTouchSlop * kTouchSlop) return;
        if (g.ActiveId != 0 && (g.ActiveId == g.InputTextState.ID || g.ActiveIdWindow != w || g.MovingWindow)) return;
        touch_scroll_window_ = w->ID;
        if (g.ActiveId != 0) ImGui::ClearActiveID();
    }
    if (touch_scroll_window_ == w->ID) ImGui::SetScrollY(w, w->Scroll.y - io.MouseDelta.y);
}

// A tap on the target [a, b] of the window being drawn: pressed inside it, in this window,
// and let go without a drag. The press is checked as well as the release: a tap on the
// sheet's tab opens the sheet under the finger, and its release then lands on whatever
// the sheet's contents brought there.
bool App::tapped(const ImVec2& a, const ImVec2& b) const {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImVec2 at = g.IO.MouseClickedPos[ImGuiMouseButton_Left];
    return ImGui::IsMouseReleased(ImGuiMouseButton_Left) && g.IO.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < kTouchSlop * kTouchSlop
        && touch_press_window_ == g.CurrentWindow->ID && at.x >= a.x && at.x < b.x && at.y >= a.y && at.y < b.y;
}

bool App::small_button(const char* label) const {
    return vm_.options().coarse_pointer ? button(label) : ImGui::SmallButton(label);
}

bool App::button(const char* label) const {
    if (!vm_.options().coarse_pointer) return ImGui::Button(label);
    // At least as wide as it is high: "Fit" alone would be 41 px wide.
    return ImGui::Button(label, {std::max(button_width(label), kTouchTarget), 0.0f});
}

// [SECTION] heights

float App::sheet_tab_height() const {
    const float font = text_size(TextSize::Regular);
    return vm_.options().coarse_pointer ? kTouchTarget : font + 2.0f * ImGui::GetStyle().FramePadding.y + 6.0f;
}

float App::sheet_peek() const { return kGrip + sheet_tab_height() + 8.0f; }

// Open full, the sheet leaves the top for the host's chrome (the explorer's menu button)
// and a strip of the graph, so it reads as a sheet over the graph.
float App::sheet_top_gap() const { return std::max(48.0f, vm_.options().insets.top); }

float App::sheet_height(SheetStop stop, float height) const {
    const float full = std::max(height - sheet_top_gap(), sheet_peek());
    switch (stop) {
    case SheetStop::Half: return std::clamp(height * 0.5f, sheet_peek(), full);
    case SheetStop::Full: return full;
    case SheetStop::Peek: break;
    }
    return sheet_peek();
}

float App::sheet_target(float height) const { return sheet_height(sheet_stop_, height); }

// What the graph does not get: the sheet up to half the window; above that it covers the
// graph (which keeps its top half) instead of squeezing it.
float App::sheet_reserved(float height) const {
    if (!sheet_) return 0.0f;
    return std::min(sheet_h_ > 0.0f ? sheet_h_ : sheet_peek(), std::max(height * 0.5f, sheet_peek()));
}

void App::sheet_follow_selection() {
    const std::uint32_t sel = vm_.ready() ? vm_.selected() : kNoNode;
    const double now = ImGui::GetTime();
    if (sel != sheet_seen_) {
        sheet_seen_ = sel;
        sheet_seen_at_ = now;
    }
    // A tap's selection moves the sheet once a double tap's time has passed: the second tap
    // (to focus the node) must find the node where the first left it, not where the graph
    // went as the sheet rose.
    if (sel == sheet_selected_ || now - sheet_seen_at_ < kDoubleTapTime) return;
    if (sel != kNoNode) {
        if (sheet_stop_ == SheetStop::Peek) sheet_stop_ = SheetStop::Half;
        sheet_tab_ = SheetTab::Details;
    } else if (sheet_tab_ == SheetTab::Details) {
        sheet_tab_ = SheetTab::Profile;
        if (sheet_stop_ == SheetStop::Half) sheet_stop_ = SheetStop::Peek;
    }
    sheet_selected_ = sel;
    sheet_tab_pending_ = true;
}

// [SECTION] the sheet

void App::draw_sheet() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = vp->Size.x, height = vp->Size.y;
    const float dt = std::min(ImGui::GetIO().DeltaTime, 0.1f);
    // Towards its stop, unless a finger holds it (a quick ease: 90% of the way in 0.15 s).
    const float target = sheet_target(height);
    if (!sheet_dragging_) {
        if (sheet_h_ <= 0.0f) sheet_h_ = target;
        sheet_h_ += (target - sheet_h_) * (1.0f - std::exp(-dt * 15.0f));
        if (std::fabs(target - sheet_h_) < 0.5f) sheet_h_ = target;
    }
    const float h = std::clamp(sheet_h_, sheet_peek(), std::max(height - sheet_top_gap(), sheet_peek()));
    ImGui::SetNextWindowPos({vp->Pos.x, vp->Pos.y + height - h});
    ImGui::SetNextWindowSize({width, h});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {12.0f, 0.0f});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 14.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##sheet", nullptr, flags);
    ImGui::PopStyleVar(2);
    {
        const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
        vm_.ui().ui_boxes["sheet"] = {p.x, p.y, p.x + s.x, p.y + s.y};
    }

    // The grip: a drag moves the sheet with the finger, a tap opens or closes it; let go,
    // it settles at the nearest stop (a flick goes on to the next one).
    ImGui::SetCursorPos({0.0f, 0.0f});
    ImGui::InvisibleButton("##grip", {width, kGrip});
    note_ui_box("sheetGrip");
    {
        const ImVec2 a = ImGui::GetItemRectMin();
        const ImU32 c = ImGui::GetColorU32(ImGuiCol_TextDisabled, ImGui::IsItemActive() ? 0.9f : 0.5f);
        ImGui::GetWindowDrawList()->AddRectFilled({a.x + width * 0.5f - 20.0f, a.y + 16.0f}, {a.x + width * 0.5f + 20.0f, a.y + 21.0f}, c, 3.0f);
    }
    if (ImGui::IsItemActivated()) sheet_drag_from_ = h;
    if (ImGui::IsItemActive()) {
        const float dy = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f).y;
        if (std::fabs(dy) > 6.0f) sheet_dragging_ = true;
        if (sheet_dragging_) sheet_h_ = sheet_drag_from_ - dy;
    }
    if (ImGui::IsItemDeactivated()) {
        if (!sheet_dragging_) {
            sheet_stop_ = sheet_stop_ == SheetStop::Peek ? SheetStop::Full : SheetStop::Peek;
        } else {
            // The nearest stop to where it was let go (the lower one of two as near).
            float nearest = std::numeric_limits<float>::max();
            for (const SheetStop stop : {SheetStop::Peek, SheetStop::Half, SheetStop::Full}) {
                const float d = std::fabs(sheet_h_ - sheet_height(stop, height));
                if (d < nearest) {
                    nearest = d;
                    sheet_stop_ = stop;
                }
            }
        }
        sheet_dragging_ = false;
    }
    ImGui::SetCursorPos({12.0f, kGrip});

    if (vm_.status() != AppStatus::Ready) {
        ImGui::TextDisabled("%s", t(Str::ProfileHeading));
        ImGui::TextUnformatted(t(vm_.status() == AppStatus::Building ? Str::ProfileLoading : Str::ProfileNoGraph));
        ImGui::End();
        return;
    }

    // The tabs, finger-high on a touch screen. A tap on one opens the sheet on it.
    const bool touch = vm_.options().coarse_pointer;
    const float pad_y = std::max((sheet_tab_height() - text_size(TextSize::Regular)) * 0.5f, ImGui::GetStyle().FramePadding.y);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {touch ? 16.0f : 10.0f, pad_y});
    const SheetTab shown_before = sheet_tab_;
    if (ImGui::BeginTabBar("sheet_tabs")) {
        // A tap on a tab opens the sheet on it (to half for a node's details: the graph stays in sight).
        const auto tab = [&](SheetTab which, const std::string& label, const char* box, SheetStop opens_to) {
            // ImGui selects a tab asked for in code a frame later: until then the request stands.
            const ImGuiTabItemFlags f = sheet_tab_pending_ && sheet_tab_ == which ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, f);
            note_ui_box(box);
            if (ImGui::IsItemClicked()) {
                sheet_tab_pending_ = false; // the finger's choice wins
                if (sheet_stop_ == SheetStop::Peek) sheet_stop_ = opens_to;
            }
            if (open) {
                if (!sheet_tab_pending_ || sheet_tab_ == which) sheet_tab_pending_ = false;
                if (!sheet_tab_pending_) sheet_tab_ = which;
                ImGui::EndTabItem();
            }
        };
        tab(SheetTab::Profile, strings().get(Str::TabProfile) + "###profile", "tab:Profile", SheetStop::Full);
        tab(SheetTab::Explore, strings().get(Str::TabExplore) + "###explore", "tab:Explore", SheetStop::Full);
        if (vm_.selected() != kNoNode) {
            // The selected node's kind names its tab ("Work", "Person").
            std::string word = strings().get(kind_word(vm_.slice().graph.kind[vm_.selected()]));
            if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
            tab(SheetTab::Details, word + "###details", "tab:Details", SheetStop::Half);
        }
        ImGui::EndTabBar();
    }
    ImGui::PopStyleVar();
    if (sheet_tab_ != shown_before && sheet_stop_ == SheetStop::Peek)
        sheet_stop_ = sheet_tab_ == SheetTab::Details ? SheetStop::Half : SheetStop::Full;

    static const char* const kStops[] = {"peek", "half", "full"};
    static const char* const kTabs[] = {"profile", "explore", "details"};
    vm_.ui().sheet_stop = kStops[static_cast<int>(sheet_stop_)];
    vm_.ui().sheet_tab = kTabs[static_cast<int>(sheet_tab_)];

    // The tab's contents, scrolling within the sheet; finger-sized controls on a touch screen.
    push_touch_style();
    ImGui::BeginChild("sheet_scroll", {0.0f, 0.0f}, ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    switch (sheet_tab_) {
    case SheetTab::Profile: draw_profile_tab(); break;
    case SheetTab::Explore: draw_explore_tab(); break;
    case SheetTab::Details:
        if (vm_.selected() != kNoNode) {
            const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
            vm_.ui().ui_boxes["details"] = {p.x, p.y, p.x + s.x, p.y + s.y};
            draw_details_contents(vm_.selected());
        }
        break;
    }
    touch_scroll();
    ImGui::EndChild();
    pop_touch_style();
    ImGui::End();
}

} // namespace rgv
