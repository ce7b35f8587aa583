// app.cpp — see app.h.
//
// Index
//   1. GL and fonts
//   2. loading          begin / load / fail; the previous graph survives a failed load
//   3. per-frame update input, layout time slice, camera follow, panels
//   4. graph input      hover (through the quadtree), click select, drag-pin, pan, zoom
//   5. drawing          instances for the GL renderer, labels without overlap, overlays
//   6. state report     JSON for the browser tests and the JS API
#include "view/app.h"

#include "core/importers.h"
#include "core/label_placement.h"
#include "view/gl.h"
#include "view/panel_util.h"
#include "view/style.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <unordered_map>

namespace rgv {

namespace {
constexpr float kFitMargin = 48.0f;     // logical px kept free around the graph
constexpr double kLayoutBudgetMs = 8.0; // per frame, so the UI never stalls
constexpr float kLabelMaxChars = 42.0f;

// Labels longer than this are cut with an ellipsis (work titles can be very long).
std::string short_label(const std::string& s, std::size_t max_chars) {
    if (s.size() <= max_chars) return s;
    std::size_t cut = max_chars;
    // Don't cut inside a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "\xE2\x80\xA6";
}
} // namespace

// 1. GL and fonts --------------------------------------------------------------------------
bool App::init_gl(std::string& error) { return renderer_.init(error); }

void App::shutdown_gl() { renderer_.shutdown(); }

void App::set_font(const unsigned char* data, std::size_t size) {
    font_data_.assign(data, data + size);
    font_scale_ = 0.0f;
}

bool App::prepare_fonts(float framebuffer_scale) {
    const float scale = std::clamp(framebuffer_scale, 1.0f, 4.0f);
    if (font_scale_ == scale) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    font_regular_ = font_large_ = font_small_ = nullptr;
    if (font_data_.empty()) {
        io.Fonts->AddFontDefault();
        io.FontGlobalScale = 1.0f;
    } else {
        // Latin, Latin Extended, Greek and Cyrillic; anything else shows imgui's '?'
        // fallback glyph rather than garbage.
        static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x024F, 0x0370, 0x03FF,
                                          0x0400, 0x052F, 0x2000, 0x206F, 0x2190, 0x21FF,
                                          0x25A0, 0x25FF, 0};
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false; // App keeps the bytes
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        auto* data = font_data_.data();
        const int size = static_cast<int>(font_data_.size());
        // Rasterise at size * scale and draw at 1/scale: one texel per device pixel.
        font_regular_ = io.Fonts->AddFontFromMemoryTTF(data, size, 15.0f * scale, &cfg, kRanges);
        font_small_ = io.Fonts->AddFontFromMemoryTTF(data, size, 12.5f * scale, &cfg, kRanges);
        font_large_ = io.Fonts->AddFontFromMemoryTTF(data, size, 22.0f * scale, &cfg, kRanges);
        io.FontGlobalScale = 1.0f / scale;
    }
    io.Fonts->Build();
    font_scale_ = scale;
    labels_dirty_ = true; // label sizes change with the font
    return true;
}

// 2. loading --------------------------------------------------------------------------------
void App::begin_loading(std::string source) {
    source_ = std::move(source);
    if (status_ != AppStatus::Ready) status_ = AppStatus::Building;
    download_ = Download{};
    download_.active = !source_.empty(); // "" is the start-up state: nothing is fetched yet
}

void App::begin_expand(std::string anchor_id) {
    expanding_ = std::move(anchor_id);
    download_ = Download{};
    download_.active = download_.expand = true;
}

void App::loading_progress(double bytes, double total) {
    if (!download_.active) return; // a late chunk after the load finished or failed
    download_.bytes = std::max(bytes, 0.0);
    download_.total = total > 0.0 && std::isfinite(total) ? total : 0.0;
    const nlohmann::json value = download_.total > 0.0 ? nlohmann::json(std::min(download_.bytes / download_.total, 1.0))
                                                       : nlohmann::json();
    emit("progress", {{"phase", download_.expand ? "expand" : "download"}, {"value", value}, {"bytes", download_.bytes},
                      {"total", download_.total > 0.0 ? nlohmann::json(download_.total) : nlohmann::json()}});
}

bool App::load_json(std::string_view text, std::string source) {
    Slice loaded;
    // Any format the importers know (own slice, node-link, JGF, Cytoscape, graphology,
    // VOSviewer, OpenAlex, Semantic Scholar), detected from the content.
    const ImportResult result = import_graph(text, loaded);
    download_.active = false;
    if (!result.ok) {
        fail_loading(source + ": " + result.error);
        return false;
    }
    source_ = std::move(source);
    format_ = format_name(result.detected);
    error_.clear();
    adopt_slice(std::move(loaded));
    emit("load", {{"nodes", slice_.graph.node_count()}, {"edges", slice_.graph.edge_count()}, {"format", format_},
                  {"warnings", slice_.warnings}});
    return true;
}

void App::fail_loading(std::string message) {
    error_ = std::move(message);
    download_.active = false;
    expanding_.clear();
    emit("error", {{"message", error_}});
    if (status_ == AppStatus::Building) status_ = slice_.graph.node_count() ? AppStatus::Ready : AppStatus::Empty;
}

