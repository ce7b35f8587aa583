// view_model.cpp — see view_model.h.
#include "view/model/view_model.h"

#include "core/importers.h"
#include "core/svg_export.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace rgv {

namespace {
constexpr float kLongPress = 0.5f; // seconds, as Android's and iOS's long press
} // namespace


namespace {
constexpr double kLayoutBudgetMs = 8.0; // per frame, so the UI never stalls
constexpr std::size_t kSearchHits = 12;   // the list under the search box

nlohmann::json id_or_null(const Graph& g, std::uint32_t i) {
    return i != kNoNode && i < g.node_count() ? nlohmann::json(g.node_id[i]) : nlohmann::json();
}
} // namespace

const char* to_string(AppStatus s) {
    return s == AppStatus::Ready ? "ready" : s == AppStatus::Building ? "building" : "empty";
}

// The host has heard of nothing yet, and nothing is hovered or selected: no events.
ViewModel::ViewModel() {
    told_hover_.seen = {rev_.hover};
    told_selection_.seen = {rev_.selection};
}

// [SECTION] loading
void ViewModel::begin_loading(std::string source) {
    source_ = std::move(source);
    if (status_ != AppStatus::Ready) status_ = AppStatus::Building;
    download_ = Download{};
    download_.active = !source_.empty(); // "" is the start-up state: nothing is fetched yet
}

void ViewModel::begin_expand(std::string anchor_id) {
    expanding_ = std::move(anchor_id);
    download_ = Download{};
    download_.active = download_.expand = true;
}

void ViewModel::loading_progress(double bytes, double total) {
    if (!download_.active) return; // a late chunk after the load finished or failed
    download_.bytes = std::max(bytes, 0.0);
    download_.total = total > 0.0 && std::isfinite(total) ? total : 0.0;
    const nlohmann::json value = download_.total > 0.0 ? nlohmann::json(std::min(download_.bytes / download_.total, 1.0))
                                                       : nlohmann::json();
    emit("progress", {{"phase", download_.expand ? "expand" : "download"}, {"value", value}, {"bytes", download_.bytes},
                      {"total", download_.total > 0.0 ? nlohmann::json(download_.total) : nlohmann::json()}});
}

bool ViewModel::load_json(std::string_view text, std::string source) {
    Slice loaded;
    const ImportResult result = import_graph(text, loaded);
    download_.active = false;
    if (!result.ok) {
        fail_loading(source + ": " + result.error);
        return false;
    }
    source_ = std::move(source);
    format_ = format_name(result.detected);
    dismiss_error();
    adopt_slice(std::move(loaded));
    emit("load", {{"nodes", slice_.graph.node_count()}, {"edges", slice_.graph.edge_count()}, {"format", format_},
                  {"warnings", slice_.warnings}});
    return true;
}

void ViewModel::fail_loading(std::string message) {
    error_ = std::move(message);
    plain_error_ = explain_load_error(error_);
    download_.active = false;
    expanding_.clear();
    emit("error", {{"message", error_}, {"summary", plain_error_.summary}});
    if (status_ == AppStatus::Building) status_ = slice_.graph.node_count() ? AppStatus::Ready : AppStatus::Empty;
}

void ViewModel::dismiss_error() {
    error_.clear();
    plain_error_ = {};
}

void ViewModel::adopt_slice(Slice&& slice) {
    slice_ = std::move(slice);
    status_ = AppStatus::Ready;
    // A new graph: nothing hovered or selected (the host hears of it only if something was).
    hover_proposal_ = kNoNode;
    commit_hover();
    select(kNoNode);
    camera_.end_gesture();
    camera_.stop();
    camera_.start_following();
    options_.filter = Filter{};
    ++rev_.filter;
    history_.clear();
    expanding_.clear();
    rebuild_derived();

    Graph& g = slice_.graph;
    LayoutParams params;
    params.link_distance = 42.0f;
    params.charge = -60.0f;
    // Nodes are drawn as shapes of their radius: keep them from overlapping (forceCollide).
    params.node_radius = scene_.radii();
    params.collide_padding = 2.0f;
    layout_.reset(g, params);
    if (slice_.focus != kNoNode && !g.has_position[slice_.focus]) layout_.pin(slice_.focus, 0.0f, 0.0f);
}

