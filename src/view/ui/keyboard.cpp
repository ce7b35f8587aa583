// keyboard.cpp — Tab through the panels' controls, with ImGui's focus ring: the order the
// controls were drawn in (the side panel's tabs, then its controls top to bottom, then the
// details, the error card), collected every frame from ImGui's item hook, so a control
// added to a panel is reachable without being listed anywhere. The graph's own keys (the
// arrows, Enter, Tab through the nodes) are the ViewModel's (ViewModel::tab).
//
// [SECTION] the item hook   ImGui's IMGUI_ENABLE_TEST_ENGINE hooks, which see every item
// [SECTION] moving focus    App::move_panel_focus, App::update_keyboard_focus
#include "view/ui/app.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

// [SECTION] the item hook
// ImGui calls these (IMGUI_ENABLE_TEST_ENGINE, CMakeLists.txt) for every item it adds, and
// before it clips it: a control scrolled out of its panel is still in the order.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item) {
    if (!ctx->TestEngine || !item || id == 0) return;
    constexpr ImGuiItemFlags kSkip = ImGuiItemFlags_NoNav | ImGuiItemFlags_NoTabStop | ImGuiItemFlags_Disabled;
    const ImGuiWindow* w = ctx->CurrentWindow;
    if ((item->ItemFlags & kSkip) || !w || w->IsFallbackWindow || w->DC.NavLayerCurrent != ImGuiNavLayer_Main ||
        (w->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup | ImGuiWindowFlags_NoInputs)))
        return; // ImGui's implicit "Debug" window, title bars, tooltips, cards that take no input
    // A scrolling region is an item of its parent too: its controls are the stops, not it.
    for (const ImGuiWindow* child : w->DC.ChildWindows)
        if (child->ChildId == id) return;
    // In sight: not scrolled out of its panel (nor its window out of the screen).
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const bool visible = bb.Overlaps(w->ClipRect) && bb.Overlaps(ImRect(vp->Pos, {vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y}));
    static_cast<rgv::App*>(ctx->TestEngine)->note_tab_stop(id, bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y,
                                                            (item->ItemFlags & ImGuiItemFlags_Inputable) != 0, visible);
}
// The label of the item just added (most widgets tell it after ItemAdd): named in state().
void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    if (ctx->TestEngine && label) static_cast<rgv::App*>(ctx->TestEngine)->note_tab_stop_label(id, label);
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace rgv {

void App::note_tab_stop(unsigned id, float x0, float y0, float x1, float y1, bool text, bool visible) {
    // Once each: one id twice in the order would send Tab back to its first place for ever.
    if (!tab_stop_ids_.insert(id).second) return;
    ImGuiWindow* w = ImGui::GetCurrentContext()->CurrentWindow;
    tab_stops_.push_back({id, w, {x0, y0, x1, y1}, text, visible, {}});
}

void App::note_tab_stop_label(unsigned id, const char* label) {
    if (tab_stops_.empty() || tab_stops_.back().id != id || !tab_stops_.back().label.empty()) return;
    // What the user reads: up to ImGui's "##" (the rest is an id).
    const char* end = ImGui::FindRenderedTextEnd(label);
    tab_stops_.back().label.assign(label, end);
}

// [SECTION] moving focus
bool App::move_panel_focus(ViewModel::PanelFocus move) {
    using PF = ViewModel::PanelFocus;
    const auto& stops = last_tab_stops_;
    if (move == PF::Release) {
        focus_stop_ = -1;
        focus_wanted_ = -1;
        return true;
    }
    int next = -1;
    if (move == PF::First) next = stops.empty() ? -1 : 0;
    else if (move == PF::Next) next = focus_stop_ + 1 < static_cast<int>(stops.size()) ? focus_stop_ + 1 : -1;
    else next = focus_stop_ > 0 ? focus_stop_ - 1 : -1;
    if (next < 0) return false;
    focus_stop_ = focus_wanted_ = next;
    return true;
}

// Called after ImGui::NewFrame, before the panels: the focus a Tab asked for goes to its
// control (a text field is opened for typing, as a browser's Tab does), ImGui's keyboard
// navigation is on only while a control has the keyboard (else the arrows are the graph's),
// and the focus follows what ImGui did with it since (arrows, a click, Escape).
void App::update_keyboard_focus() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.TestEngine = this;
    g.TestEngineHookItems = true;
    last_tab_stops_.swap(tab_stops_);
    tab_stops_.clear();
    tab_stop_ids_.clear();
    ImGuiIO& io = ImGui::GetIO();
    if (focus_stop_ >= 0 && focus_wanted_ < 0) {
        // Where ImGui's navigation is now: another control of the order, or none (Escape,
        // a click on the graph).
        const auto it = std::find_if(last_tab_stops_.begin(), last_tab_stops_.end(), [&](const TabStop& s) { return s.id == g.NavId; });
        if (g.NavId == 0 || !g.NavWindow || it == last_tab_stops_.end())
            focus_stop_ = -1;
        else
            focus_stop_ = static_cast<int>(it - last_tab_stops_.begin());
    }
    if (focus_wanted_ >= 0 && focus_wanted_ < static_cast<int>(last_tab_stops_.size())) {
        const TabStop& s = last_tab_stops_[static_cast<std::size_t>(focus_wanted_)];
        ImGuiWindow* w = static_cast<ImGuiWindow*>(s.window);
        if (g.ActiveId != 0 && g.ActiveId != s.id) ImGui::ClearActiveID(); // a text field lets go
        ImGui::FocusWindow(w);
        ImGui::SetFocusID(s.id, w);
        ImGui::ScrollToRect(w, ImRect(s.box[0], s.box[1], s.box[2], s.box[3]), ImGuiScrollFlags_KeepVisibleEdgeY);
        g.NavCursorVisible = true;
        g.NavHighlightItemUnderNav = true;
        if (s.text) {
            g.NavNextActivateId = s.id;
            g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput | ImGuiActivateFlags_FromTabbing;
        }
    } else if (focus_wanted_ >= 0) {
        focus_stop_ = -1; // the control went away (a tab changed, the details closed)
    }
    focus_wanted_ = -1;
    if (focus_stop_ < 0 && g.NavCursorVisible && g.NavWindow) {
        g.NavCursorVisible = false; // the graph has the keyboard: no ring left on a control
    }
    if (focus_stop_ >= 0)
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    else
        io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    UiReport& report = vm_.ui();
    report.panel_focus = focus_stop_ >= 0;
    report.focus_box = {};
    if (focus_stop_ >= 0 && focus_stop_ < static_cast<int>(last_tab_stops_.size()))
        report.focus_box = last_tab_stops_[static_cast<std::size_t>(focus_stop_)].box;
    // The controls in sight last frame, for tests of their size under a finger.
    report.controls.clear();
    for (const TabStop& s : last_tab_stops_)
        if (s.visible) report.controls.push_back({s.label, s.box});
}

} // namespace rgv
