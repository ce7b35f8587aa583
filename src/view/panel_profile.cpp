// panel_profile.cpp — the side panel, in two tabs: Profile (the researcher's card, as on
// the profile page, with the works, topics and close collaborators) and Explore (legend,
// filters, colour and view options). The selected node's details are panel_details.cpp;
// one panel, one file, like Tracy's View_*.cpp.
//
// Index
//   1. small widgets       counts, sections, pills
//   2. profile card        name, headline, affiliation, trust, verification, counts, actions
//   3. explore tab         counts and legend (hide / show a type), view options
//   4. works               sortable by year: type, year, venue, title, abstract, link
//      topics and close collaborators, ranked
#include "view/app.h"

#include "view/panel_util.h"
#include "view/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace rgv {

// 1. attribute helpers ------------------------------------------------------------------------
namespace {

ImVec4 to_vec4(std::uint32_t c) { return ImGui::ColorConvertU32ToFloat4(c); }

void count_cell(const char* label, int value) {
    ImGui::TableNextColumn();
    if (value >= 0)
        ImGui::Text("%d", value);
    else
        ImGui::TextDisabled("-");
    ImGui::TextDisabled("%s", label);
}

// imgui 1.86 has no SeparatorText(): a heading with a rule under it.
void section(const char* title) {
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::TextDisabled("%s", title);
    ImGui::Separator();
}

void pill(const char* text, std::uint32_t color) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(color));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

} // namespace

