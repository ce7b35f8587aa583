// state_report.cpp — see state_report.h.
#include "view/model/state_report.h"

#include <algorithm>

namespace rgv {

nlohmann::json loading_report(const Loading& l) {
    return {{"phase", l.phase},
            {"fraction", l.fraction >= 0.0 ? nlohmann::json(l.fraction) : nlohmann::json()},
            {"bytes", l.bytes},
            {"total", l.total > 0.0 ? nlohmann::json(l.total) : nlohmann::json()},
            {"text", l.text}};
}

nlohmann::json state_report(const ViewModel& vm) {
    const Slice& slice = vm.slice();
    const Graph& g = slice.graph;
    const ViewOptions& o = vm.options();
    const UiReport& ui = vm.ui();
    const Area& area = vm.camera().area();
    auto id_or_null = [&](std::uint32_t i) { return i != kNoNode && i < g.node_count() ? nlohmann::json(g.node_id[i]) : nlohmann::json(); };

    nlohmann::json j;
    j["status"] = to_string(vm.status());
    j["error"] = vm.error();
    j["errorSummary"] = vm.plain_error().summary;
    j["source"] = vm.source();
    j["format"] = vm.format();
    j["warnings"] = slice.warnings;
    j["frames"] = vm.frames();
    j["framesDrawn"] = ui.frames_drawn; // the others looked the same as the last: not drawn
    j["graphDraws"] = ui.graph_draws;   // the whole graph drawn; other frames copy it
    j["gl"] = {{"lost", ui.gl_lost}, {"losses", ui.gl_losses}, {"restores", ui.gl_restores}};
    j["imguiErrors"] = ui.imgui_errors;
    j["nodes"] = g.node_count();
    j["edges"] = g.edge_count();
    nlohmann::json by_type = nlohmann::json::object();
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        auto& count = by_type[g.node_type[i]];
        count = count.is_null() ? 1 : count.get<int>() + 1;
    }
    j["byType"] = std::move(by_type);
    j["focus"] = id_or_null(slice.focus);
    j["profileName"] = slice.profile.name;
    j["hovered"] = id_or_null(vm.hovered());
    j["selected"] = id_or_null(vm.selected());
    j["layout"] = {{"progress", vm.layout().progress()},
                   {"iterations", vm.layout().iterations()},
                   {"converged", vm.ready() && vm.layout().converged()}};
    j["camera"] = vm.camera_json();
    j["graphArea"] = {area.x, area.y, area.w, area.h};
    j["pixelRatio"] = ui.pixel_ratio;
    j["textPx"] = ui.text_px;
    j["mode"] = to_string(o.mode);
    j["colorMode"] = to_string(o.color_mode);
    j["sizeMode"] = to_string(o.size_mode);
    j["theme"] = theme_to_json(o.theme);
    j["lang"] = vm.strings().lang();
    j["coarsePointer"] = o.coarse_pointer;
    j["filter"] = nlohmann::json::parse(filter_to_json(o.filter), nullptr, false);
    j["visibleNodes"] = vm.scene().visible_count();
    // What colour by year and size by citations have to work with: the slice's years (null
    // without any), and per node type the smallest and largest radius (world units) as
    // sized now (the focus, always large, left out).
    const Scene& sc = vm.scene();
    j["yearRange"] = sc.has_years() ? nlohmann::json{sc.min_year(), sc.max_year()} : nlohmann::json();
    nlohmann::json radii = nlohmann::json::object();
    if (sc.radii().size() == g.node_count()) {
        for (std::uint32_t i = 0; i < g.node_count(); ++i) {
            if (i == slice.focus) continue;
            auto& r = radii[g.node_type[i]];
            const float v = sc.radius(i);
            r = r.is_null() ? nlohmann::json{v, v} : nlohmann::json{std::min(r[0].get<float>(), v), std::max(r[1].get<float>(), v)};
        }
    }
    j["radii"] = std::move(radii);
    // The colour and size modes with nothing to show here, each with the reason as told.
    nlohmann::json no_data = nlohmann::json::object();
    for (ColorMode m : {ColorMode::Type, ColorMode::Community, ColorMode::Year})
        if (const auto why = sc.no_data_reason(m)) no_data[to_string(m)] = vm.strings().get(*why);
    for (SizeMode m : {SizeMode::Degree, SizeMode::Citations})
        if (const auto why = sc.no_data_reason(m)) no_data[to_string(m)] = vm.strings().get(*why);
    j["modesWithoutData"] = std::move(no_data);
    j["communities"] = vm.scene().community_count(); // 0 until something asked for them
    j["canUndo"] = vm.can_undo();
    j["expanding"] = vm.expanding();
    j["actions"] = ui.action_boxes;
    nlohmann::json hit_ids = nlohmann::json::array();
    for (const SearchHit& h : vm.search_hits())
        if (h.index < g.node_count()) hit_ids.push_back(g.node_id[h.index]);
    j["search"] = {{"query", vm.search_query()}, {"hits", vm.search_hits().size()}, {"ids", std::move(hit_ids)},
                   {"marked", vm.search_marks().size()}}; // on the graph while the list shows
    j["loading"] = loading_report(vm.loading());
    j["ui"] = ui.ui_boxes;
    // Where the keyboard is: the graph, or a panel's control (Tab took it there) and its box.
    if (!ui.sheet_stop.empty()) j["sheet"] = {{"stop", ui.sheet_stop}, {"tab", ui.sheet_tab}};
    nlohmann::json controls = nlohmann::json::array();
    for (const UiReport::Control& c : ui.controls) controls.push_back({{"label", c.label}, {"box", c.box}});
    j["controls"] = std::move(controls);
    j["keyboard"] = ui.panel_focus ? nlohmann::json{{"on", "panel"}, {"box", ui.focus_box}} : nlohmann::json{{"on", "graph"}};
    nlohmann::json works = nlohmann::json::array();
    for (std::uint32_t w : ui.works_shown)
        if (w < g.node_count()) works.push_back(g.node_id[w]);
    j["works"] = {{"newestFirst", ui.works_newest_first}, {"order", std::move(works)}};
    j["profileCard"] = ui.profile_lines;
    j["detailsCard"] = ui.details_lines;
    nlohmann::json labels = nlohmann::json::array();
    for (const PlacedLabel& l : ui.labels)
        if (l.node < g.node_count()) labels.push_back({{"id", g.node_id[l.node]}, {"box", {l.x0, l.y0, l.x1, l.y1}}, {"text", l.text}, {"short", l.short_form}});
    j["labels"] = std::move(labels);
    // Screen positions (logical px, relative to the canvas) so tests can aim the mouse.
    nlohmann::json screen = nlohmann::json::object();
    if (g.node_count() <= 500) {
        const Camera& cam = vm.camera().camera();
        for (std::size_t i = 0; i < g.node_count(); ++i) {
            const Vec2 s = cam.world_to_screen({g.x[i], g.y[i]});
            screen[g.node_id[i]] = {area.x + s.x, area.y + s.y};
        }
    }
    j["screen"] = std::move(screen);
    return j;
}

} // namespace rgv