void App::adopt_slice(Slice&& slice) {
    slice_ = std::move(slice);
    status_ = AppStatus::Ready;
    hovered_ = selected_ = dragged_ = kNoNode;
    dragging_node_ = panning_ = false;
    auto_fit_ = true;
    animating_ = false;
    filter_ = Filter{};
    history_.clear();
    expanding_.clear();
    rebuild_derived();

    Graph& g = slice_.graph;
    LayoutParams params;
    params.link_distance = 42.0f;
    params.charge = -60.0f;
    // Nodes are drawn as shapes of radius_: keep them from overlapping (d3's forceCollide).
    params.node_radius = radius_;
    params.collide_padding = 2.0f;
    layout_.reset(g, params);
    if (slice_.focus != kNoNode && !g.has_position[slice_.focus]) layout_.pin(slice_.focus, 0.0f, 0.0f);
}

// Everything the App derives from the graph; after a load, a merge or an undo.
void App::rebuild_derived() {
    Graph& g = slice_.graph;
    g.adjacency(adj_offsets_, adj_targets_, &adj_edges_);
    update_radii();

    // Label priority: the focal researcher, then by degree, then by index (stable).
    const auto degree = g.degrees();
    label_order_.resize(g.node_count());
    std::iota(label_order_.begin(), label_order_.end(), 0u);
    std::stable_sort(label_order_.begin(), label_order_.end(), [&](std::uint32_t a, std::uint32_t b) {
        if ((a == slice_.focus) != (b == slice_.focus)) return a == slice_.focus;
        return degree[a] > degree[b];
    });

    // Parallel edges (same two nodes, either direction) bend apart: the k-th of n gets a
    // curvature symmetric around 0, signed by direction so A->B and B->A differ.
    edge_curvature_.assign(g.edge_count(), 0.0f);
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_pair;
    for (std::uint32_t e = 0; e < g.edge_count(); ++e) {
        const std::uint32_t a = std::min(g.edge_source[e], g.edge_target[e]);
        const std::uint32_t b = std::max(g.edge_source[e], g.edge_target[e]);
        by_pair[(std::uint64_t{a} << 32) | b].push_back(e);
    }
    for (const auto& [pair, edges] : by_pair) {
        if (edges.size() < 2) continue;
        const float n = static_cast<float>(edges.size());
        for (std::size_t k = 0; k < edges.size(); ++k) {
            const std::uint32_t e = edges[k];
            const float sign = g.edge_source[e] <= g.edge_target[e] ? 1.0f : -1.0f;
            edge_curvature_[e] = sign * 0.22f * (static_cast<float>(k) - (n - 1.0f) * 0.5f);
        }
    }

    has_years_ = slice_year_range(slice_, min_year_, max_year_);
    search_index_.build(g.node_label);
    search_hits_.clear();
    communities_ready_ = false;
    visible_.assign(g.node_count(), 1);
    if (selected_ >= g.node_count()) selected_ = kNoNode;
    if (hovered_ >= g.node_count()) hovered_ = kNoNode;
    // The labels placed for the previous graph name its node indices: a state() asked for
    // before the next frame must not read them against this one.
    placed_labels_.clear();
    label_cache_.clear(); // the texts may have changed with the graph
    visual_dirty_ = labels_dirty_ = visibility_dirty_ = pick_index_dirty_ = true;
}

// Node size: by degree (capped, so a hub that links to everything in an ego slice stays a
// node and not a blob over its neighbours), or by citation count where the data has it.
void App::update_radii() {
    const Graph& g = slice_.graph;
    const auto degree = g.degrees();
    radius_.resize(g.node_count());
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        const float base = g.kind[i] == NodeKind::Work ? 5.0f : g.kind[i] == NodeKind::Person ? 4.0f : 5.5f;
        float measure = static_cast<float>(std::min<std::uint32_t>(degree[i], 40));
        if (size_mode_ == SizeMode::Citations) {
            const nlohmann::json& a = g.node_attrs[i];
            float cites = 0.0f;
            for (const char* key : {"cited_by_count", "citation_count", "citationCount", "citations"})
                if (auto it = a.find(key); it != a.end() && it->is_number()) cites = std::max(cites, it->get<float>());
            measure = std::min(std::sqrt(std::max(cites, 0.0f)), 40.0f);
        }
        radius_[i] = base + 1.1f * std::sqrt(measure);
    }
    if (slice_.focus != kNoNode) radius_[slice_.focus] = std::max(radius_[slice_.focus], 12.0f);
    if (layout_.graph() == &g) layout_.params().node_radius = radius_;
    visual_dirty_ = labels_dirty_ = pick_index_dirty_ = true;
}

void App::ensure_communities() {
    if (communities_ready_) return;
    communities_ = detect_communities(slice_.graph);
    communities_ready_ = true;
}

std::uint32_t App::node_fill(std::uint32_t i) {
    const Graph& g = slice_.graph;
    if (i == slice_.focus) return theme_.focus;
    switch (color_mode_) {
    case ColorMode::Community:
        ensure_communities();
        return community_color(static_cast<int>(communities_.community[i]));
    case ColorMode::Year: {
        int year = 0;
        if (has_years_ && node_year(g, i, year)) return year_color(year, min_year_, max_year_);
        return theme_.undated; // undated: neutral, so the ramp reads clearly
    }
    default: return theme_.kind_color(g.kind[i]);
    }
}

bool App::set_filter_json(const nlohmann::json& filter, std::string& error) {
    Filter parsed;
    const FilterParseResult r = filter_from_json(filter.dump(), parsed);
    if (!r.ok) {
        error = r.error;
        return false;
    }
    filter_ = std::move(parsed);
    visibility_dirty_ = true;
    return true;
}