// Everything derived from the graph; after a load, a merge or an undo.
void ViewModel::rebuild_derived() {
    scene_.rebuild(slice_, options_);
    search_index_.build(slice_.graph); // labels and attrs.alt_labels
    // The box keeps its text over a load or a merge: its hits are those of the new graph.
    search_hits_ = search_index_.search(search_query_, kSearchHits);
    update_search_marks();
    const std::size_t n = slice_.graph.node_count();
    if (selected_ >= n && selected_ != kNoNode) select(kNoNode);
    if (hovered_ >= n && hovered_ != kNoNode) {
        hover_proposal_ = kNoNode;
        commit_hover();
    }
    // The labels placed for the previous graph name its node indices: a state() asked for
    // before the next frame must not read them against this one.
    ui_.labels.clear();
    ++rev_.graph;
    ++rev_.positions;
    ++rev_.style;
    ++rev_.filter;
}

bool ViewModel::merge_json(std::string_view text, std::string source, std::string_view anchor_id) {
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
    layout_.params().node_radius = scene_.radii();
    // The layout picks the new nodes up on its next step, next to what they attach to.
    layout_.reheat(0.5f);
    dismiss_error();
    emit("load", {{"nodes", slice_.graph.node_count()}, {"edges", slice_.graph.edge_count()}, {"format", format_},
                  {"merged", {{"nodesAdded", merged.nodes_added}, {"edgesAdded", merged.edges_added}}}});
    return true;
}

bool ViewModel::undo_merge() {
    Graph& g = slice_.graph;
    if (!history_.undo(slice_)) return false;
    // Laid-out nodes keep where they are when the layout restarts.
    std::fill(g.has_position.begin(), g.has_position.end(), std::uint8_t{1});
    rebuild_derived();
    LayoutParams params = layout_.params();
    params.node_radius = scene_.radii();
    layout_.reset(g, params);
    emit("load", {{"nodes", g.node_count()}, {"edges", g.edge_count()}, {"format", format_}, {"undo", true}});
    return true;
}

bool ViewModel::set_expand_template(std::string t, std::string& error) {
    if (!t.empty() && t.find("{id}") == std::string::npos) {
        error = "the template must contain {id}";
        return false;
    }
    expand_template_ = std::move(t);
    return true;
}

// The template's {id} becomes the node id, percent-encoded so any id makes a valid URL
// path segment.
void ViewModel::request_expand(std::uint32_t node) {
    const std::string& id = slice_.graph.node_id[node];
    std::string encoded;
    static const char* kHex = "0123456789ABCDEF";
    for (unsigned char c : id) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += kHex[c >> 4];
            encoded += kHex[c & 15];
        }
    }
    std::string url = expand_template_;
    for (std::size_t at = url.find("{id}"); at != std::string::npos; at = url.find("{id}", at + encoded.size()))
        url.replace(at, 4, encoded);
    expanding_ = id;
    emit("expand", {{"id", id}, {"url", url}});
}

