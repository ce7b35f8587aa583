// panel_explore.cpp — the side panel's Explore tab: counts and the legend (untick a type to
// hide it), search, colour and size modes, filters by year and topic, view options.
#include "view/ui/app.h"
#include "view/ui/text_font.h"

#include "core/filter.h"

#include "view/ui/panel_util.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace rgv {

namespace {
// One radio button per mode on the line, labelled with the mode's name (view_options.h);
// true when one was clicked (`value` is then the clicked one).
// A mode this slice has no data for gives its reason as a tooltip, and under the line
// while it is the current one (a click, a deep link or the API chose it anyway).
template <typename E> bool mode_radios(E& value, std::initializer_list<E> modes, const Scene& scene, const UiStrings& s) {
    bool clicked = false;
    for (E m : modes) {
        // "###": the mode's name, not its word, is the id (the same in every language).
        const std::string label = s.get(mode_word(m)) + "###" + to_string(m);
        same_line_if_fits(toggle_width(label.c_str()));
        const auto why = scene.no_data_reason(m);
        if (ImGui::RadioButton(label.c_str(), value == m)) {
            value = m;
            clicked = true;
        }
        if (why && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", txc(s.get(*why)));
    }
    if (const auto why = scene.no_data_reason(value)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", txc(s.get(*why)));
        ImGui::PopTextWrapPos();
    }
    return clicked;
}
} // namespace

// [SECTION] legend, colour and size, filters, view
void App::draw_explore_tab() {
    const Graph& g = vm_.slice().graph;
    Scene& scene = vm_.scene();
    const ViewOptions& options = vm_.options();
    // Controls edit a copy of the filter; a change applies at once (visibility follows).
    Filter filter = options.filter;
    bool filter_changed = false;
    // [SECTION] slice counts and legend (click a type to hide or show it)
    const UiStrings& s = strings();
    section(t(Str::ExploreGraph));
    ImGui::TextUnformatted(txc(s.format(Str::ExploreCounts, {{"nodes", s.number(static_cast<long long>(g.node_count()))},
                                                            {"edges", s.number(static_cast<long long>(g.edge_count()))}})));
    if (!vm_.format().empty()) ImGui::TextDisabled("%s", txc(s.format(Str::ExploreFormat, {{"format", vm_.format()}})));
    for (int k = 0; k < static_cast<int>(NodeKind::Count); ++k) {
        const auto kind = static_cast<NodeKind>(k);
        const std::size_t n = g.count_kind(kind);
        if (n == 0) continue;
        ImGui::PushID(k);
        const std::string kind_name = node_kind_name(kind);
        auto& hidden = filter.types_hidden;
        bool shown = std::find(hidden.begin(), hidden.end(), kind_name) == hidden.end();
        if (ImGui::Checkbox("##shown", &shown)) {
            if (shown)
                hidden.erase(std::remove(hidden.begin(), hidden.end(), kind_name), hidden.end());
            else
                hidden.push_back(kind_name);
            filter_changed = true;
        }
        note_ui_box("legend:" + kind_name);
        ImGui::SameLine();
        shape_swatch(kind_shape(kind), options.color_mode == ColorMode::Type ? theme().kind_color(kind) : theme().undated);
        ImGui::TextUnformatted(txc(s.count(Str::KindCountOne, static_cast<long long>(n),
                                           {{"kind", s.word(kind_word(kind), static_cast<long long>(n))}})));
        ImGui::PopID();
    }
    if (vm_.slice().focus != kNoNode) {
        ImGui::Dummy({ImGui::GetFrameHeight(), 1.0f});
        ImGui::SameLine();
        shape_swatch(NodeShape::Circle, theme().focus);
        ImGui::TextUnformatted(t(Str::TheResearcher));
    }
    if (!vm_.layout().converged()) ImGui::ProgressBar(vm_.layout().progress(), {-1, 0}, t(Str::ExploreLayingOut));
    for (const std::string& w : vm_.slice().warnings) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", txc(s.format(Str::ExploreNote, {{"text", w}})));
        ImGui::PopTextWrapPos();
    }