bool App::merge_json(std::string_view text, std::string source, std::string_view anchor_id) {
    Slice other;
    const ImportResult result = import_graph(text, other);
    expanding_.clear();
    download_.active = false;
    if (!result.ok) {
        fail_loading(source + ": " + result.error);
        return false;
    }
    const std::uint32_t anchor = slice_.graph.find(anchor_id);
    const MergeResult merged = history_.merge(slice_, other, anchor != kNoNode ? anchor : slice_.focus);
    for (const std::string& w : merged.warnings) slice_.warnings.push_back(source + ": " + w);
    rebuild_derived();
    layout_.params().node_radius = radius_;
    // The layout picks the new nodes up on its next step, next to what they attach to;
    // the rest keep their places.
    layout_.reheat(0.5f);
    error_.clear();
    emit("load", {{"nodes", slice_.graph.node_count()}, {"edges", slice_.graph.edge_count()}, {"format", format_},
                  {"merged", {{"nodesAdded", merged.nodes_added}, {"edgesAdded", merged.edges_added}}}});
    return true;
}

bool App::undo_merge() {
    Graph& g = slice_.graph;
    if (!history_.undo(slice_)) return false;
    // Laid-out nodes keep where they are when the layout restarts.
    std::fill(g.has_position.begin(), g.has_position.end(), std::uint8_t{1});
    rebuild_derived();
    LayoutParams params = layout_.params();
    params.node_radius = radius_;
    layout_.reset(g, params);
    emit("load", {{"nodes", g.node_count()}, {"edges", g.edge_count()}, {"format", format_}, {"undo", true}});
    return true;
}

// 3. per-frame update ----------------------------------------------------------------------
void App::update(float width, float height) {
    ++frames_;
    if (styled_revision_ != theme_revision_) {
        apply_imgui_style(theme_);
        styled_revision_ = theme_revision_;
    }
    const ImGuiIO& io = ImGui::GetIO();
    fb_scale_ = io.DisplayFramebufferScale.x > 0.0f ? io.DisplayFramebufferScale.x : 1.0f;

    // The panel takes the left side when there is room; a narrow embed gets the whole
    // width for the graph.
    const bool show_panel = mode_ == Mode::Explorer && width >= 720.0f;
    area_x_ = show_panel ? std::min(panel_width_, width - 200.0f) : 0.0f;
    area_y_ = 0.0f;
    area_w_ = std::max(width - area_x_, 1.0f);
    area_h_ = std::max(height, 1.0f);
    camera_.set_viewport(area_w_, area_h_);

    if (status_ == AppStatus::Ready && !layout_.converged()) {
        if (layout_.run_for(kLayoutBudgetMs) > 0) pick_index_dirty_ = visual_dirty_ = labels_dirty_ = true;
    }
    if (status_ == AppStatus::Ready && auto_fit_ && !animating_) {
        float x0, y0, x1, y1;
        graph_bounds(x0, y0, x1, y1);
        camera_.fit(x0, y0, x1, y1, kFitMargin);
    }
    animate_camera(io.DeltaTime);

    if (status_ == AppStatus::Ready) {
        update_visibility();
        handle_graph_input();
    }
    action_boxes_ = nlohmann::json::array();
    ui_boxes_ = nlohmann::json::object();
    profile_lines_.clear();
    if (show_panel)
        draw_side_panel();
    else if (status_ == AppStatus::Ready)
        draw_compact_overlay();
    if (status_ == AppStatus::Ready && mode_ == Mode::Explorer) draw_details_panel();
    if (status_ == AppStatus::Ready) draw_labels();
    draw_status_overlay();
    draw_progress_pill();
}

void App::graph_bounds(float& x0, float& y0, float& x1, float& y1) const {
    const Graph& g = slice_.graph;
    x0 = y0 = INFINITY;
    x1 = y1 = -INFINITY;
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        x0 = std::min(x0, g.x[i] - radius_[i]);
        y0 = std::min(y0, g.y[i] - radius_[i]);
        x1 = std::max(x1, g.x[i] + radius_[i]);
        y1 = std::max(y1, g.y[i] + radius_[i]);
    }
    if (g.node_count() == 0) x0 = y0 = x1 = y1 = 0.0f;
}

void App::fit_view() {
    float x0, y0, x1, y1;
    graph_bounds(x0, y0, x1, y1);
    Camera target = camera_;
    target.fit(x0, y0, x1, y1, kFitMargin);
    target_cx_ = target.center_x;
    target_cy_ = target.center_y;
    target_zoom_ = target.zoom;
    animating_ = true;
    auto_fit_ = true; // keep following the layout once there
}

void App::focus_node(std::uint32_t node) {
    const Graph& g = slice_.graph;
    if (node >= g.node_count()) return;
    selected_ = node;
    visual_dirty_ = true;
    target_cx_ = g.x[node];
    target_cy_ = g.y[node];
    // Close enough to read the neighbourhood: the node about 18 px across at least.
    target_zoom_ = std::max(camera_.zoom, 18.0f / std::max(radius_[node], 1.0f));
    animating_ = true;
    auto_fit_ = false;
}