Loading ViewModel::loading() const {
    Loading l;
    const UiStrings& t = strings_;
    if (download_.active) {
        l.phase = download_.expand ? "expand" : "download";
        l.bytes = download_.bytes;
        std::string progress;
        if (download_.total > 0.0) {
            l.total = download_.total;
            l.fraction = std::min(download_.bytes / download_.total, 1.0);
            progress = t.format(Str::LoadingBytesOf, {{"done", t.bytes(download_.bytes)}, {"total", t.bytes(download_.total)}});
        } else if (download_.bytes > 0.0) {
            progress = t.bytes(download_.bytes);
        }
        if (download_.expand) {
            // The whole label: the UI cuts it to its width by the shaped text (a byte cut
            // could fall inside a conjunct).
            const std::uint32_t anchor = slice_.graph.find(expanding_);
            l.text = t.format(Str::LoadingExpand, {{"name", anchor != kNoNode ? slice_.graph.node_label[anchor] : expanding_},
                                                   {"progress", progress.empty() ? t.get(Str::LoadingConnecting) : progress}});
        } else {
            l.text = progress.empty() ? t.get(Str::LoadingDownloadConnecting) : t.format(Str::LoadingDownload, {{"progress", progress}});
        }
    } else if (ready() && slice_.graph.node_count() > 0 && !layout_.converged()) {
        l.phase = "layout";
        l.fraction = layout_.progress();
        // Not "-0%": the first step's progress can come out a hair below zero.
        l.text = t.format(Str::LoadingLayout, {{"n", t.number(std::max(0.0, l.fraction * 100.0), 0)}});
    }
    return l;
}

// [SECTION] per frame
void ViewModel::tick(Area area, float dt, bool keep_place) {
    ++frames_;
    time_ += std::max(dt, 0.0f);
    camera_.set_area(area, keep_place);
    hover_proposal_ = kNoNode;
    if (!ready()) return;
    if (!layout_.converged() && layout_.run_for(kLayoutBudgetMs) > 0) ++rev_.positions;
    camera_.follow(scene_.bounds(slice_.graph));
    camera_.animate(dt);
    refresh_visibility();
}

// Visibility follows the filter (a selection it hides is cleared).
void ViewModel::refresh_visibility() {
    if (visibility_stamp_.changed({rev_.filter})) {
        scene_.update_visibility(slice_, options_.filter);
        ++rev_.visibility;
        if (selected_ != kNoNode && !scene_.visible(selected_)) select(kNoNode);
    }
}

void ViewModel::pointer(const PointerInput& in) {
    if (!ready()) return;
    const Area& area = camera_.area();
    const Vec2 mouse{in.pos.x - area.x, in.pos.y - area.y};
    const bool in_area = area.contains(mouse);
    const auto gesture = camera_.gesture();
    const bool ui_has_mouse = in.ui_has_mouse && gesture == CameraController::Gesture::None;
    const Camera& cam = camera_.camera();

    // Hover: the node under the cursor (within 4 px of its disc), through the quadtree.
    std::uint32_t hover = kNoNode;
    if (in_area && !ui_has_mouse && in.valid) {
        const Vec2 w = cam.screen_to_world(mouse);
        hover = scene_.pick(slice_.graph, rev_, w.x, w.y, 4.0f / cam.zoom);
    }
    if (gesture == CameraController::Gesture::DragNode) hover = camera_.dragged();
    // Nodes passing under the cursor while the view is dragged are not hovered: no
    // highlight flickering over the moving graph (and no veil to draw on every frame).
    if (gesture == CameraController::Gesture::Pan) hover = kNoNode;
    hover_proposal_ = hover;

    // Press: on a node starts a node drag, elsewhere a pan; a double click's second press
    // on a node focuses it instead (and so starts nothing its release could end in a click).
    if (in.pressed && in.double_clicked && in_area && !ui_has_mouse && hover != kNoNode) {
        focus_node(hover);
    } else if (in.pressed && in_area && !ui_has_mouse && !camera_.pinching()) {
        if (hover != kNoNode) {
            const Vec2 w = cam.screen_to_world(mouse);
            camera_.begin_drag(hover, {slice_.graph.x[hover] - w.x, slice_.graph.y[hover] - w.y});
        } else {
            camera_.begin_pan(mouse);
        }
    }
    if (camera_.gesture() == CameraController::Gesture::DragNode && in.dragging) {
        const Vec2 w = cam.screen_to_world(mouse);
        layout_.pin(camera_.dragged(), w.x + camera_.drag_offset().x, w.y + camera_.drag_offset().y);
        layout_.reheat(0.3f);
        ++rev_.positions;
        camera_.take_over();
    }
    // Not the frame's mouse delta: a fast move and a press in the same frame would pan by
    // the move.
    if (camera_.gesture() == CameraController::Gesture::Pan && in.down && in.valid) camera_.pan_to(mouse);
    if (in.released) {
        // A press and release without a drag is a click: select (or clear on empty space).
        // With a finger, a press held half a second is a long press: what a hover shows on
        // a desktop (the node and its neighbours lit), and the selection stays as it was.
        const auto g = camera_.gesture();
        const bool long_press = options_.coarse_pointer && in.held >= kLongPress;
        if (in.click && !long_press && g != CameraController::Gesture::None)
            select(g == CameraController::Gesture::DragNode ? camera_.dragged() : kNoNode);
        camera_.end_gesture();
    }
    if (in_area && !ui_has_mouse && in.wheel != 0.0f) camera_.zoom_at(mouse, std::pow(1.15f, in.wheel));
}