void App::draw_side_panel() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize({area_x_, vp->Size.y});
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Profile", nullptr, flags);
    if (status_ != AppStatus::Ready) {
        ImGui::TextDisabled("Researcher profile");
        ImGui::TextUnformatted(status_ == AppStatus::Building ? "Loading..." : "No graph loaded");
        ImGui::End();
        return;
    }
    if (ImGui::BeginTabBar("panels")) {
        if (ImGui::BeginTabItem("Profile")) {
            ImGui::BeginChild("profile_scroll");
            draw_profile_tab();
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Explore")) {
            ImGui::BeginChild("explore_scroll");
            draw_explore_tab();
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

void App::draw_profile_tab() {
    const Profile& p = slice_.profile;
    const Graph& g = slice_.graph;

    // 2. profile card ---------------------------------------------------------------------------
    ImGui::TextDisabled("Researcher profile");
    if (font_large_) ImGui::PushFont(font_large_);
    ImGui::TextUnformatted(p.name.empty() ? "Unnamed researcher" : p.name.c_str());
    if (font_large_) ImGui::PopFont();
    if (!p.headline.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(p.headline.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    ImGui::TextDisabled("Researcher");
    ImGui::SameLine();
    if (p.affiliation && !p.affiliation->empty())
        ImGui::TextUnformatted(p.affiliation->c_str());
    else
        ImGui::TextDisabled("\xC2\xB7 Affiliation not imported");
    if (p.open_to_collaborate) pill("Open to collaborate", IM_COL32(40, 130, 70, 255));

    section("Trust snapshot");
    if (p.trust_score >= 0) ImGui::Text("Trust %d \xC2\xB7 %s", p.trust_score, p.trust_band.c_str());
    if (!p.verification.empty()) {
        ImGui::SameLine(0.0f, 18.0f);
        ImGui::Text("Verification %s", p.verification.c_str());
    }
    ImGui::TextUnformatted(p.claimed ? "Claimed author" : "Unclaimed author");
    if (ImGui::BeginTable("counts", 4, ImGuiTableFlags_SizingStretchSame)) {
        count_cell("works", p.works);
        count_cell("followers", p.followers);
        count_cell("topics", p.topics);
        count_cell("close collab.", p.close_collaborators);
        ImGui::EndTable();
    }

    // The profile page's actions: the host performs them, the viewer only asks.
    const nlohmann::json focus_id = slice_.focus != kNoNode ? nlohmann::json(g.node_id[slice_.focus]) : nlohmann::json();
    char follow[64];
    std::snprintf(follow, sizeof follow, "Follow researcher  %d", std::max(p.followers, 0));
    if (ImGui::Button(follow)) emit("action", {{"action", "follow"}, {"id", focus_id}});
    ImGui::SameLine();
    if (ImGui::Button(p.claimed ? "Open a conversation" : "Log in to claim"))
        emit("action", {{"action", p.claimed ? "connect" : "claim"}, {"id", focus_id}});
    if (!p.claimed) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Claiming links this public author record to a researcher profile. Claim this author "
                            "entity first to unlock direct invitations.");
        ImGui::PopTextWrapPos();
    }

    // 4. works ------------------------------------------------------------------------------
    std::vector<std::uint32_t> works;
    for (std::uint32_t i = 0; i < g.node_count(); ++i)
        if (g.kind[i] == NodeKind::Work) works.push_back(i);
    std::stable_sort(works.begin(), works.end(), [&](std::uint32_t a, std::uint32_t b) {
        const int ya = attr_int(g.node_attrs[a], "year", 0), yb = attr_int(g.node_attrs[b], "year", 0);
        return works_newest_first_ ? ya > yb : ya < yb;
    });
    section("Published work");
    ImGui::TextDisabled("%zu published item(s)", works.size());
    ImGui::SameLine();
    if (ImGui::SmallButton(works_newest_first_ ? "Newest first \xE2\x96\xBC" : "Oldest first \xE2\x96\xB2"))
        works_newest_first_ = !works_newest_first_;
    for (std::uint32_t i : works) {
        const nlohmann::json& a = g.node_attrs[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string meta = join_nonempty({attr_string(a, "kind"), attr_string(a, "year"), attr_string(a, "venue")}, "  ");
        ImGui::TextDisabled("%s", meta.c_str());
        // Titles wrap, so a wrapped text that answers clicks instead of a Selectable.
        if (selected_ == i) ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(theme::kind_color(NodeKind::Work)));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(g.node_label[i].c_str());
        ImGui::PopTextWrapPos();
        if (selected_ == i) ImGui::PopStyleColor();
        if (ImGui::IsItemClicked()) focus_node(i);
        if (ImGui::IsItemHovered()) {
            hovered_ = i;
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        }
        const std::string abstract = attr_string(a, "abstract");
        if (!abstract.empty() && ImGui::TreeNode("abstract", "Abstract")) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(abstract.c_str());
            ImGui::PopTextWrapPos();
            ImGui::TreePop();
        }
        link_button(attr_string(a, "url"));
        ImGui::PopID();
        ImGui::Spacing();
    }

    // Topics with their work counts, and close collaborators by shared works.
    struct Ranked {
        std::uint32_t node;
        float count;
    };
    std::vector<Ranked> topics, people;
    for (std::uint32_t i = 0; i < g.node_count(); ++i) {
        if (g.kind[i] == NodeKind::Topic) {
            float n = 0;
            for (std::uint32_t k = adj_offsets_[i]; k < adj_offsets_[i + 1]; ++k) n += g.kind[adj_targets_[k]] == NodeKind::Work;
            topics.push_back({i, n});
        }
    }
    if (slice_.focus != kNoNode) {
        for (std::size_t e = 0; e < g.edge_count(); ++e) {
            if (g.edge_type[e] != "coauthor") continue;
            const std::uint32_t s = g.edge_source[e], t = g.edge_target[e];
            if (s == slice_.focus || t == slice_.focus) people.push_back({s == slice_.focus ? t : s, g.edge_weight[e]});
        }
    }
    auto by_count = [&](const Ranked& a, const Ranked& b) {
        return a.count != b.count ? a.count > b.count : g.node_label[a.node] < g.node_label[b.node];
    };
    std::sort(topics.begin(), topics.end(), by_count);
    std::sort(people.begin(), people.end(), by_count);
    if (!topics.empty()) {
        section("Topics");
        for (const Ranked& r : topics) {
            ImGui::PushID(static_cast<int>(r.node));
            ImGui::Text("%3.0f", static_cast<double>(r.count));
            ImGui::SameLine();
            neighbor_link(r.node);
            ImGui::PopID();
        }
    }
    if (!people.empty()) {
        section("Close collaborators");
        ImGui::TextDisabled("by works shared in this slice");
        for (const Ranked& r : people) {
            ImGui::PushID(static_cast<int>(r.node));
            ImGui::Text("%3.0f", static_cast<double>(r.count));
            ImGui::SameLine();
            neighbor_link(r.node);
            ImGui::PopID();
        }
    }
}

void App::draw_explore_tab() {
    const Graph& g = slice_.graph;
    // 3. slice counts and legend (click a type to hide or show it) ---------------------------
    section("Research graph");
    ImGui::Text("%zu nodes, %zu edges", g.node_count(), g.edge_count());
    if (!format_.empty()) ImGui::TextDisabled("format: %s", format_.c_str());
    for (int k = 0; k < static_cast<int>(NodeKind::Count); ++k) {
        const auto kind = static_cast<NodeKind>(k);
        const std::size_t n = g.count_kind(kind);
        if (n == 0) continue;
        ImGui::PushID(k);
        bool shown = !type_hidden_[k];
        if (ImGui::Checkbox("##shown", &shown)) {
            type_hidden_[k] = !shown;
            visibility_dirty_ = true;
        }
        ImGui::SameLine();
        ImGui::ColorButton(node_kind_name(kind), to_vec4(theme::kind_color(kind)),
                           ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoBorder, {10, 10});
        ImGui::SameLine();
        ImGui::Text("%zu %s%s", n, node_kind_name(kind), n == 1 ? "" : "s");
        ImGui::PopID();
    }
    if (slice_.focus != kNoNode) {
        ImGui::Dummy({ImGui::GetFrameHeight(), 1.0f});
        ImGui::SameLine();
        ImGui::ColorButton("focus", to_vec4(theme::kFocusColor), ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoBorder,
                           {10, 10});
        ImGui::SameLine();
        ImGui::TextUnformatted("the researcher");
    }
    if (!layout_.converged()) ImGui::ProgressBar(layout_.progress(), {-1, 0}, "laying out");
    for (const std::string& w : slice_.warnings) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("note: %s", w.c_str());
        ImGui::PopTextWrapPos();
    }

    section("View");
    if (ImGui::Button("Fit view")) fit_view();
    ImGui::SameLine();
    if (ImGui::Checkbox("Labels", &show_labels_)) labels_dirty_ = true;
    ImGui::SameLine();
    if (ImGui::Checkbox("Edge direction", &show_arrows_)) visual_dirty_ = true;
}

} // namespace rgv

namespace rgv {

// Compact mode (the graph embedded in a profile page): the graph with minimal chrome.
void App::draw_compact_overlay() {
    ImGui::SetNextWindowPos({area_x_ + 10.0f, area_y_ + 10.0f});
    ImGui::SetNextWindowBgAlpha(0.92f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {10.0f, 8.0f});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6.0f);
    if (ImGui::Begin("##compact", nullptr, flags)) {
        const Graph& g = slice_.graph;
        ImGui::Text("%zu works \xC2\xB7 %zu people \xC2\xB7 %zu topics", g.count_kind(NodeKind::Work),
                    g.count_kind(NodeKind::Person), g.count_kind(NodeKind::Topic));
        if (ImGui::Button("Open full explorer"))
            emit("action", {{"action", "open-explorer"},
                            {"id", slice_.focus != kNoNode ? nlohmann::json(g.node_id[slice_.focus]) : nlohmann::json()}});
        ImGui::SameLine();
        if (ImGui::Button("Fit")) fit_view();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

} // namespace rgv