void App::animate_camera(float dt) {
    if (!animating_) return;
    // Exponential ease: about 90% of the way in 0.25 s, whatever the frame rate.
    const float k = 1.0f - std::exp(-9.0f * std::clamp(dt, 0.0f, 0.1f));
    camera_.center_x += (target_cx_ - camera_.center_x) * k;
    camera_.center_y += (target_cy_ - camera_.center_y) * k;
    camera_.zoom *= std::pow(target_zoom_ / camera_.zoom, k); // zoom eases in log space
    const float dx = (target_cx_ - camera_.center_x) * camera_.zoom, dy = (target_cy_ - camera_.center_y) * camera_.zoom;
    if (std::abs(dx) < 0.25f && std::abs(dy) < 0.25f && std::abs(target_zoom_ / camera_.zoom - 1.0f) < 1e-3f) {
        camera_.center_x = target_cx_;
        camera_.center_y = target_cy_;
        camera_.zoom = target_zoom_;
        animating_ = false;
    }
}

void App::touch(std::int64_t finger, float x, float y, TouchPhase phase) {
    auto it = std::find_if(fingers_.begin(), fingers_.end(), [&](const Finger& f) { return f.id == finger; });
    if (phase == TouchPhase::Up) {
        if (it != fingers_.end()) fingers_.erase(it);
        return;
    }
    if (it == fingers_.end()) {
        fingers_.push_back({finger, x, y});
        if (fingers_.size() == 2) {
            // A second finger turns a one-finger pan or node drag into a pinch.
            panning_ = dragging_node_ = false;
            dragged_ = kNoNode;
        }
        return;
    }
    if (fingers_.size() >= 2 && (it - fingers_.begin()) < 2) {
        const Finger a = fingers_[0], b = fingers_[1];
        Finger& moved = *it;
        const float old_mid_x = (a.x + b.x) * 0.5f, old_mid_y = (a.y + b.y) * 0.5f;
        const float old_dist = std::hypot(a.x - b.x, a.y - b.y);
        moved.x = x;
        moved.y = y;
        const Finger na = fingers_[0], nb = fingers_[1];
        const float mid_x = (na.x + nb.x) * 0.5f, mid_y = (na.y + nb.y) * 0.5f;
        const float dist = std::hypot(na.x - nb.x, na.y - nb.y);
        camera_.pan_pixels(mid_x - old_mid_x, mid_y - old_mid_y);
        if (old_dist > 4.0f && dist > 4.0f)
            camera_.zoom_at({mid_x - area_x_, mid_y - area_y_}, dist / old_dist);
        auto_fit_ = animating_ = false;
        return;
    }
    it->x = x;
    it->y = y;
}

// 4. graph input ---------------------------------------------------------------------------
void App::update_visibility() {
    if (!visibility_dirty_) return;
    visibility_dirty_ = false;
    visible_ = visible(slice_, filter_);
    if (selected_ != kNoNode && !visible_[selected_]) selected_ = kNoNode;
    pick_index_dirty_ = visual_dirty_ = labels_dirty_ = true;
}

void App::update_pick_index() {
    if (!pick_index_dirty_) return;
    const Graph& g = slice_.graph;
    // Only visible nodes can be picked: index them alone, remembering who is who.
    pick_nodes_.clear();
    std::vector<float> px, py, pr;
    for (std::uint32_t i = 0; i < g.node_count(); ++i) {
        if (!visible_[i]) continue;
        pick_nodes_.push_back(i);
        px.push_back(g.x[i]);
        py.push_back(g.y[i]);
        pr.push_back(radius_[i]);
    }
    pick_index_.build(px.data(), py.data(), px.size(), nullptr, pr.data());
    pick_index_dirty_ = false;
}

void App::handle_graph_input() {
    const ImGuiIO& io = ImGui::GetIO();
    const Vec2 mouse{io.MousePos.x - area_x_, io.MousePos.y - area_y_};
    const bool in_area = mouse.x >= 0 && mouse.y >= 0 && mouse.x < area_w_ && mouse.y < area_h_;
    const bool ui_has_mouse = io.WantCaptureMouse && !dragging_node_ && !panning_;
    const bool pinching = fingers_.size() >= 2; // the synthesised mouse must not pan too

    // Hover: the node under the cursor (within 4 px of its disc), through the quadtree.
    hovered_ = kNoNode;
    if (in_area && !ui_has_mouse && ImGui::IsMousePosValid()) {
        update_pick_index();
        const Vec2 w = camera_.screen_to_world(mouse);
        const std::uint32_t k = pick_index_.nearest(w.x, w.y, 4.0f / camera_.zoom);
        hovered_ = k < pick_nodes_.size() ? pick_nodes_[k] : kNoNode;
    }
    if (dragging_node_) hovered_ = dragged_;
    // Nodes passing under the cursor while the view is dragged are not hovered: no
    // highlight flickering over the moving graph (and no veil to draw on every frame).
    if (panning_) hovered_ = kNoNode;

    // Press: on a node starts a node drag, elsewhere a pan.
    const bool double_clicked = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) || double_click_;
    double_click_ = false;
    if (double_clicked && in_area && !ui_has_mouse && hovered_ != kNoNode) {
        focus_node(hovered_);
    } else if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && in_area && !ui_has_mouse && !pinching) {
        if (hovered_ != kNoNode) {
            dragged_ = hovered_;
            dragging_node_ = true;
            const Vec2 w = camera_.screen_to_world(mouse);
            drag_offset_ = {slice_.graph.x[dragged_] - w.x, slice_.graph.y[dragged_] - w.y};
        } else {
            panning_ = true;
            pan_from_ = mouse;
        }
    }
    if (dragging_node_ && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
        const Vec2 w = camera_.screen_to_world(mouse);
        layout_.pin(dragged_, w.x + drag_offset_.x, w.y + drag_offset_.y);
        layout_.reheat(0.3f);
        pick_index_dirty_ = visual_dirty_ = labels_dirty_ = true;
        auto_fit_ = animating_ = false;
    }
    // Not io.MouseDelta: a fast move and a press in the same frame would pan by the move.
    if (panning_ && ImGui::IsMouseDown(ImGuiMouseButton_Left) && ImGui::IsMousePosValid() &&
        (mouse.x != pan_from_.x || mouse.y != pan_from_.y)) {
        camera_.pan_pixels(mouse.x - pan_from_.x, mouse.y - pan_from_.y);
        pan_from_ = mouse;
        auto_fit_ = animating_ = false;
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        // A press and release without a drag is a click: select (or clear on empty space).
        const bool was_click = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 3.0f).x == 0.0f &&
                               ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 3.0f).y == 0.0f;
        if (was_click && (dragging_node_ || panning_)) selected_ = dragging_node_ ? dragged_ : kNoNode;
        dragging_node_ = panning_ = false;
        dragged_ = kNoNode;
    }

    if (in_area && !ui_has_mouse && io.MouseWheel != 0.0f) {
        camera_.zoom_at(mouse, std::pow(1.15f, io.MouseWheel));
        auto_fit_ = animating_ = false;
    }
}