void ViewModel::commit_hover() {
    if (hover_proposal_ == hovered_) return;
    hovered_ = hover_proposal_;
    ++rev_.hover;
}

bool ViewModel::key(std::string_view k) {
    const Graph& g = slice_.graph;
    if (!ready() || g.node_count() == 0) return k == "Escape" || k == "+" || k == "-";
    if (k == "Escape") {
        select(kNoNode);
        return true;
    }
    if (k == "+" || k == "=" || k == "-") {
        camera_.zoom_by(k == "-" ? 1.0f / 1.25f : 1.25f);
        return true;
    }
    if (k == "Enter") {
        focus_node(selected_ != kNoNode ? selected_ : (slice_.focus != kNoNode ? slice_.focus : 0));
        return true;
    }
    const auto& order = scene_.label_order();
    if (k == "Tab" || k == "Shift+Tab") {
        tab(k == "Shift+Tab");
        return true;
    }
    float dx = 0, dy = 0;
    if (k == "ArrowRight") dx = 1;
    else if (k == "ArrowLeft") dx = -1;
    else if (k == "ArrowDown") dy = 1;
    else if (k == "ArrowUp") dy = -1;
    else return false;
    if (selected_ == kNoNode) {
        select(slice_.focus != kNoNode ? slice_.focus : order.front());
        return true;
    }
    // The neighbour whose direction is closest to the arrow's (within 80 degrees), the
    // nearer one on a tie: what a sighted user would expect to land on.
    std::uint32_t best = kNoNode;
    float best_score = -INFINITY;
    for (std::uint32_t e = scene_.neighbors_begin(selected_); e < scene_.neighbors_end(selected_); ++e) {
        const std::uint32_t n = scene_.neighbor(e);
        const float vx = g.x[n] - g.x[selected_], vy = g.y[n] - g.y[selected_];
        const float len = std::hypot(vx, vy);
        if (len <= 0.0f) continue;
        const float cos_angle = (vx * dx + vy * dy) / len;
        if (cos_angle < 0.17f) continue;
        const float score = cos_angle - 0.001f * len;
        if (score > best_score) {
            best_score = score;
            best = n;
        }
    }
    if (best != kNoNode) select(best);
    return true;
}

void ViewModel::release_panel_focus() {
    if (panel_focus_) panel_focus_(PanelFocus::Release);
    ui_.panel_focus = false;
}

bool ViewModel::escape_panel_focus() {
    if (!ui_.panel_focus || ui_.text_input) return false;
    release_panel_focus(); // ImGui would only leave the scrolling region
    return true;
}

bool ViewModel::tab(bool backward) {
    const auto to_panels = [&](PanelFocus move) { return panel_focus_ && panel_focus_(move); };
    if (ui_.panel_focus) {
        if (to_panels(backward ? PanelFocus::Previous : PanelFocus::Next)) return true;
        // Back past the first control is the graph; on past the last is out of the viewer.
        release_panel_focus();
        return backward;
    }
    const auto& order = scene_.label_order();
    if (ready() && selected_ != kNoNode && !order.empty()) {
        // The next node in label order (the researcher first, then the most connected).
        const auto it = std::find(order.begin(), order.end(), selected_);
        if (it != order.end()) {
            if (backward && it != order.begin()) {
                select(*(it - 1));
                return true;
            }
            if (!backward && it + 1 != order.end()) {
                select(*(it + 1));
                return true;
            }
        }
    }
    if (backward) return false;
    if (!to_panels(PanelFocus::First)) return false;
    ui_.panel_focus = true;
    return true;
}

