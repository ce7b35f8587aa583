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

#include "core/filter.h"

#include "view/panel_util.h"
#include "view/style.h"

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

// The node shape and colour as drawn in the graph, for legends.
void shape_swatch(NodeShape shape, std::uint32_t color) {
    const float s = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 c{p.x + s * 0.5f, p.y + s * 0.5f};
    const float r = s * 0.36f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    switch (shape) {
    case NodeShape::RoundedSquare: dl->AddRectFilled({c.x - r * 0.89f, c.y - r * 0.89f}, {c.x + r * 0.89f, c.y + r * 0.89f}, color, r * 0.3f); break;
    case NodeShape::Diamond: dl->AddQuadFilled({c.x, c.y - r * 1.25f}, {c.x + r * 1.25f, c.y}, {c.x, c.y + r * 1.25f}, {c.x - r * 1.25f, c.y}, color); break;
    case NodeShape::Hexagon: dl->AddNgonFilled(c, r * 1.05f, color, 6); break;
    default: dl->AddCircleFilled(c, r, color, 20); break;
    }
    ImGui::Dummy({s, s});
    ImGui::SameLine();
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
    // Docked left, full height; its right edge drags to resize (the graph takes the rest).
    ImGui::SetNextWindowSize({panel_width_, vp->Size.y}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSizeConstraints({260.0f, vp->Size.y}, {std::max(260.0f, vp->Size.x * 0.6f), vp->Size.y});
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Profile", nullptr, flags);
    panel_width_ = ImGui::GetWindowWidth(); // the graph area follows from the next frame
    if (status_ != AppStatus::Ready) {
        ImGui::TextDisabled("Researcher profile");
        ImGui::TextUnformatted(status_ == AppStatus::Building ? "Loading..." : "No graph loaded");
        ImGui::End();
        return;
    }
    if (ImGui::BeginTabBar("panels")) {
        const bool profile_open = ImGui::BeginTabItem("Profile");
        note_ui_box("tab:Profile");
        if (profile_open) {
            ImGui::BeginChild("profile_scroll");
            draw_profile_tab();
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        const bool explore_open = ImGui::BeginTabItem("Explore");
        note_ui_box("tab:Explore");
        if (explore_open) {
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
    // Every text of the card also goes to profile_lines_ (state_json's "profileCard"), so
    // a test can check what is on screen, not what the slice holds.
    auto shown = [&](std::string text) -> const char* {
        profile_lines_.push_back(std::move(text));
        return profile_lines_.back().c_str();
    };
    char line[160];

    // 2. profile card ---------------------------------------------------------------------------
    ImGui::TextDisabled("%s", shown("Researcher profile"));
    if (p.name.empty() && slice_.focus == kNoNode) {
        // A plain graph (no profile, no focal researcher): no card of made-up fields.
        ImGui::TextUnformatted(shown("This slice has no researcher profile."));
    } else {
        if (font_large_) ImGui::PushFont(font_large_);
        ImGui::TextUnformatted(shown(p.name.empty() ? "Unnamed researcher" : p.name));
        if (font_large_) ImGui::PopFont();
        if (!p.headline.empty()) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(shown(p.headline));
            ImGui::PopTextWrapPos();
        }
        ImGui::Spacing();
        ImGui::TextDisabled("%s", shown("Researcher"));
        ImGui::SameLine();
        if (p.affiliation && !p.affiliation->empty())
            ImGui::TextUnformatted(shown(*p.affiliation));
        else
            ImGui::TextDisabled("%s", shown("\xC2\xB7 Affiliation not imported"));
        if (p.open_to_collaborate) pill(shown("Open to collaborate"), theme_.ok_text);

        section(shown("Trust snapshot"));
        if (p.trust_score >= 0) {
            std::snprintf(line, sizeof line, "Trust %d \xC2\xB7 %s", p.trust_score, p.trust_band.c_str());
            ImGui::TextUnformatted(shown(line));
        }
        if (!p.verification.empty()) {
            ImGui::SameLine(0.0f, 18.0f);
            ImGui::TextUnformatted(shown("Verification " + p.verification));
        }
        ImGui::TextUnformatted(shown(p.claimed ? "Claimed author" : "Unclaimed author"));
        if (ImGui::BeginTable("counts", 4, ImGuiTableFlags_SizingStretchProp)) {
            const std::pair<const char*, int> counts[] = {
                {"works", p.works}, {"followers", p.followers}, {"topics", p.topics}, {"close collab.", p.close_collaborators}};
            for (const auto& [label, value] : counts) {
                count_cell(label, value);
                shown((value >= 0 ? std::to_string(value) : std::string("-")) + " " + label);
            }
            ImGui::EndTable();
        }

        // The profile page's actions: the host performs them, the viewer only asks.
        const nlohmann::json focus_id = slice_.focus != kNoNode ? nlohmann::json(g.node_id[slice_.focus]) : nlohmann::json();
        char follow[64];
        std::snprintf(follow, sizeof follow, "Follow researcher  %d", std::max(p.followers, 0));
        if (ImGui::Button(shown(follow))) emit("action", {{"action", "follow"}, {"id", focus_id}});
        note_action_box("follow");
        ImGui::SameLine();
        if (ImGui::Button(shown(p.claimed ? "Open a conversation" : "Log in to claim")))
            emit("action", {{"action", p.claimed ? "connect" : "claim"}, {"id", focus_id}});
        note_action_box(p.claimed ? "connect" : "claim");
        if (!p.claimed) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", shown("Claiming links this public author record to a researcher profile. Claim this "
                                            "author entity first to unlock direct invitations."));
            ImGui::PopTextWrapPos();
        }
    } // the card

    // 4. works ------------------------------------------------------------------------------
    std::vector<std::uint32_t> works;
    for (std::uint32_t i = 0; i < g.node_count(); ++i)
        if (g.kind[i] == NodeKind::Work) works.push_back(i);
    std::stable_sort(works.begin(), works.end(), [&](std::uint32_t a, std::uint32_t b) {
        const int ya = attr_int(g.node_attrs[a], "year", 0), yb = attr_int(g.node_attrs[b], "year", 0);
        return works_newest_first_ ? ya > yb : ya < yb;
    });
    works_shown_ = works;
    section(shown("Published work"));
    std::snprintf(line, sizeof line, "%zu published item(s)", works.size());
    ImGui::TextDisabled("%s", shown(line));
    ImGui::SameLine();
    if (ImGui::SmallButton(works_newest_first_ ? "Newest first \xE2\x96\xBC" : "Oldest first \xE2\x96\xB2"))
        works_newest_first_ = !works_newest_first_;
    note_ui_box("worksSort");
    for (std::uint32_t i : works) {
        const nlohmann::json& a = g.node_attrs[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string meta = join_nonempty({attr_string(a, "kind"), attr_string(a, "year"), attr_string(a, "venue")}, "  ");
        ImGui::TextDisabled("%s", meta.c_str());
        // Titles wrap, so a wrapped text that answers clicks instead of a Selectable.
        if (selected_ == i) ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(theme_.kind_color(NodeKind::Work)));
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
        const std::string kind_name = node_kind_name(kind);
        auto& hidden = filter_.types_hidden;
        bool shown = std::find(hidden.begin(), hidden.end(), kind_name) == hidden.end();
        if (ImGui::Checkbox("##shown", &shown)) {
            if (shown)
                hidden.erase(std::remove(hidden.begin(), hidden.end(), kind_name), hidden.end());
            else
                hidden.push_back(kind_name);
            visibility_dirty_ = true;
        }
        note_ui_box("legend:" + kind_name);
        ImGui::SameLine();
        shape_swatch(kind_shape(kind), color_mode_ == ColorMode::Type ? theme_.kind_color(kind) : theme_.undated);
        ImGui::Text("%zu %s%s", n, node_kind_name(kind), n == 1 ? "" : "s");
        ImGui::PopID();
    }
    if (slice_.focus != kNoNode) {
        ImGui::Dummy({ImGui::GetFrameHeight(), 1.0f});
        ImGui::SameLine();
        shape_swatch(NodeShape::Circle, theme_.focus);
        ImGui::TextUnformatted("the researcher");
    }
    if (!layout_.converged()) ImGui::ProgressBar(layout_.progress(), {-1, 0}, "laying out");
    for (const std::string& w : slice_.warnings) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("note: %s", w.c_str());
        ImGui::PopTextWrapPos();
    }

    section("Find");
    draw_search();

    section("Colour and size");
    int color = static_cast<int>(color_mode_);
    ImGui::TextUnformatted("Colour by");
    ImGui::SameLine();
    bool color_changed = ImGui::RadioButton("type", &color, 0);
    ImGui::SameLine();
    color_changed |= ImGui::RadioButton("community", &color, 1);
    ImGui::SameLine();
    color_changed |= ImGui::RadioButton("year", &color, 2);
    if (color_changed) {
        color_mode_ = static_cast<ColorMode>(color);
        visual_dirty_ = true;
    }
    if (color_mode_ == ColorMode::Community) {
        ensure_communities();
        ImGui::TextDisabled("%u communities (Louvain), modularity %.2f", communities_.count, communities_.modularity);
        for (std::uint32_t c = 0; c < std::min<std::uint32_t>(communities_.count, 12); ++c) {
            if (c % 6) ImGui::SameLine();
            shape_swatch(NodeShape::Circle, community_color(static_cast<int>(c)));
            ImGui::Text("%u", communities_.sizes[c]);
        }
    } else if (color_mode_ == ColorMode::Year && has_years_) {
        // The ramp as a legend, oldest left, like VOSviewer's overlay view.
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x, h = 10.0f;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (int i = 0; i < 64; ++i) {
            const float t0 = static_cast<float>(i) / 64.0f, t1 = static_cast<float>(i + 1) / 64.0f;
            dl->AddRectFilled({p0.x + w * t0, p0.y}, {p0.x + w * t1 + 1.0f, p0.y + h}, viridis(t0));
        }
        ImGui::Dummy({w, h});
        ImGui::Text("%d", min_year_);
        ImGui::SameLine(std::max(w - 30.0f, 40.0f));
        ImGui::Text("%d", max_year_);
    }
    int size = static_cast<int>(size_mode_);
    ImGui::TextUnformatted("Size by");
    ImGui::SameLine();
    bool size_changed = ImGui::RadioButton("degree", &size, 0);
    ImGui::SameLine();
    size_changed |= ImGui::RadioButton("citations", &size, 1);
    if (size_changed) {
        size_mode_ = static_cast<SizeMode>(size);
        update_radii();
    }

    section("Filter");
    if (has_years_) {
        int from = filter_.has_years ? filter_.year_from : min_year_, to = filter_.has_years ? filter_.year_to : max_year_;
        if (ImGui::DragIntRange2("years", &from, &to, 0.1f, min_year_, max_year_, "%d", "%d")) {
            filter_.has_years = from != min_year_ || to != max_year_;
            filter_.year_from = std::min(from, to);
            filter_.year_to = std::max(from, to);
            visibility_dirty_ = true;
        }
    }
    {
        const Graph& gr = slice_.graph;
        bool any_topic = false;
        for (std::uint32_t i = 0; i < gr.node_count(); ++i) {
            if (gr.kind[i] != NodeKind::Topic) continue;
            if (!any_topic) ImGui::TextDisabled("works about (none ticked: all)");
            any_topic = true;
            auto& topics = filter_.topics;
            bool on = std::find(topics.begin(), topics.end(), gr.node_id[i]) != topics.end();
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Checkbox(gr.node_label[i].c_str(), &on)) {
                if (on)
                    topics.push_back(gr.node_id[i]);
                else
                    topics.erase(std::remove(topics.begin(), topics.end(), gr.node_id[i]), topics.end());
                visibility_dirty_ = true;
            }
            ImGui::PopID();
        }
    }
    if (filter_.active()) {
        ImGui::Text("%zu of %zu nodes shown", static_cast<std::size_t>(std::count(visible_.begin(), visible_.end(), std::uint8_t{1})),
                    g.node_count());
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear filters")) {
            filter_ = Filter{};
            visibility_dirty_ = true;
        }
    }

    section("View");
    if (history_.can_undo()) {
        if (ImGui::Button("Undo expand")) undo_merge();
        ImGui::SameLine();
    }
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
    if (begin_card("##compact", {area_x_ + 10.0f, area_y_ + 10.0f}, {0.0f, 0.0f}, {10.0f, 8.0f}, 6.0f, 0.92f)) {
        const Graph& g = slice_.graph;
        ImGui::Text("%zu works \xC2\xB7 %zu people \xC2\xB7 %zu topics", g.count_kind(NodeKind::Work),
                    g.count_kind(NodeKind::Person), g.count_kind(NodeKind::Topic));
        if (ImGui::Button("Open full explorer"))
            emit("action", {{"action", "open-explorer"},
                            {"id", slice_.focus != kNoNode ? nlohmann::json(g.node_id[slice_.focus]) : nlohmann::json()}});
        note_action_box("open-explorer");
        ImGui::SameLine();
        if (ImGui::Button("Fit")) fit_view();
    }
    ImGui::End();
}

} // namespace rgv