bool App::is_neighbor_of(std::uint32_t node, std::uint32_t other) const {
    for (std::uint32_t k = adj_offsets_[node]; k < adj_offsets_[node + 1]; ++k)
        if (adj_targets_[k] == other) return true;
    return false;
}

// 5. drawing -------------------------------------------------------------------------------
// One edge into a layer: straight or curved (parallel edges bend apart), and its
// arrowhead when arrows are on and it is directed.
void App::add_edge(GraphLayer& layer, std::uint32_t e, std::uint32_t color, float width) const {
    const Graph& g = slice_.graph;
    const std::uint32_t s = g.edge_source[e], t = g.edge_target[e];
    const EdgeInstance inst{g.x[s], g.y[s], g.x[t], g.y[t], color, width, edge_curvature_[e], radius_[s], radius_[t]};
    (inst.curvature != 0.0f ? layer.curved : layer.straight).push_back(inst);
    if (show_arrows_ && g.edge_directed[e]) layer.arrows.push_back(inst);
}

// One node into a layer; a marked one (hovered or selected) gets the dark, wider ring.
void App::add_node(GraphLayer& layer, std::uint32_t i, std::uint32_t fill, bool marked) const {
    const Graph& g = slice_.graph;
    layer.nodes.push_back({g.x[i], g.y[i], radius_[i], fill, marked ? theme_.ring_selected : theme_.ring,
                           marked ? 2.5f : 1.5f, static_cast<float>(kind_shape(g.kind[i]))});
}

// The whole visible graph, as it looks with nothing highlighted. Rebuilt when positions,
// visibility, colours or sizes change (visual_dirty_), never for a hover.
void App::build_base_layer() {
    const Graph& g = slice_.graph;
    GraphLayer& layer = base_layer_;
    layer.clear();
    layer.straight.reserve(g.edge_count());
    for (std::uint32_t e = 0; e < g.edge_count(); ++e) {
        if (!visible_[g.edge_source[e]] || !visible_[g.edge_target[e]]) continue;
        const float weight = std::isfinite(g.edge_weight[e]) ? g.edge_weight[e] : 1.0f;
        add_edge(layer, e, theme_.edge, 1.0f + 0.35f * std::clamp(weight - 1.0f, 0.0f, 6.0f));
    }
    layer.nodes.reserve(g.node_count());
    for (std::uint32_t i = 0; i < g.node_count(); ++i)
        if (visible_[i]) add_node(layer, i, node_fill(i), false);
}

// The highlight over the veil: the focus (hovered, else selected) node, its neighbours
// and the edges between them, and the selected node's ring even when the hovered one is
// elsewhere (its fill stays under the veil then, faded like the rest). O(degree).
void App::build_top_layer() {
    const Graph& g = slice_.graph;
    GraphLayer& layer = top_layer_;
    layer.clear();
    const std::uint32_t focus_node = hovered_ != kNoNode ? hovered_ : selected_;
    if (focus_node == kNoNode || focus_node >= g.node_count() || !visible_[focus_node]) return;
    auto marked = [&](std::uint32_t i) { return i == selected_ || i == hovered_; };
    for (std::uint32_t k = adj_offsets_[focus_node]; k < adj_offsets_[focus_node + 1]; ++k) {
        const std::uint32_t other = adj_targets_[k];
        if (!visible_[other]) continue;
        add_edge(layer, adj_edges_[k], theme_.highlight, 1.8f);
        if (other != focus_node) add_node(layer, other, node_fill(other), marked(other));
    }
    add_node(layer, focus_node, node_fill(focus_node), true);
    if (selected_ != kNoNode && selected_ != focus_node && visible_[selected_] && !is_neighbor_of(focus_node, selected_))
        add_node(layer, selected_, fade(node_fill(selected_), 0.0f), true);
}

