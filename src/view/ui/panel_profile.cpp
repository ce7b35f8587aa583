// panel_profile.cpp — the side panel and its Profile tab: the researcher's card as on the
// profile page (name, headline, affiliation, trust, verification, counts, actions), the
// works (sortable by year: type, year, venue, title, abstract, link), topics and close
// collaborators, ranked. The Explore tab is panel_explore.cpp, the selected node's
// details panel_details.cpp: one panel, one file, like Tracy's View_*.cpp.
#include "view/ui/app.h"
#include "view/ui/text_font.h"

#include "view/ui/panel_util.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace rgv {
namespace {

bool adjacent(const ViewModel& vm, std::uint32_t a, std::uint32_t b) {
    const Scene& sc = vm.scene();
    for (std::uint32_t k = sc.neighbors_begin(a); k < sc.neighbors_end(a); ++k)
        if (sc.neighbor(k) == b) return true;
    return false;
}

using GraphCounts = App::GraphCounts;

// What the graph itself holds about the focal researcher, whatever the profile says.
GraphCounts count_in_graph(const ViewModel& vm) {
    const Graph& g = vm.slice().graph;
    const std::uint32_t focus = vm.slice().focus;
    GraphCounts c;
    for (std::uint32_t i = 0; i < g.node_count(); ++i) {
        if (g.kind[i] == NodeKind::Work) {
            ++c.works;
            if (focus != kNoNode && adjacent(vm, i, focus)) ++c.own_works;
        }
        if (g.kind[i] == NodeKind::Topic) ++c.topics;
    }
    // Close collaborators: the co-author edges of the focus, else the people on its works.
    if (focus != kNoNode) {
        std::vector<char> seen(g.node_count(), 0);
        for (std::size_t e = 0; e < g.edge_count(); ++e)
            if (g.edge_type[e] == "coauthor" && (g.edge_source[e] == focus || g.edge_target[e] == focus)) {
                const std::uint32_t other = g.edge_source[e] == focus ? g.edge_target[e] : g.edge_source[e];
                c.collaborators += !seen[other];
                seen[other] = 1;
            }
        if (c.collaborators == 0) {
            const Scene& sc = vm.scene();
            for (std::uint32_t k = sc.neighbors_begin(focus); k < sc.neighbors_end(focus); ++k) {
                const std::uint32_t w = sc.neighbor(k);
                if (g.kind[w] != NodeKind::Work) continue;
                for (std::uint32_t j = sc.neighbors_begin(w); j < sc.neighbors_end(w); ++j) {
                    const std::uint32_t person = sc.neighbor(j);
                    if (person == focus || g.kind[person] != NodeKind::Person || seen[person]) continue;
                    seen[person] = 1;
                    ++c.collaborators;
                }
            }
        }
    }
    return c;
}

// The source's count of the focus's works on a topic (an "about" edge's "works"), or 0.
float source_topic_count(const ViewModel& vm, std::uint32_t topic) {
    const Graph& g = vm.slice().graph;
    const std::uint32_t focus = vm.slice().focus;
    if (focus == kNoNode) return 0.0f;
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        if ((g.edge_source[e] != focus || g.edge_target[e] != topic) && (g.edge_source[e] != topic || g.edge_target[e] != focus))
            continue;
        if (const auto n = attr::number(g.edge_attrs[e], "works")) return static_cast<float>(*n);
    }
    return 0.0f;
}

} // namespace

// Counted once per graph revision (an expansion adds works), not every frame.
const App::GraphCounts& App::graph_counts() {
    if (graph_counts_stamp_.changed({vm_.revisions().graph})) graph_counts_ = count_in_graph(vm_);
    return graph_counts_;
}