namespace rgv {

void App::note_action_box(const char* action, std::uint32_t node) {
    if (!ImGui::IsItemVisible()) return; // scrolled away: not clickable
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const Graph& g = slice_.graph;
    if (node == kNoNode) node = slice_.focus;
    action_boxes_.push_back({{"action", action},
                             {"id", node != kNoNode ? nlohmann::json(g.node_id[node]) : nlohmann::json()},
                             {"box", {a.x, a.y, b.x, b.y}}});
}

void App::note_ui_box(const std::string& name) {
    if (!ImGui::IsItemVisible()) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ui_boxes_[name] = {a.x, a.y, b.x, b.y};
}

// Fuzzy search over the labels: results as you type, Enter focuses the best one.
void App::draw_search() {
    const Graph& g = slice_.graph;
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = ImGui::InputTextWithHint("##search", "Search people, works, topics...", search_text_,
                                                sizeof search_text_, ImGuiInputTextFlags_EnterReturnsTrue);
    note_ui_box("search");
    if (ImGui::IsItemEdited()) search_hits_ = search_index_.search(search_text_, 12);
    if (enter && !search_hits_.empty()) focus_node(search_hits_.front().index);
    if (search_text_[0] != 0 && search_hits_.empty()) ImGui::TextDisabled("No match");
    for (const SearchHit& hit : search_hits_) {
        if (hit.index >= g.node_count()) continue;
        ImGui::PushID(static_cast<int>(hit.index));
        shape_swatch(kind_shape(g.kind[hit.index]), theme_.kind_color(g.kind[hit.index]));
        if (ImGui::Selectable(g.node_label[hit.index].c_str(), selected_ == hit.index)) focus_node(hit.index);
        if (ImGui::IsItemHovered()) hovered_ = hit.index;
        ImGui::PopID();
    }
}

} // namespace rgv