    section(t(Str::ExploreFind));
    draw_search();

    section(t(Str::ExploreColourAndSize));
    ImGui::TextUnformatted(t(Str::ExploreColourBy));
    ColorMode color = options.color_mode;
    if (mode_radios(color, {ColorMode::Type, ColorMode::Community, ColorMode::Year}, scene, s)) vm_.set_color_mode(color);
    if (options.color_mode == ColorMode::Community) {
        const Communities& communities = scene.communities(g);
        ImGui::TextDisabled("%s", txc(s.format(Str::ExploreCommunities, {{"n", s.number(static_cast<long long>(communities.count))},
                                                                          {"q", s.number(communities.modularity, 2)}})));
        for (std::uint32_t c = 0; c < std::min<std::uint32_t>(communities.count, 12); ++c) {
            if (c % 6) ImGui::SameLine();
            shape_swatch(NodeShape::Circle, community_color(static_cast<int>(c)));
            ImGui::TextUnformatted(txc(s.number(static_cast<long long>(communities.sizes[c]))));
        }
    } else if (options.color_mode == ColorMode::Year && scene.has_years()) {
        // The ramp as a legend, oldest left, like VOSviewer's overlay view.
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x, h = 10.0f;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (int i = 0; i < 64; ++i) {
            const float t0 = static_cast<float>(i) / 64.0f, t1 = static_cast<float>(i + 1) / 64.0f;
            dl->AddRectFilled({p0.x + w * t0, p0.y}, {p0.x + w * t1 + 1.0f, p0.y + h}, viridis(t0));
        }
        ImGui::Dummy({w, h});
        ImGui::Text("%d", scene.min_year());
        // The newest year flush right, measured: a fixed offset clipped it at larger text sizes.
        char newest[16];
        std::snprintf(newest, sizeof newest, "%d", scene.max_year());
        ImGui::SameLine(std::max(w - ImGui::CalcTextSize(newest).x, ImGui::GetCursorPosX() + 8.0f));
        ImGui::TextUnformatted(newest);
    }
    ImGui::TextUnformatted(t(Str::ExploreSizeBy));
    SizeMode size = options.size_mode;
    if (mode_radios(size, {SizeMode::Degree, SizeMode::Citations}, scene, s)) vm_.set_size_mode(size);

    section(t(Str::ExploreFilter));
    if (scene.has_years()) {
        const int lo = scene.min_year(), hi = scene.max_year();
        int from = filter.has_years ? filter.year_from : lo, to = filter.has_years ? filter.year_to : hi;
        // Typed fields, as in a form: click, type the year, Enter applies (a drag widget took
        // clicks as drags and its digits went to graph navigation). Out-of-range years are
        // clamped to the slice's, and the two ends are swapped when typed the wrong way round.
        const ImGuiStyle& st = ImGui::GetStyle();
        const char* years_word = t(Str::ExploreYears);
        const float label_w = ImGui::CalcTextSize(years_word).x, to_w = ImGui::CalcTextSize(t(Str::ExploreYearsTo)).x;
        const float field_w = std::max(
            (ImGui::GetContentRegionAvail().x - label_w - to_w - 3.0f * st.ItemSpacing.x) * 0.5f, 48.0f);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(years_word);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(field_w);
        bool typed = ImGui::InputInt("##year_from", &from, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue);
        note_ui_box("yearFrom");
        ImGui::SameLine();
        ImGui::TextUnformatted(t(Str::ExploreYearsTo));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(field_w);
        typed |= ImGui::InputInt("##year_to", &to, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue);
        note_ui_box("yearTo");
        if (typed) {
            from = std::clamp(from, lo, hi);
            to = std::clamp(to, lo, hi);
            if (from > to) std::swap(from, to);
            filter.has_years = from != lo || to != hi;
            filter.year_from = from;
            filter.year_to = to;
            filter_changed = true;
        }
        if (filter.has_years) {
            if (small_button(t(Str::ExploreAllYears))) {
                filter.has_years = false;
                filter_changed = true;
            }
        }
    }
    {
        const Graph& gr = vm_.slice().graph;
        bool any_topic = false;
        for (std::uint32_t i = 0; i < gr.node_count(); ++i) {
            if (gr.kind[i] != NodeKind::Topic) continue;
            if (!any_topic) ImGui::TextDisabled("%s", t(Str::ExploreWorksAbout));
            any_topic = true;
            auto& topics = filter.topics;
            bool on = std::find(topics.begin(), topics.end(), gr.node_id[i]) != topics.end();
            ImGui::PushID(static_cast<int>(i));
            const float box = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
            if (ImGui::Checkbox(txc_fit(gr.node_label[i], ImGui::GetContentRegionAvail().x - box), &on)) {
                if (on)
                    topics.push_back(gr.node_id[i]);
                else
                    topics.erase(std::remove(topics.begin(), topics.end(), gr.node_id[i]), topics.end());
                filter_changed = true;
            }
            ImGui::PopID();
        }
    }
    if (filter_changed) vm_.set_filter(filter);
    if (options.filter.active()) {
        ImGui::TextUnformatted(txc(s.format(Str::ExploreShown, {{"n", s.number(static_cast<long long>(scene.visible_count()))},
                                                                {"total", s.number(static_cast<long long>(g.node_count()))}})));
        same_line_if_fits(button_width(t(Str::ExploreClearFilters)));
        if (small_button(t(Str::ExploreClearFilters))) {
            vm_.set_filter(Filter{});
        }
    }