// [SECTION] selection and camera
void ViewModel::select(std::uint32_t node) {
    if (node != kNoNode && node >= slice_.graph.node_count()) return;
    if (node == selected_) return;
    selected_ = node;
    ++rev_.selection;
}

void ViewModel::focus_node(std::uint32_t node) {
    const Graph& g = slice_.graph;
    if (node >= g.node_count()) return;
    select(node);
    // Close enough to read the neighbourhood: the node about 18 px across at least.
    const float zoom = std::max(camera_.camera().zoom, 18.0f / std::max(scene_.radius(node), 1.0f));
    camera_.fly_to(g.x[node], g.y[node], zoom);
}

void ViewModel::fit_view() { camera_.fit(scene_.bounds(slice_.graph), true); }

void ViewModel::reveal(std::uint32_t node, float margin, float covered) {
    const Graph& g = slice_.graph;
    // A flight under way (a deep link's camera, a focus) is where the user asked to be.
    if (node >= g.node_count() || camera_.flying()) return;
    const Camera& cam = camera_.camera();
    const Area& a = camera_.area();
    const Vec2 p = cam.world_to_screen({g.x[node], g.y[node]});
    const float w = std::max(a.w - std::max(covered, 0.0f), std::min(a.w, 2.0f * margin));
    const float m = std::min(margin, std::min(w, a.h) * 0.25f);
    // In view (half the margin is slack: an eased flight ends a hair short of its target).
    const float slack = m * 0.5f;
    if (p.x >= slack && p.y >= slack && p.x <= w - slack && p.y <= a.h - slack) return;
    // Only as far as needed: the node just inside the edge it was beyond; beside a card, in
    // the middle of what the card leaves (its label reads to the right, towards the card).
    const float tx = covered > 0.0f && p.x > w - slack ? w * 0.5f : std::clamp(p.x, m, w - m);
    const float ty = std::clamp(p.y, m, a.h - m);
    camera_.fly_to(cam.center_x + (p.x - tx) / cam.zoom, cam.center_y + (p.y - ty) / cam.zoom, cam.zoom);
}

// [SECTION] options
void ViewModel::set_mode(Mode m) {
    // The boxes of the last frame's controls belong to the old mode; state() must not offer
    // them as clickable until the new mode's frame has laid its own out.
    if (options_.mode != m) {
        ui_.action_boxes = nlohmann::json::array();
        ui_.ui_boxes = nlohmann::json::object();
    }
    options_.mode = m;
    ++rev_.labels;
}

void ViewModel::set_insets(const ViewOptions::Insets& in) {
    options_.insets = in;
    ++rev_.labels; // the area changes: labels are placed again
}

void ViewModel::set_color_mode(ColorMode m) {
    if (options_.color_mode == m) return;
    options_.color_mode = m;
    ++rev_.style;
}

void ViewModel::set_size_mode(SizeMode m) {
    options_.size_mode = m;
    scene_.update_radii(slice_, m);
    if (layout_.graph() == &slice_.graph) layout_.params().node_radius = scene_.radii();
    ++rev_.style;
}

void ViewModel::set_filter(Filter f) {
    options_.filter = std::move(f);
    ++rev_.filter;
    refresh_visibility();
}

void ViewModel::set_theme(Theme t) {
    options_.theme = std::move(t);
    ++rev_.style;
}

bool ViewModel::set_language(std::string_view lang, const nlohmann::json& strings, std::string& error,
                             std::string& note) {
    if (!strings_.set(lang, strings, error, note)) return false;
    ++rev_.style; // a new frame: every text changes
    return true;
}