std::uint32_t App::veil_color() const {
    const bool highlight = (hovered_ != kNoNode && visible_[hovered_]) || (selected_ != kNoNode && visible_[selected_]);
    return highlight ? theme_.veil : 0u;
}

// The graph area in framebuffer pixels, GL style: {x, y, w, h}, origin bottom-left (the
// area is kept top-left, in logical px).
void App::graph_rect(int fb_width, int fb_height, int rect[4]) const {
    const int x = static_cast<int>(std::lround(area_x_ * fb_scale_));
    const int w = std::min(static_cast<int>(std::lround(area_w_ * fb_scale_)), fb_width - x);
    const int h = std::min(static_cast<int>(std::lround(area_h_ * fb_scale_)), fb_height);
    const int y = fb_height - h - static_cast<int>(std::lround(area_y_ * fb_scale_));
    rect[0] = x;
    rect[1] = y;
    rect[2] = w;
    rect[3] = h;
}

bool App::graph_changed(int fb_width, int fb_height) const {
    if (status_ != AppStatus::Ready) return graph_drawn_; // it must go
    // The veil follows from the hovered and selected nodes and visibility (visual_dirty_).
    if (!graph_drawn_ || renderer_.unsettled() || visual_dirty_ || top_dirty_ || hovered_ != drawn_hovered_ ||
        selected_ != drawn_selected_)
        return true;
    int r[4];
    graph_rect(fb_width, fb_height, r);
    return !renderer_.repeats_view(camera_, r[0], r[1], r[2], r[3]);
}

void App::render_graph(int fb_width, int fb_height) {
    ++frames_drawn_;
    graph_drawn_ = status_ == AppStatus::Ready;
    if (!graph_drawn_) return;
    if (hovered_ != drawn_hovered_ || selected_ != drawn_selected_) top_dirty_ = true;
    const bool base_changed = visual_dirty_;
    if (base_changed) {
        build_base_layer();
        visual_dirty_ = false;
        top_dirty_ = true; // the highlight shows the same positions and colours
    }
    const bool top_changed = top_dirty_;
    if (top_changed) {
        build_top_layer();
        drawn_hovered_ = hovered_;
        drawn_selected_ = selected_;
        top_dirty_ = false;
    }
    int r[4];
    graph_rect(fb_width, fb_height, r);
    renderer_.draw(camera_, base_layer_, base_changed, top_layer_, top_changed, veil_color(), r[0], r[1], r[2], r[3], true);
}

void App::draw_labels() {
    const Graph& g = slice_.graph;
    if (!show_labels_) {
        placed_labels_.clear();
        return;
    }
    ImFont* font = font_small_ ? font_small_ : ImGui::GetFont();
    const float font_size = font->FontSize * ImGui::GetIO().FontGlobalScale;

    // Placement only changes when the nodes, the camera or the highlight do.
    const bool camera_moved = camera_.center_x != labels_camera_.center_x || camera_.center_y != labels_camera_.center_y ||
                              camera_.zoom != labels_camera_.zoom || camera_.viewport_w != labels_camera_.viewport_w ||
                              camera_.viewport_h != labels_camera_.viewport_h;
    if (labels_dirty_ || camera_moved || hovered_ != labels_hovered_ || selected_ != labels_selected_) {
        labels_dirty_ = false;
        labels_camera_ = camera_;
        labels_hovered_ = hovered_;
        labels_selected_ = selected_;

        // Nodes on screen are obstacles; tiny ones (far zoomed out) are not worth the cost.
        std::vector<LabelBox> obstacles;
        for (std::uint32_t i = 0; i < g.node_count(); ++i) {
            const float r = radius_[i] * camera_.zoom;
            if (r < 2.0f || !visible_[i]) continue;
            const Vec2 s = camera_.world_to_screen({g.x[i], g.y[i]});
            if (s.x + r < 0 || s.y + r < 0 || s.x - r > area_w_ || s.y - r > area_h_) continue;
            obstacles.push_back({s.x - r, s.y - r, s.x + r, s.y + r, i});
        }
        // Candidates in priority order: always-shown ones first, then by label_order_. The
        // short text and its size are measured once per node and font (label_cache_): a
        // moving camera re-places up to 2,000 labels every frame on a big graph.
        if (label_cache_font_ != font || label_cache_size_ != font_size || label_cache_.size() != g.node_count()) {
            label_cache_.assign(g.node_count(), CachedLabel{});
            label_cache_font_ = font;
            label_cache_size_ = font_size;
        }
        std::vector<LabelCandidate> candidates;
        std::vector<std::string> always_texts; // the always-shown ones get more characters
        always_texts.reserve(3);               // (texts points into it)
        std::vector<const std::string*> texts; // per candidate
        auto add = [&](std::uint32_t i, bool always) {
            if (!visible_[i]) return;
            const Vec2 s = camera_.world_to_screen({g.x[i], g.y[i]});
            const float r = radius_[i] * camera_.zoom;
            if (s.x + r < 0 || s.y + r < 0 || s.x - r > area_w_ || s.y - r > area_h_) return; // off screen
            ImVec2 size;
            if (always) {
                always_texts.push_back(short_label(g.node_label[i], 90));
                size = font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, always_texts.back().c_str());
                texts.push_back(&always_texts.back());
            } else {
                CachedLabel& c = label_cache_[i];
                if (c.width < 0.0f) {
                    c.text = short_label(g.node_label[i], static_cast<std::size_t>(kLabelMaxChars));
                    const ImVec2 measured = font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, c.text.c_str());
                    c.width = measured.x;
                    c.height = measured.y;
                }
                size = {c.width, c.height};
                texts.push_back(&c.text);
            }
            candidates.push_back({i, s.x, s.y, std::max(r, 1.5f), size.x + 6.0f, size.y + 4.0f, always});
        };
        for (std::uint32_t i : {slice_.focus, selected_, hovered_})
            if (i != kNoNode) add(i, true);
        // A cap keeps the cost bounded on huge graphs; the most important come first.
        const std::size_t cap = std::min<std::size_t>(label_order_.size(), 2000);
        for (std::size_t k = 0; k < cap; ++k) {
            const std::uint32_t i = label_order_[k];
            if (i == slice_.focus || i == selected_ || i == hovered_) continue;
            add(i, false);
        }
        const auto boxes = place_labels(candidates, obstacles, {0.0f, 0.0f, area_w_, area_h_}, 3.0f, 48.0f);
        placed_labels_.clear();
        std::size_t k = 0;
        for (const LabelBox& b : boxes) {
            while (candidates[k].node != b.node) ++k; // boxes come in candidate order
            placed_labels_.push_back({b.node, area_x_ + b.x0, area_y_ + b.y0, area_x_ + b.x1, area_y_ + b.y1, *texts[k]});
        }
    }

    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    dl->PushClipRect({area_x_, area_y_}, {area_x_ + area_w_, area_y_ + area_h_}, true);
    const std::uint32_t focus_node = hovered_ != kNoNode ? hovered_ : selected_;
    for (const PlacedLabel& l : placed_labels_) {
        const bool dim = focus_node != kNoNode && l.node != focus_node && !is_neighbor_of(focus_node, l.node);
        const float alpha = dim ? 0.35f : 1.0f;
        dl->AddRectFilled({l.x0, l.y0}, {l.x1, l.y1}, fade(theme_.label_box, alpha), 3.0f);
        const ImU32 text_color = l.node == slice_.focus ? theme_.label_focus_text : theme_.text;
        dl->AddText(font, font_size, {l.x0 + 3.0f, l.y0 + 2.0f}, fade(text_color, alpha), l.text.c_str());
    }
    dl->PopClipRect();
}