    section(t(Str::ExploreView));
    if (vm_.can_undo()) {
        if (ImGui::Button(t(Str::ExploreUndoExpand))) vm_.undo_merge();
        same_line_if_fits(button_width(t(Str::ExploreFitView)));
    }
    if (ImGui::Button(t(Str::ExploreFitView))) vm_.fit_view();
    bool labels = options.show_labels, arrows = options.show_arrows;
    same_line_if_fits(toggle_width(t(Str::ExploreLabels)));
    if (ImGui::Checkbox(t(Str::ExploreLabels), &labels)) vm_.set_show_labels(labels);
    same_line_if_fits(toggle_width(t(Str::ExploreEdgeDirection)));
    if (ImGui::Checkbox(t(Str::ExploreEdgeDirection), &arrows)) vm_.set_show_arrows(arrows);
}


// [SECTION] search
// Fuzzy search over the labels: results as you type, Enter focuses the best one.
void App::draw_search() {
    const Graph& g = vm_.slice().graph;
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = ImGui::InputTextWithHint("##search", t(Str::SearchPlaceholder), search_text_,
                                                sizeof search_text_, ImGuiInputTextFlags_EnterReturnsTrue);
    note_ui_box("search");
    search_list_shown_ = true;
    if (ImGui::IsItemEdited()) vm_.search(search_text_);
    const std::vector<SearchHit>& hits = vm_.search_hits();
    if (enter && !hits.empty()) vm_.focus_node(hits.front().index);
    if (search_text_[0] != 0 && hits.empty()) ImGui::TextDisabled("%s", t(Str::SearchNoMatch));
    for (const SearchHit& hit : hits) {
        if (hit.index >= g.node_count()) continue;
        ImGui::PushID(static_cast<int>(hit.index));
        shape_swatch(kind_shape(g.kind[hit.index]), theme().kind_color(g.kind[hit.index]), selectable_height());
        // Found through another spelling: say which ("王小明 — matched Wang Xiaoming").
        const std::string& label = g.node_label[hit.index];
        const std::string shown = hit.alt < 0 ? label : strings().format(Str::SearchMatched, {{"label", label}, {"alt", hit.alt_text}});
        // One line each, cut with an ellipsis by the shaped width (ImGui would clip it).
        const float room = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x;
        if (ImGui::Selectable(txc_fit(shown, room), vm_.selected() == hit.index, 0, {0.0f, selectable_height()})) vm_.focus_node(hit.index);
        if (ImGui::IsItemHovered()) vm_.propose_hover(hit.index);
        ImGui::PopID();
    }
}


} // namespace rgv
