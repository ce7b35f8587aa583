// panel_details.cpp — the details of the selected node, of any type, in a window at the
// top right of the graph: a work's authors, year, venue, abstract and link; a person's
// works shared with the researcher; a topic's or an institution's connections. Every
// neighbour is a link: clicking it moves the selection there (and the camera with it).
#include "view/ui/app.h"
#include "view/ui/text_font.h"

#include "view/ui/panel_util.h"
#include "view/ui/style.h"

#include <imgui.h>

#include <algorithm>

namespace rgv {

void App::draw_details_panel() {
    const Graph& g = vm_.slice().graph;
    if (vm_.selected() == kNoNode || vm_.selected() >= g.node_count()) return;
    if (docked_details_) {
        // Docked: the window's right column under the host's chrome, full height; its left
        // edge drags to resize (the graph takes the rest).
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        const ViewOptions::Insets& in = vm_.options().insets;
        const float h = std::max(vp->Size.y - in.top - in.bottom, 120.0f);
        ImGui::SetNextWindowPos({vp->Pos.x + vp->Size.x - in.right - details_width_, vp->Pos.y + in.top});
        ImGui::SetNextWindowSize({details_width_, h});
        ImGui::SetNextWindowSizeConstraints({280.0f, h}, {std::max(280.0f, (area().w + details_width_) * 0.45f), h});
    } else {
        // Within the graph area whatever its width (at 800x600 it is 440 px: 45% of it was
        // under the card's least width, which then ran past the window's right edge).
        const float least = std::min(240.0f, std::max(area().w - 24.0f, 120.0f));
        const float width = std::clamp(area().w * 0.45f, least, 380.0f);
        ImGui::SetNextWindowPos({area().x + area().w - width - 12.0f, area().y + 12.0f}, ImGuiCond_Appearing);
        ImGui::SetNextWindowSize({width, std::min(area().h - 24.0f, 520.0f)}, ImGuiCond_Appearing);
        ImGui::SetNextWindowSizeConstraints({least, 160.0f}, {std::max(area().w - 24.0f, least), std::max(area().h - 24.0f, 160.0f)});
    }
    // No title bar: the node's type heads the panel, and its own close button sits beside it
    // (a title bar saying "Details" is chrome, not content). The card can still be dragged
    // by its background; edges resize both.
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoTitleBar | (docked_details_ ? ImGuiWindowFlags_NoMove : 0);
    if (!ImGui::Begin("Details###details", nullptr, flags)) {
        ImGui::End();
        return;
    }
    if (docked_details_) {
        details_width_ = ImGui::GetWindowWidth();
    } else {
        // Dragged or left behind by a smaller window: back inside the graph area.
        const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
        const ImVec2 kept{std::clamp(p.x, area().x + 4.0f, std::max(area().x + area().w - s.x - 4.0f, area().x + 4.0f)),
                          std::clamp(p.y, area().y + 4.0f, std::max(area().y + area().h - s.y - 4.0f, area().y + 4.0f))};
        if (kept.x != p.x || kept.y != p.y) ImGui::SetWindowPos(kept);
    }
    {
        const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
        vm_.ui().ui_boxes["details"] = {p.x, p.y, p.x + s.x, p.y + s.y};
    }
    push_touch_style(); // a tablet's or a phone on its side's finger: 44 px targets
    draw_details_contents(vm_.selected());
    touch_scroll();
    pop_touch_style();
    ImGui::End();
}

// The card's contents, in the current window (the card, the dock or a phone's sheet).
void App::draw_details_contents(std::uint32_t node) {
    const Graph& g = vm_.slice().graph;
    const nlohmann::json& attrs = g.node_attrs[node];
    bool open = true;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(node == vm_.slice().focus ? theme().focus : theme().kind_color(g.kind[node])));
    // The type in the UI's words; a type the viewer does not know is the slice's own word.
    // On the close button's line, centred on it (a finger's button is 44 px high).
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(g.kind[node] == NodeKind::Other ? txc(g.node_type[node]) : t(kind_word(g.kind[node])));
    ImGui::PopStyleColor();
    {
        const float side = ImGui::GetFrameHeight();
        ImGui::SameLine();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(ImGui::GetContentRegionAvail().x - side, 0.0f));
        ImGui::PushStyleColor(ImGuiCol_Button, 0u);
        if (ImGui::Button("\u00d7##close", {side, side})) open = false;
        ImGui::PopStyleColor();
        note_ui_box("details:close");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t(Str::DetailsClose));
    }
    if (!open) {
        vm_.select(kNoNode);
        return;
    }
    // Every text of the details also goes to vm_.ui().details_lines (state_json's
    // "detailsCard"): what a test reads is what is on screen.
    auto shown = [&](std::string text) -> const std::string& {
        vm_.ui().details_lines.push_back(std::move(text));
        return vm_.ui().details_lines.back();
    };
    auto link = [&](const std::string& url, const char* caption = nullptr) {
        if (is_web_url(url)) shown(std::string(caption ? caption : t(Str::OpenLink)) + " " + url);
        link_button(url, caption);
    };
    push_font(TextSize::Large);
    text_wrapped(shown(plain_text(g.node_label[node])));
    ImGui::PopFont();

    // Expanding comes first, above the long texts, so it is always in reach.
    if (!vm_.expand_template().empty() && (g.kind[node] == NodeKind::Person || g.kind[node] == NodeKind::Work)) {
        if (!vm_.expanding().empty()) {
            const Loading l = vm_.loading();
            ImGui::TextDisabled("%s", txc_fit(l.text, ImGui::GetContentRegionAvail().x));
            progress_bar(l.fraction, 0.0f, 4.0f);
        } else {
            if (ImGui::Button(t(Str::DetailsExpand))) vm_.request_expand(node);
            note_action_box("expand", node);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t(Str::DetailsExpandTip));
        }
    }

    if (g.kind[node] != NodeKind::Work) {
        // What the source says about a person, an institution or a topic, in one line.
        const UiStrings& s = strings();
        auto count = [&](const char* key, Str what) {
            const auto n = attr::integer(attrs, key);
            return n ? s.format(what, {{"n", s.number(static_cast<long long>(*n))}}) : std::string();
        };
        const auto cites = attr::citations(attrs);
        const std::string facts = join_nonempty(
            {attr_shown(attrs, attr::kAffiliation), count(attr::kWorksCount, Str::DetailsWorksInSource),
             cites ? s.count(Str::DetailsCitationsOne, static_cast<long long>(*cites)) : std::string(),
             count(attr::kHIndex, Str::DetailsHIndex),
             g.kind[node] == NodeKind::Institution ? attr_shown(attrs, attr::kInstitutionType) : std::string(),
             attr_shown(attrs, attr::kCountry), attr_shown(attrs, attr::kParent)},
            "  \xC2\xB7  ");
        if (!facts.empty()) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", txc(shown(facts)));
            ImGui::PopTextWrapPos();
        }
        link(attr::text(attrs, attr::kUrl));
    }

    if (g.kind[node] == NodeKind::Work) {
        const std::string meta = work_meta(attrs, "  \xC2\xB7  ");
        if (!meta.empty()) { // wrapped: a long venue goes on the next line
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", txc(shown(meta)));
            ImGui::PopTextWrapPos();
        }
        std::string list;
        for (const std::string& a : attr::strings(attrs, attr::kAuthors)) list += (list.empty() ? "" : ", ") + plain_text(a);
        if (!list.empty()) text_wrapped(shown(list));
        if (const auto cites = attr::citations(attrs))
            ImGui::TextDisabled("%s", txc(shown(strings().count(Str::DetailsCitationsOne, static_cast<long long>(*cites)))));
        link(attr::text(attrs, attr::kUrl));
        if (const std::string pdf = attr::text(attrs, attr::kPdfUrl); pdf != attr::text(attrs, attr::kUrl)) link(pdf, t(Str::OpenPdf));
        const std::string abstract = attr_shown(attrs, attr::kAbstract);
        if (!abstract.empty() && ImGui::CollapsingHeader((strings().get(Str::Abstract) + "###abstract").c_str(), tree_flags(ImGuiTreeNodeFlags_DefaultOpen))) {
            text_wrapped(shown(abstract));
        }
    } else if (g.kind[node] == NodeKind::Person && node != vm_.slice().focus && vm_.slice().focus != kNoNode) {
        // Works shared with the researcher: works that both are linked to.
        std::vector<std::uint32_t> shared;
        for (std::uint32_t k = vm_.scene().neighbors_begin(node); k < vm_.scene().neighbors_end(node); ++k) {
            const std::uint32_t w = vm_.scene().neighbor(k);
            if (g.kind[w] == NodeKind::Work && vm_.scene().is_neighbor_of(vm_.slice().focus, w)) shared.push_back(w);
        }
        std::sort(shared.begin(), shared.end());
        shared.erase(std::unique(shared.begin(), shared.end()), shared.end());
        ImGui::TextUnformatted(txc(strings().count(Str::DetailsSharedOne, static_cast<long long>(shared.size()),
                                                   {{"name", g.node_label[vm_.slice().focus]}})));
        for (std::uint32_t w : shared) neighbor_link(w);
    }

    // Connections by type, each a link to its node.
    ImGui::Spacing();
    ImGui::TextDisabled("%s", txc(strings().format(
                                  Str::DetailsConnections,
                                  {{"n", strings().number(static_cast<long long>(vm_.scene().neighbors_end(node) -
                                                                                   vm_.scene().neighbors_begin(node)))}})));
    ImGui::Separator();
    for (int k = 0; k < static_cast<int>(NodeKind::Count); ++k) {
        std::vector<std::uint32_t> of_kind;
        for (std::uint32_t e = vm_.scene().neighbors_begin(node); e < vm_.scene().neighbors_end(node); ++e)
            if (static_cast<int>(g.kind[vm_.scene().neighbor(e)]) == k) of_kind.push_back(vm_.scene().neighbor(e));
        std::sort(of_kind.begin(), of_kind.end());
        of_kind.erase(std::unique(of_kind.begin(), of_kind.end()), of_kind.end());
        if (of_kind.empty()) continue;
        const auto kind = static_cast<NodeKind>(k);
        const long long count = static_cast<long long>(of_kind.size());
        if (ImGui::TreeNodeEx(node_kind_name(kind), tree_flags(ImGuiTreeNodeFlags_DefaultOpen), "%s",
                              txc(strings().format(Str::DetailsKindCount, {{"kind", strings().word(kind_word(kind), count)},
                                                                           {"n", strings().number(count)}})))) {
            for (std::uint32_t n : of_kind) neighbor_link(n);
            ImGui::TreePop();
        }
    }
}