void ViewModel::set_coarse_pointer(bool on) {
    if (options_.coarse_pointer == on) return;
    options_.coarse_pointer = on;
    ++rev_.style;
}

void ViewModel::set_show_labels(bool on) {
    options_.show_labels = on;
    ++rev_.labels;
}

void ViewModel::set_show_arrows(bool on) {
    options_.show_arrows = on;
    ++rev_.style;
}

// [SECTION] search
void ViewModel::search(std::string_view query) {
    search_query_.assign(query);
    search_hits_ = search_index_.search(query, kSearchHits);
    update_search_marks();
}

void ViewModel::show_search_marks(bool on) {
    if (on == search_marks_shown_) return;
    search_marks_shown_ = on;
    update_search_marks();
}

void ViewModel::update_search_marks() {
    std::vector<std::uint32_t> marks;
    if (search_marks_shown_)
        for (const SearchHit& h : search_hits_) marks.push_back(h.index);
    if (marks == search_marks_) return;
    search_marks_ = std::move(marks);
    ++rev_.search;
}

// [SECTION] deep link and exports
nlohmann::json ViewModel::camera_json() const {
    const Camera& c = camera_.camera();
    return {{"x", c.center_x}, {"y", c.center_y}, {"zoom", c.zoom}};
}

nlohmann::json ViewModel::view_json() const {
    const Graph& g = slice_.graph;
    return {{"focus", id_or_null(g, slice_.focus)},
            {"selected", id_or_null(g, selected_)},
            {"mode", to_string(options_.mode)},
            {"colorMode", to_string(options_.color_mode)},
            {"sizeMode", to_string(options_.size_mode)},
            {"filter", nlohmann::json::parse(filter_to_json(options_.filter), nullptr, false)},
            {"camera", camera_json()},
            {"hash", view_hash()}};
}

std::string ViewModel::view_hash() const {
    const Graph& g = slice_.graph;
    const Camera& c = camera_.camera();
    ViewState v;
    if (slice_.focus != kNoNode) v.focus = g.node_id[slice_.focus];
    if (selected_ != kNoNode) v.selected = g.node_id[selected_];
    v.filter = options_.filter;
    v.color_mode = to_string(options_.color_mode);
    v.size_mode = to_string(options_.size_mode);
    v.mode = to_string(options_.mode);
    v.has_camera = true;
    v.cx = c.center_x;
    v.cy = c.center_y;
    v.zoom = c.zoom;
    const std::string hash = view_state_to_hash(v);
    return hash.empty() || hash[0] != '#' ? hash : hash.substr(1);
}

// Each "key=value" is kept when the link with it still parses, so one bad value (a
// mistyped camera) loses only itself. What the link leaves out takes its default, as
// view_state_to_hash leaves defaults out.
std::string ViewModel::restore(std::string_view hash) {
    std::vector<std::string> problems;
    std::string kept;
    std::size_t at = !hash.empty() && hash[0] == '#' ? 1 : 0;
    while (at <= hash.size()) {
        const std::size_t end = std::min(hash.find('&', at), hash.size());
        const std::string part(hash.substr(at, end - at));
        at = end + 1;
        if (part.empty()) continue;
        const std::string candidate = kept.empty() ? part : kept + "&" + part;
        ViewState probe;
        const ViewStateParseResult r = parse_view_state_hash(candidate, probe);
        if (r.ok)
            kept = candidate;
        else
            problems.push_back(r.error);
    }
    ViewState v;
    parse_view_state_hash(kept, v);
    if (auto m = parse_color_mode(v.color_mode)) set_color_mode(*m);
    if (auto m = parse_size_mode(v.size_mode)) set_size_mode(*m);
    if (auto m = parse_mode(v.mode)) set_mode(*m);
    set_filter(v.filter);
    if (!v.selected.empty()) {
        const std::uint32_t n = slice_.graph.find(v.selected);
        if (n != kNoNode)
            select(n);
        else
            problems.push_back("sel: no node with id \"" + v.selected + "\"");
    }
    if (v.has_camera) {
        camera_.fly_to(v.cx, v.cy, v.zoom);
    } else if (!v.focus.empty() && slice_.graph.find(v.focus) != kNoNode) {
        focus_node(slice_.graph.find(v.focus));
    }
    return problems.empty() ? std::string() : problems.front();
}

