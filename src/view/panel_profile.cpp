// panel_profile.cpp — the side panel: the researcher's profile card, the slice's counts,
// the works list, and the selected node's details. One panel, one file (like Tracy's
// View_*.cpp); later panels get files of their own.
//
// Index
//   1. attribute helpers   read optional attrs without throwing (exceptions are off in wasm)
//   2. profile card        name, headline, affiliation, trust, verification, counts, actions
//   3. slice counts        nodes by type, with the type colours of the graph
//   4. works               newest first: type, year, venue, title, abstract on demand
//   5. selection           the clicked node's type, attributes and neighbours
#include "view/app.h"

#include "view/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace rgv {

// 1. attribute helpers ------------------------------------------------------------------------
namespace {

std::string attr_string(const nlohmann::json& attrs, const char* key) {
    auto it = attrs.find(key);
    if (it == attrs.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    return {};
}

int attr_int(const nlohmann::json& attrs, const char* key, int fallback) {
    auto it = attrs.find(key);
    return it != attrs.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

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
    const Profile& p = slice_.profile;
    const Graph& g = slice_.graph;

    // 2. profile card ---------------------------------------------------------------------------
    ImGui::TextDisabled("Researcher profile");
    if (font_large_) ImGui::PushFont(font_large_);
    ImGui::TextUnformatted(p.name.empty() ? (status_ == AppStatus::Ready ? "Unnamed researcher" : "Loading...")
                                          : p.name.c_str());
    if (font_large_) ImGui::PopFont();
    if (!p.headline.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(p.headline.c_str());
        ImGui::PopTextWrapPos();
    }
    if (status_ == AppStatus::Ready) {
        ImGui::Spacing();
        if (p.affiliation && !p.affiliation->empty())
            ImGui::TextUnformatted(p.affiliation->c_str());
        else
            ImGui::TextDisabled("Affiliation not imported");
        if (p.open_to_collaborate) pill("Open to collaborate", IM_COL32(40, 130, 70, 255));

        section("Trust snapshot");
        if (p.trust_score >= 0)
            ImGui::Text("Trust %d \xC2\xB7 %s", p.trust_score, p.trust_band.c_str());
        if (!p.verification.empty()) ImGui::Text("Verification %s", p.verification.c_str());
        ImGui::TextUnformatted(p.claimed ? "Claimed author" : "Unclaimed author");
        if (ImGui::BeginTable("counts", 4, ImGuiTableFlags_SizingStretchSame)) {
            count_cell("works", p.works);
            count_cell("followers", p.followers);
            count_cell("topics", p.topics);
            count_cell("close collab.", p.close_collaborators);
            ImGui::EndTable();
        }

        // The profile page's actions: the host performs them, the viewer only asks.
        const nlohmann::json focus_id =
            slice_.focus != kNoNode ? nlohmann::json(g.node_id[slice_.focus]) : nlohmann::json();
        char follow[64];
        std::snprintf(follow, sizeof follow, "Follow researcher  %d", std::max(p.followers, 0));
        if (ImGui::Button(follow)) emit("action", {{"action", "follow"}, {"id", focus_id}});
        ImGui::SameLine();
        if (ImGui::Button(p.claimed ? "Open a conversation" : "Log in to claim"))
            emit("action", {{"action", p.claimed ? "connect" : "claim"}, {"id", focus_id}});
        if (!p.claimed) ImGui::TextDisabled("Claim this author entity first to unlock direct invitations.");

        // 3. slice counts ---------------------------------------------------------------------
        section("Research graph");
        ImGui::Text("%zu nodes, %zu edges", g.node_count(), g.edge_count());
        for (int k = 0; k < static_cast<int>(NodeKind::Count); ++k) {
            const auto kind = static_cast<NodeKind>(k);
            const std::size_t n = g.count_kind(kind);
            if (n == 0) continue;
            ImGui::ColorButton(node_kind_name(kind), to_vec4(theme::kind_color(kind)),
                               ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoBorder, {10, 10});
            ImGui::SameLine();
            ImGui::Text("%zu %s%s", n, node_kind_name(kind), n == 1 ? "" : "s");
        }
        if (slice_.focus != kNoNode) {
            ImGui::ColorButton("focus", to_vec4(theme::kFocusColor),
                               ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoBorder, {10, 10});
            ImGui::SameLine();
            ImGui::TextUnformatted("the researcher");
        }
        if (layout_.progress() < 1.0f && !layout_.converged()) ImGui::ProgressBar(layout_.progress(), {-1, 0}, "layout");
        for (const std::string& w : slice_.warnings) ImGui::TextDisabled("note: %s", w.c_str());
        if (ImGui::Button("Fit view")) fit_view();
        ImGui::SameLine();
        if (ImGui::Checkbox("Labels", &show_labels_)) labels_dirty_ = true;
        ImGui::SameLine();
        if (ImGui::Checkbox("Edge direction", &show_arrows_)) visual_dirty_ = true;

        // 5. selection (above the long works list, so it is seen) ---------------------------
        if (selected_ != kNoNode) {
            section("Selected");
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(g.node_label[selected_].c_str());
            ImGui::PopTextWrapPos();
            ImGui::TextDisabled("%s, %u connections", g.node_type[selected_].c_str(),
                                adj_offsets_[selected_ + 1] - adj_offsets_[selected_]);
        }

        // 4. works ------------------------------------------------------------------------------
        std::vector<std::uint32_t> works;
        for (std::uint32_t i = 0; i < g.node_count(); ++i)
            if (g.kind[i] == NodeKind::Work) works.push_back(i);
        std::stable_sort(works.begin(), works.end(), [&](std::uint32_t a, std::uint32_t b) {
            return attr_int(g.node_attrs[a], "year", 0) > attr_int(g.node_attrs[b], "year", 0);
        });
        section("Published work");
        ImGui::TextDisabled("%zu published item(s)", works.size());
        for (std::uint32_t i : works) {
            const nlohmann::json& a = g.node_attrs[i];
            ImGui::PushID(static_cast<int>(i));
            const std::string meta = attr_string(a, "kind") + "  " + attr_string(a, "year") + "  " + attr_string(a, "venue");
            ImGui::TextDisabled("%s", meta.c_str());
            // Titles wrap, so a wrapped text that answers clicks instead of a Selectable.
            if (selected_ == i) ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(theme::kind_color(NodeKind::Work)));
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(g.node_label[i].c_str());
            ImGui::PopTextWrapPos();
            if (selected_ == i) ImGui::PopStyleColor();
            if (ImGui::IsItemClicked()) focus_node(i);
            if (ImGui::IsItemHovered()) hovered_ = i;
            ImGui::PopID();
            ImGui::Spacing();
        }
    }
    ImGui::End();
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