void App::draw_status_overlay() {
    if (status_ == AppStatus::Ready && error_.empty() && slice_.graph.node_count() > 0) return;
    // In the middle of the graph area; a failed load on top of a good graph is a banner at
    // its top instead, so the graph stays usable.
    const bool banner = status_ == AppStatus::Ready && !error_.empty();
    const ImVec2 pos{area_x_ + area_w_ * 0.5f, banner ? area_y_ + 12.0f : area_y_ + area_h_ * 0.5f};
    if (begin_card("##status", pos, {0.5f, banner ? 0.0f : 0.5f}, ImGui::GetStyle().WindowPadding, 8.0f, 0.95f)) {
        if (!error_.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme_.error_text);
            ImGui::TextUnformatted("Could not load the graph slice");
            ImGui::PopStyleColor();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 520.0f);
            ImGui::TextUnformatted(error_.c_str());
            ImGui::PopTextWrapPos();
            if (status_ == AppStatus::Ready) ImGui::TextDisabled("Still showing the last graph that loaded.");
        } else if (status_ == AppStatus::Building || status_ == AppStatus::Empty) {
            if (font_large_) ImGui::PushFont(font_large_);
            ImGui::TextUnformatted("Building this graph slice");
            if (font_large_) ImGui::PopFont();
            const char* detail = "Loading the nearby papers, people, topics and institutions.";
            ImGui::TextDisabled("%s", detail);
            if (download_.active) {
                const Loading l = loading();
                const float width = ImGui::CalcTextSize(detail).x;
                ImGui::Spacing();
                progress_bar(l.fraction, width);
                ImGui::TextUnformatted(l.text.c_str());
                if (l.fraction >= 0.0) {
                    char percent[16];
                    std::snprintf(percent, sizeof percent, "%.0f%%", l.fraction * 100.0);
                    ImGui::SameLine(ImGui::GetCursorPosX() + width - ImGui::CalcTextSize(percent).x);
                    ImGui::TextDisabled("%s", percent);
                }
            }
        } else {
            ImGui::TextUnformatted("This graph slice is empty.");
        }
    }
    ImGui::End();
}

// While a graph is on screen: what is still going on (an expansion or a new slice
// downloading, the layout settling), as a small pill at the bottom of the graph area.
void App::draw_progress_pill() {
    if (status_ != AppStatus::Ready || slice_.graph.node_count() == 0) return;
    const Loading l = loading();
    if (std::strcmp(l.phase, "idle") == 0) return;
    ImGui::SetNextWindowSize({260.0f, 0.0f});
    if (begin_card("##progress", {area_x_ + area_w_ * 0.5f, area_y_ + area_h_ - 14.0f}, {0.5f, 1.0f}, {12.0f, 8.0f}, 8.0f,
                   0.92f, ImGuiWindowFlags_NoInputs)) {
        if (font_small_) ImGui::PushFont(font_small_);
        ImGui::TextUnformatted(l.text.c_str());
        if (font_small_) ImGui::PopFont();
        progress_bar(l.fraction, 0.0f, 4.0f);
    }
    ImGui::End();
}