std::string ViewModel::export_svg() {
    const Graph& g = slice_.graph;
    const Theme& t = options_.theme;
    const Camera& cam = camera_.camera();
    const Area& area = camera_.area();
    SvgScene svg;
    svg.width = area.w;
    svg.height = area.h;
    svg.background = t.background;
    auto screen = [&](std::uint32_t i) { return cam.world_to_screen({g.x[i], g.y[i]}); };
    for (std::uint32_t e = 0; e < g.edge_count(); ++e) {
        const std::uint32_t s = g.edge_source[e], d = g.edge_target[e];
        if (!scene_.visible(s) || !scene_.visible(d)) continue;
        const Vec2 a = screen(s), b = screen(d);
        svg.edges.push_back({a.x, a.y, b.x, b.y, t.edge, 1.0f, scene_.curvature(e),
                             options_.show_arrows && g.edge_directed[e] != 0, scene_.radius(d) * cam.zoom});
    }
    for (std::uint32_t i = 0; i < g.node_count(); ++i) {
        if (!scene_.visible(i)) continue;
        const Vec2 p = screen(i);
        svg.nodes.push_back({p.x, p.y, std::max(scene_.radius(i) * cam.zoom, 1.5f), scene_.node_fill(slice_, options_, i),
                             t.ring, 1.5f, static_cast<int>(kind_shape(g.kind[i]))});
    }
    for (const PlacedLabel& l : ui_.labels)
        svg.labels.push_back({l.x0 - area.x, l.y0 - area.y, l.x1 - area.x, l.y1 - area.y, l.text,
                              l.node == slice_.focus ? t.label_focus_text : t.text, t.label_box, l.rtl, l.lang,
                              l.text_width});
    // As on screen: ImGui sizes a font by its ascent-to-descent height, CSS by its em.
    svg.font_size = ui_.label_em_px > 0.0f ? ui_.label_em_px : ui_.label_font_size;
    return write_svg(svg);
}

// [SECTION] events
void ViewModel::emit(std::string name, nlohmann::json payload) {
    events_.push_back({std::move(name), payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
}

std::vector<Event> ViewModel::take_events() {
    emit_view_changes();
    std::vector<Event> out;
    out.swap(events_);
    return out;
}

void ViewModel::emit_view_changes() {
    const Graph& g = slice_.graph;
    if (told_hover_.changed({rev_.hover})) emit("hover", {{"id", id_or_null(g, hovered_)}});
    if (told_selection_.changed({rev_.selection})) emit("select", {{"id", id_or_null(g, selected_)}});
    if (!ready()) return;
    const float p = layout_.converged() ? 1.0f : layout_.progress();
    if (p != told_progress_ && (p >= 1.0f || std::abs(p - told_progress_) >= 0.05f)) {
        told_progress_ = p;
        emit("progress", {{"phase", "layout"}, {"value", p}});
    }
    // The view (for deep links) once it has been still for a moment: not on every frame
    // of an animation or a drag.
    const nlohmann::json view = view_json();
    const std::string text = view.dump();
    if (text != told_view_) {
        if (view_changed_at_ < 0.0) view_changed_at_ = time_;
        if (!camera_.flying() && camera_.gesture() == CameraController::Gesture::None && time_ - view_changed_at_ >= 0.25) {
            told_view_ = text;
            view_changed_at_ = -1.0;
            emit("view", view);
        }
    }
}

std::uint32_t ViewModel::node_by_id(const nlohmann::json& id) const {
    if (!id.is_string()) return kNoNode;
    return slice_.graph.find(id.get_ref<const std::string&>());
}

} // namespace rgv