// [SECTION] the side panel
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
    if (vm_.status() != AppStatus::Ready) {
        ImGui::TextDisabled("%s", t(Str::ProfileHeading));
        if (vm_.status() == AppStatus::Building) {
            ImGui::TextUnformatted(t(Str::ProfileLoading));
        } else {
            ImGui::TextUnformatted(t(Str::ProfileNoGraph));
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", t(Str::ProfileOpenHint));
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
        return;
    }
    // Finger-high tabs with a finger for a pointer (a tablet, a phone on its side).
    const bool touch = vm_.options().coarse_pointer;
    if (touch) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {16.0f, (44.0f - text_size(TextSize::Regular)) * 0.5f});
    if (ImGui::BeginTabBar("panels")) {
        // "###": the tab's id stays when its word changes (a new language keeps the tab open).
        const bool profile_open = ImGui::BeginTabItem((strings().get(Str::TabProfile) + "###profile").c_str());
        note_ui_box("tab:Profile");
        if (profile_open) {
            push_touch_style(); // a tablet's finger gets 44 px targets here too
            ImGui::BeginChild("profile_scroll");
            draw_profile_tab();
            touch_scroll();
            ImGui::EndChild();
            pop_touch_style();
            ImGui::EndTabItem();
        }
        const bool explore_open = ImGui::BeginTabItem((strings().get(Str::TabExplore) + "###explore").c_str());
        note_ui_box("tab:Explore");
        if (explore_open) {
            push_touch_style();
            ImGui::BeginChild("explore_scroll");
            draw_explore_tab();
            touch_scroll();
            ImGui::EndChild();
            pop_touch_style();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    if (touch) ImGui::PopStyleVar();
    ImGui::End();
}

// [SECTION] profile card, works, topics, collaborators
void App::draw_profile_tab() {
    const Profile& p = vm_.slice().profile;
    const Graph& g = vm_.slice().graph;
    // Every text of the card also goes to vm_.ui().profile_lines (state_json's "profileCard"), so
    // a test can check what is on screen, not what the slice holds.
    auto shown = [&](std::string text) -> const char* {
        vm_.ui().profile_lines.push_back(std::move(text));
        return txc(vm_.ui().profile_lines.back()); // drawn shaped; reported as the text it is
    };

    // [SECTION] profile card
    const UiStrings& s = strings();
    ImGui::TextDisabled("%s", shown(s.get(Str::ProfileHeading)));
    if (p.name.empty() && vm_.slice().focus == kNoNode) {
        // A plain graph (no profile, no focal researcher): no card of made-up fields.
        ImGui::TextUnformatted(shown(s.get(Str::ProfileNone)));
    } else {
        push_font(TextSize::Large);
        ImGui::TextUnformatted(shown(p.name.empty() ? s.get(Str::ProfileUnnamed) : p.name));
        ImGui::PopFont();
        if (!p.headline.empty()) {
            shown(p.headline);
            text_wrapped(p.headline); // lines broken on the logical text, right-aligned if right to left
        }
        ImGui::Spacing();
        ImGui::TextDisabled("%s", shown(s.get(Str::ProfileRole)));
        ImGui::SameLine();
        if (p.affiliation && !p.affiliation->empty()) {
            ImGui::PushTextWrapPos(0.0f); // a long name wraps under "Researcher"
            ImGui::TextUnformatted(shown(*p.affiliation));
            ImGui::PopTextWrapPos();
        }
        else
            ImGui::TextDisabled("%s", shown(s.get(Str::ProfileNoAffiliation))); // the profile page's words
        if (p.open_to_collaborate) pill(shown(s.get(Str::ProfileOpenToCollaborate)), theme().ok_text);

        section(shown(s.get(Str::ProfileTrustHeading)));
        if (p.trust_score >= 0) {
            ImGui::TextUnformatted(
                shown(s.format(Str::ProfileTrust, {{"score", s.number(p.trust_score)}, {"band", p.trust_band}})));
        }
        if (!p.verification.empty()) {
            ImGui::SameLine(0.0f, 18.0f);
            ImGui::TextUnformatted(shown(s.format(Str::ProfileVerification, {{"status", p.verification}})));
        }
        ImGui::TextUnformatted(shown(s.get(p.claimed ? Str::ProfileClaimed : Str::ProfileUnclaimed)));
        // The card's counts are the profile's (the host's, or the source's: "works in
        // OpenAlex"); what the source does not count is counted in this graph. What the
        // graph holds is said on its own line, so the two never read as one figure.
        const GraphCounts& in_graph = graph_counts();
        if (ImGui::BeginTable("counts", 4, ImGuiTableFlags_SizingStretchProp)) {
            const int works_n = p.works >= 0 ? p.works : in_graph.own_works;
            const int topics_n = p.topics >= 0 ? p.topics : in_graph.topics;
            const int collab_n = p.close_collaborators >= 0 ? p.close_collaborators : in_graph.collaborators;
            const std::pair<std::string, int> counts[] = {
                {p.works >= 0 && !p.counts_source.empty()
                     ? s.count(Str::ProfileWorksInOne, works_n, {{"source", p.counts_source}})
                     : s.word(Str::ProfileWorksOne, works_n),
                 works_n},
                {s.word(Str::ProfileFollowersOne, p.followers), p.followers},
                {s.word(Str::ProfileTopicsOne, topics_n), topics_n},
                {s.word(Str::ProfileCollaboratorsOne, collab_n), collab_n}};
            for (const auto& [label, value] : counts) {
                count_cell(txc(label), value >= 0 ? s.number(value).c_str() : nullptr);
                shown((value >= 0 ? s.number(value) : std::string("-")) + " " + label);
            }
            ImGui::EndTable();
        }
        if (vm_.slice().focus != kNoNode) {
            std::string graph_line =
                s.count(Str::ProfileInGraphOne, in_graph.own_works, {{"name", g.node_label[vm_.slice().focus]}});
            if (in_graph.works != in_graph.own_works)
                graph_line = s.format(Str::ProfileInGraphAll, {{"line", graph_line}, {"n", s.number(in_graph.works)}});
            ImGui::TextDisabled("%s", shown(graph_line));
        }

        // The profile page's actions: the host performs them, the viewer only asks.
        const nlohmann::json focus_id = vm_.slice().focus != kNoNode ? nlohmann::json(g.node_id[vm_.slice().focus]) : nlohmann::json();
        if (ImGui::Button(shown(s.format(Str::ProfileFollow, {{"n", s.number(std::max(p.followers, 0))}})))) vm_.emit("action", {{"action", "follow"}, {"id", focus_id}});
        note_action_box("follow");
        const Str second = p.claimed ? Str::ProfileConnect : Str::ProfileClaim;
        same_line_if_fits(button_width(t(second)));
        if (ImGui::Button(shown(s.get(second))))
            vm_.emit("action", {{"action", p.claimed ? "connect" : "claim"}, {"id", focus_id}});
        note_action_box(p.claimed ? "connect" : "claim");
        if (!p.claimed) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", shown(s.get(Str::ProfileClaimNote)));
            ImGui::PopTextWrapPos();
        }
    } // the card

    // [SECTION] works
    // The researcher's own works (authored by the focus); all of them for a graph without a
    // focus, or when the user asks for the rest of a works list.
    const std::uint32_t focus = vm_.slice().focus;
    const GraphCounts& in_graph = graph_counts();
    const bool own_only = focus != kNoNode && !vm_.ui().works_all;
    std::vector<std::uint32_t> works;
    for (std::uint32_t i = 0; i < g.node_count(); ++i)
        if (g.kind[i] == NodeKind::Work && (!own_only || adjacent(vm_, i, focus))) works.push_back(i);
    std::stable_sort(works.begin(), works.end(), [&](std::uint32_t a, std::uint32_t b) {
        const int ya = attr::work_year(g.node_attrs[a]).value_or(0), yb = attr::work_year(g.node_attrs[b]).value_or(0);
        return vm_.ui().works_newest_first ? ya > yb : ya < yb;
    });
    vm_.ui().works_shown = works;
    section(shown(s.get(Str::WorksHeading)));
    if (focus != kNoNode && p.focus_inferred) {
        // A works list (a search) names no researcher: who the card is about was guessed.
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", shown(s.count(Str::WorksInferredOne, in_graph.works,
                                                {{"name", g.node_label[focus]}, {"own", s.number(in_graph.own_works)}})));
        ImGui::PopTextWrapPos();
    }
    ImGui::TextDisabled("%s", shown(own_only ? s.count(Str::WorksOwnOne, in_graph.own_works)
                                             : s.count(Str::WorksAllOne, in_graph.works)));
    const std::string sort = s.get(vm_.ui().works_newest_first ? Str::WorksNewestFirst : Str::WorksOldestFirst) + "###sort";
    same_line_if_fits(button_width(sort.c_str()));
    if (small_button(sort.c_str()))
        vm_.ui().works_newest_first = !vm_.ui().works_newest_first;
    note_ui_box("worksSort");
    if (focus != kNoNode && in_graph.works > in_graph.own_works) {
        const std::string more = vm_.ui().works_all ? s.format(Str::WorksOnlyOwn, {{"name", g.node_label[focus]}})
                                                    : s.format(Str::WorksShowAll, {{"n", s.number(in_graph.works)}});
        if (small_button(txc_fit(more, ImGui::GetContentRegionAvail().x))) vm_.ui().works_all = !vm_.ui().works_all;
        note_ui_box("worksAll");
    }
    for (std::uint32_t i : works) {
        const nlohmann::json& a = g.node_attrs[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string meta = work_meta(a, "  ");
        ImGui::TextDisabled("%s", txc_fit(meta, ImGui::GetContentRegionAvail().x)); // one line, cut with "…"
        // Titles wrap, so a wrapped text that answers clicks instead of a Selectable.
        if (vm_.selected() == i) ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(theme().kind_color(NodeKind::Work)));
        node_link(i, plain_text(g.node_label[i]));
        if (vm_.selected() == i) ImGui::PopStyleColor();
        const std::string abstract = attr_shown(a, attr::kAbstract);
        if (!abstract.empty() && ImGui::TreeNodeEx("abstract", tree_flags(0), "%s", t(Str::Abstract))) {
            text_wrapped(abstract);
            ImGui::TreePop();
        }
        link_button(attr::text(a, attr::kUrl));
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
            for (std::uint32_t k = vm_.scene().neighbors_begin(i); k < vm_.scene().neighbors_end(i); ++k) n += g.kind[vm_.scene().neighbor(k)] == NodeKind::Work;
            // An author object's topics come with the source's count of works and no works
            // in the graph: that count, not 0.
            if (n == 0) n = source_topic_count(vm_, i);
            topics.push_back({i, n});
        }
    }
    if (vm_.slice().focus != kNoNode) {
        for (std::size_t e = 0; e < g.edge_count(); ++e) {
            if (g.edge_type[e] != "coauthor") continue;
            const std::uint32_t a = g.edge_source[e], b = g.edge_target[e];
            if (a == vm_.slice().focus || b == vm_.slice().focus) people.push_back({a == vm_.slice().focus ? b : a, g.edge_weight[e]});
        }
    }
    auto by_count = [&](const Ranked& a, const Ranked& b) {
        return a.count != b.count ? a.count > b.count : g.node_label[a.node] < g.node_label[b.node];
    };
    std::sort(topics.begin(), topics.end(), by_count);
    std::sort(people.begin(), people.end(), by_count);
    if (!topics.empty()) {
        section(t(Str::TopicsHeading));
        for (const Ranked& r : topics) {
            ImGui::PushID(static_cast<int>(r.node));
            ImGui::Text("%3.0f", static_cast<double>(r.count));
            ImGui::SameLine();
            neighbor_link(r.node);
            ImGui::PopID();
        }
    }
    if (!people.empty()) {
        section(t(Str::CollaboratorsHeading));
        ImGui::TextDisabled("%s", t(Str::CollaboratorsNote));
        for (const Ranked& r : people) {
            ImGui::PushID(static_cast<int>(r.node));
            ImGui::Text("%3.0f", static_cast<double>(r.count));
            ImGui::SameLine();
            neighbor_link(r.node);
            ImGui::PopID();
        }
    }
}

} // namespace rgv