App::Loading App::loading() const {
    Loading l;
    if (download_.active) {
        l.phase = download_.expand ? "expand" : "download";
        l.bytes = download_.bytes;
        l.text = download_.expand ? "Expanding" : "Downloading";
        if (download_.expand) {
            const std::uint32_t anchor = slice_.graph.find(expanding_);
            if (anchor != kNoNode) l.text += " " + short_label(slice_.graph.node_label[anchor], 24);
            l.text += ":";
        }
        if (download_.total > 0.0) {
            l.total = download_.total;
            l.fraction = std::min(download_.bytes / download_.total, 1.0);
            l.text += " " + format_bytes(download_.bytes) + " of " + format_bytes(download_.total);
        } else if (download_.bytes > 0.0) {
            l.text += " " + format_bytes(download_.bytes);
        } else {
            l.text += download_.expand ? " connecting..." : " - connecting...";
        }
    } else if (status_ == AppStatus::Ready && slice_.graph.node_count() > 0 && !layout_.converged()) {
        l.phase = "layout";
        l.fraction = layout_.progress();
        char text[32];
        std::snprintf(text, sizeof text, "Laying out %.0f%%", l.fraction * 100.0);
        l.text = text;
    }
    return l;
}

// The state report's "loading": {phase, fraction, bytes, total, text}, fraction and total
// null when unknown.
nlohmann::json App::loading_json() const {
    const Loading l = loading();
    return {{"phase", l.phase},
            {"fraction", l.fraction >= 0.0 ? nlohmann::json(l.fraction) : nlohmann::json()},
            {"bytes", l.bytes},
            {"total", l.total > 0.0 ? nlohmann::json(l.total) : nlohmann::json()},
            {"text", l.text}};
}

// 6. state report --------------------------------------------------------------------------
std::string App::state_json() const {
    const Graph& g = slice_.graph;
    nlohmann::json j;
    j["status"] = status_ == AppStatus::Ready ? "ready" : status_ == AppStatus::Building ? "building" : "empty";
    j["error"] = error_;
    j["source"] = source_;
    j["format"] = format_;
    j["warnings"] = slice_.warnings;
    j["frames"] = frames_;
    j["framesDrawn"] = frames_drawn_; // the others looked the same as the last: not drawn
    j["graphDraws"] = renderer_.base_passes(); // the whole graph drawn; other frames copy it
    j["nodes"] = g.node_count();
    j["edges"] = g.edge_count();
    nlohmann::json by_type = nlohmann::json::object();
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        auto& count = by_type[g.node_type[i]];
        count = count.is_null() ? 1 : count.get<int>() + 1;
    }
    j["byType"] = by_type;
    j["focus"] = slice_.focus != kNoNode ? nlohmann::json(g.node_id[slice_.focus]) : nlohmann::json();
    j["profileName"] = slice_.profile.name;
    j["hovered"] = hovered_ != kNoNode ? nlohmann::json(g.node_id[hovered_]) : nlohmann::json();
    j["selected"] = selected_ != kNoNode ? nlohmann::json(g.node_id[selected_]) : nlohmann::json();
    j["layout"] = {{"progress", layout_.progress()},
                   {"iterations", layout_.iterations()},
                   {"converged", status_ == AppStatus::Ready && layout_.converged()}};
    j["camera"] = camera_json();
    j["graphArea"] = {area_x_, area_y_, area_w_, area_h_};
    j["pixelRatio"] = fb_scale_;
    j["mode"] = to_string(mode_);
    j["colorMode"] = to_string(color_mode_);
    j["sizeMode"] = to_string(size_mode_);
    j["theme"] = theme_to_json(theme_);
    j["filter"] = nlohmann::json::parse(filter_to_json(filter_), nullptr, false);
    j["visibleNodes"] = std::count(visible_.begin(), visible_.end(), std::uint8_t{1});
    j["communities"] = communities_ready_ ? communities_.count : 0;
    j["canUndo"] = history_.can_undo();
    j["expanding"] = expanding_;
    j["actions"] = action_boxes_;
    nlohmann::json hit_ids = nlohmann::json::array();
    for (const SearchHit& h : search_hits_)
        if (h.index < g.node_count()) hit_ids.push_back(g.node_id[h.index]);
    j["search"] = {{"query", search_text_}, {"hits", search_hits_.size()}, {"ids", std::move(hit_ids)}};
    j["loading"] = loading_json();
    j["ui"] = ui_boxes_;
    nlohmann::json works = nlohmann::json::array();
    for (std::uint32_t w : works_shown_)
        if (w < g.node_count()) works.push_back(g.node_id[w]);
    j["works"] = {{"newestFirst", works_newest_first_}, {"order", std::move(works)}};
    j["profileCard"] = profile_lines_;
    nlohmann::json labels = nlohmann::json::array();
    for (const auto& l : placed_labels_)
        if (l.node < g.node_count()) labels.push_back({{"id", g.node_id[l.node]}, {"box", {l.x0, l.y0, l.x1, l.y1}}});
    j["labels"] = labels;
    // Screen positions (logical px, page-relative to the canvas) so tests can aim the mouse.
    nlohmann::json screen = nlohmann::json::object();
    if (g.node_count() <= 500)
        for (std::size_t i = 0; i < g.node_count(); ++i) {
            const Vec2 s = camera_.world_to_screen({g.x[i], g.y[i]});
            screen[g.node_id[i]] = {area_x_ + s.x, area_y_ + s.y};
        }
    j["screen"] = screen;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace rgv