// A neighbour as a clickable line: select it and move the camera there.
void App::neighbor_link(std::uint32_t n) {
    const Graph& g = vm_.slice().graph;
    ImGui::PushID(static_cast<int>(n));
    node_link(n, g.node_label[n], false); // a list of names: each starts at the left
    ImGui::PopID();
}

// A node's text that answers the pointer like a link (hover lights the node, a click
// focuses it): wrapped, shaped; under a finger its target is 44 px high, the row's
// spacing included, whatever its text's height.
void App::node_link(std::uint32_t n, const std::string& text, bool align_rtl) {
    const bool touch = vm_.options().coarse_pointer;
    const float line = ImGui::GetTextLineHeight(), spacing = ImGui::GetStyle().ItemSpacing.y;
    const float extra = touch ? std::max((44.0f - line - spacing) * 0.5f, 0.0f) : 0.0f;
    if (extra > 0.0f) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + extra);
    text_wrapped(text, align_rtl);
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    bool hovered = ImGui::IsItemHovered();
    if (touch) {
        const float grow = std::max((44.0f - (b.y - a.y)) * 0.5f, 0.0f);
        a.y -= grow;
        b.y += grow;
        b.x = std::max(b.x, a.x + 44.0f);
        hovered = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(a, b);
        // An item, not a cursor move: ImGui refuses a window grown by the cursor alone.
        ImGui::Dummy({1.0f, std::max(extra - spacing, 0.0f)});
    }
    // Its target, for tests that tap it (the first of a node's links on screen).
    if (ImGui::IsItemVisible()) vm_.ui().ui_boxes.emplace("link:" + vm_.slice().graph.node_id[n], nlohmann::json{a.x, a.y, b.x, b.y});
    if (hovered) {
        vm_.propose_hover(n);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        // A finger's tap acts on release, so that a drag across the link scrolls instead.
        if (touch ? tapped(a, b) : ImGui::IsMouseClicked(ImGuiMouseButton_Left)) vm_.focus_node(n);
    }
}

// A link out of the viewer: only http and https, opened by the host (a new tab).
void App::link_button(const std::string& url, const char* caption) {
    if (!is_web_url(url)) return;
    ImGui::PushID(url.c_str());
    if (small_button(caption ? caption : t(Str::OpenLink))) vm_.emit("openUrl", {{"url", url}});
    ImGui::PopID();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", txc(url)); // an IRI may be in any script
}

} // namespace rgv
