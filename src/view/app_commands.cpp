// app_commands.cpp — the App's command channel and events: what the JS API (web/rgv.js,
// through src/platform/platform_web.cpp) and the native keyboard shortcuts drive.
//
// Index
//   1. parsing          JSON text -> command object, every failure a one-line message
//   2. commands         focus, select, fit, zoom, pan, key, set_mode, nodes, export_json, ...
//   3. keyboard         arrows walk to the neighbour in that direction, Enter, Escape, +/-
//   4. events           load / error / progress / hover / select / action / expand / view
//
// Commands take ids as strings (the slice's node ids), never indices, so a host page does
// not depend on the order the viewer stores nodes in.
#include "view/app.h"

#include "core/exporters.h"
#include "core/slice_io.h"
#include "core/svg_export.h"
#include "core/view_state.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

namespace rgv {

// 1. parsing ---------------------------------------------------------------------------
std::string App::command(std::string_view json_text) {
    nlohmann::json cmd = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
    nlohmann::json result;
    if (cmd.is_discarded())
        result = {{"ok", false}, {"error", "command: not valid JSON"}};
    else
        result = run_command(cmd);
    return result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::uint32_t App::node_by_id(const nlohmann::json& id) const {
    if (!id.is_string()) return kNoNode;
    return slice_.graph.find(id.get_ref<const std::string&>());
}

// 2. commands --------------------------------------------------------------------------
nlohmann::json App::run_command(const nlohmann::json& cmd) {
    auto fail = [](std::string message) { return nlohmann::json{{"ok", false}, {"error", std::move(message)}}; };
    if (!cmd.is_object()) return fail("command: expected an object like {\"cmd\": \"focus\", \"id\": \"...\"}");
    auto name_it = cmd.find("cmd");
    if (name_it == cmd.end() || !name_it->is_string()) return fail("command: \"cmd\" must be a string");
    const std::string& name = name_it->get_ref<const std::string&>();
    const nlohmann::json ok = {{"ok", true}};

    // Commands that need a node id share this lookup and its messages.
    auto require_node = [&](std::uint32_t& node) -> std::string {
        auto id = cmd.find("id");
        if (id == cmd.end() || !id->is_string()) return name + ": \"id\" must be a string";
        node = node_by_id(*id);
        if (node == kNoNode) return name + ": no node with id \"" + id->get<std::string>() + "\"";
        return {};
    };

    if (name == "focus") {
        std::uint32_t node;
        if (auto e = require_node(node); !e.empty()) return fail(e);
        focus_node(node);
        return ok;
    }
    if (name == "select") {
        auto id = cmd.find("id");
        if (id != cmd.end() && id->is_null()) {
            selected_ = kNoNode;
            return ok;
        }
        std::uint32_t node;
        if (auto e = require_node(node); !e.empty()) return fail(e);
        selected_ = node;
        return ok;
    }
    if (name == "fit") {
        fit_view();
        return ok;
    }
    if (name == "zoom_by") {
        auto f = cmd.find("factor");
        if (f == cmd.end() || !f->is_number() || !(f->get<double>() > 0.0) || !std::isfinite(f->get<double>()))
            return fail("zoom_by: \"factor\" must be a positive number");
        camera_.zoom_at({area_w_ * 0.5f, area_h_ * 0.5f}, static_cast<float>(f->get<double>()));
        auto_fit_ = animating_ = false;
        return ok;
    }
    if (name == "pan_by") {
        // Moves the picture by (dx, dy) logical pixels, like a mouse drag of that length.
        auto dx = cmd.find("dx"), dy = cmd.find("dy");
        if (dx == cmd.end() || dy == cmd.end() || !dx->is_number() || !dy->is_number() ||
            !std::isfinite(dx->get<double>()) || !std::isfinite(dy->get<double>()))
            return fail("pan_by: \"dx\" and \"dy\" must be numbers (logical pixels)");
        camera_.pan_pixels(dx->get<float>(), dy->get<float>());
        auto_fit_ = animating_ = false;
        return ok;
    }
    if (name == "key") {
        auto k = cmd.find("key");
        if (k == cmd.end() || !k->is_string()) return fail("key: \"key\" must be a string");
        // A text field of the panels (the search box) has the keyboard: the key is its own
        // (Enter runs the search, arrows move the cursor), so the host must pass it on.
        if (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput) {
            nlohmann::json r = ok;
            r["handled"] = false;
            return r;
        }
        if (!key(k->get_ref<const std::string&>())) return fail("key: unknown key \"" + k->get<std::string>() + "\"");
        nlohmann::json r = ok;
        r["selected"] = selected_ != kNoNode ? nlohmann::json(slice_.graph.node_id[selected_]) : nlohmann::json();
        return r;
    }
    if (name == "set_mode") {
        auto m = cmd.find("mode");
        const auto mode = m != cmd.end() && m->is_string() ? parse_mode(m->get_ref<const std::string&>()) : std::nullopt;
        if (!mode) return fail("set_mode: \"mode\" must be " + mode_names());
        mode_ = *mode;
        labels_dirty_ = true;
        return ok;
    }
    if (name == "nodes") {
        // The slice as a plain list, for the screen-reader mirror of the host page.
        const Graph& g = slice_.graph;
        nlohmann::json nodes = nlohmann::json::array();
        for (std::uint32_t i = 0; i < g.node_count(); ++i) {
            nlohmann::json neighbors = nlohmann::json::array();
            for (std::uint32_t k = adj_offsets_[i]; k < adj_offsets_[i + 1]; ++k)
                neighbors.push_back(g.node_id[adj_targets_[k]]);
            nodes.push_back({{"id", g.node_id[i]}, {"type", g.node_type[i]}, {"label", g.node_label[i]},
                             {"neighbors", std::move(neighbors)}});
        }
        nlohmann::json r = ok;
        r["nodes"] = std::move(nodes);
        r["focus"] = slice_.focus != kNoNode ? nlohmann::json(g.node_id[slice_.focus]) : nlohmann::json();
        return r;
    }
    if (name == "export_json") {
        if (status_ != AppStatus::Ready) return fail("export_json: no graph is loaded");
        nlohmann::json r = ok;
        r["json"] = write_slice(slice_, true); // with the positions on screen
        return r;
    }
    if (name == "export_svg") {
        if (status_ != AppStatus::Ready) return fail("export_svg: no graph is loaded");
        nlohmann::json r = ok;
        r["svg"] = export_svg();
        return r;
    }
    if (name == "set_filter") {
        auto f = cmd.find("filter");
        if (f == cmd.end() || !(f->is_object() || f->is_null())) return fail("set_filter: \"filter\" must be an object");
        std::string error;
        if (!set_filter_json(f->is_null() ? nlohmann::json::object() : *f, error)) return fail("set_filter: " + error);
        nlohmann::json r = ok;
        update_visibility();
        r["visible_nodes"] = std::count(visible_.begin(), visible_.end(), std::uint8_t{1});
        return r;
    }
    if (name == "set_color_mode") {
        auto m = cmd.find("mode");
        const auto mode = m != cmd.end() && m->is_string() ? parse_color_mode(m->get_ref<const std::string&>()) : std::nullopt;
        if (!mode) return fail("set_color_mode: \"mode\" must be " + color_mode_names());
        color_mode_ = *mode;
        visual_dirty_ = true;
        nlohmann::json r = ok;
        if (color_mode_ == ColorMode::Community) {
            ensure_communities();
            r["communities"] = communities_.count;
            r["modularity"] = communities_.modularity;
        }
        return r;
    }
    if (name == "set_size_mode") {
        auto m = cmd.find("mode");
        const auto mode = m != cmd.end() && m->is_string() ? parse_size_mode(m->get_ref<const std::string&>()) : std::nullopt;
        if (!mode) return fail("set_size_mode: \"mode\" must be " + size_mode_names());
        size_mode_ = *mode;
        update_radii();
        return ok;
    }
    if (name == "undo") {
        if (!undo_merge()) return fail("undo: nothing to undo");
        return ok;
    }
    if (name == "restore") {
        // A deep link (core/view_state.h): apply what is valid, report the first problem;
        // the view keeps the parts it could not apply.
        auto h = cmd.find("hash");
        if (h == cmd.end() || !h->is_string()) return fail("restore: \"hash\" must be a string like \"sel=ID&cam=0,0,2\"");
        std::vector<std::string> problems;
        const ViewState v = parse_view_hash_leniently(h->get_ref<const std::string&>(), problems);
        for (const auto& [mode_cmd, value] : {std::pair<const char*, const std::string*>{"set_color_mode", &v.color_mode},
                                             {"set_size_mode", &v.size_mode}, {"set_mode", &v.mode}})
            if (!value->empty()) {
                const nlohmann::json sub = run_command({{"cmd", mode_cmd}, {"mode", *value}});
                if (!sub.value("ok", false)) problems.push_back("restore: " + sub.value("error", ""));
            }
        filter_ = v.filter;
        visibility_dirty_ = true;
        if (!v.selected.empty()) {
            const std::uint32_t n = slice_.graph.find(v.selected);
            if (n != kNoNode) selected_ = n; else problems.push_back("restore: sel: no node with id \"" + v.selected + "\"");
        }
        if (v.has_camera) {
            target_cx_ = v.cx;
            target_cy_ = v.cy;
            target_zoom_ = std::clamp(v.zoom, Camera::kMinZoom, Camera::kMaxZoom);
            animating_ = true;
            auto_fit_ = false;
        } else if (!v.focus.empty() && slice_.graph.find(v.focus) != kNoNode) {
            focus_node(slice_.graph.find(v.focus));
        }
        if (!problems.empty()) return fail(problems.front());
        return ok;
    }
    if (name == "view_hash") {
        nlohmann::json r = ok;
        r["hash"] = view_hash();
        return r;
    }
    if (name == "set_camera") {
        auto c = cmd.find("camera");
        const char* shape = "set_camera: \"camera\" must be {x, y, zoom} with finite numbers and zoom > 0";
        if (c == cmd.end() || !c->is_object()) return fail(shape);
        const auto x = c->find("x"), y = c->find("y"), z = c->find("zoom");
        if (x == c->end() || y == c->end() || z == c->end() || !x->is_number() || !y->is_number() || !z->is_number() ||
            !std::isfinite(x->get<double>()) || !std::isfinite(y->get<double>()) || !(z->get<double>() > 0.0) ||
            !std::isfinite(z->get<double>()))
            return fail(shape);
        bool animate = false;
        if (auto a = cmd.find("animate"); a != cmd.end()) {
            if (!a->is_boolean()) return fail("set_camera: \"animate\" must be true or false");
            animate = a->get<bool>();
        }
        target_cx_ = x->get<float>();
        target_cy_ = y->get<float>();
        target_zoom_ = std::clamp(z->get<float>(), Camera::kMinZoom, Camera::kMaxZoom);
        auto_fit_ = false;
        animating_ = animate;
        if (!animate) {
            camera_.center_x = target_cx_;
            camera_.center_y = target_cy_;
            camera_.zoom = target_zoom_;
        }
        return ok;
    }
    if (name == "set_theme") {
        auto t = cmd.find("theme");
        if (t == cmd.end()) return fail("set_theme: \"theme\" must be \"light\", \"dark\" or an object of colours");
        std::string error;
        Theme theme;
        if (!theme_from_json(*t, theme, error)) return fail("set_theme: " + error);
        theme_ = std::move(theme);
        ++theme_revision_;
        visual_dirty_ = labels_dirty_ = true;
        nlohmann::json r = ok;
        r["theme"] = theme_to_json(theme_);
        return r;
    }
    if (name == "export_graphml") {
        if (status_ != AppStatus::Ready) return fail("export_graphml: no graph is loaded");
        nlohmann::json r = ok;
        r["graphml"] = export_graph(slice_, ExportFormat::GraphMl);
        return r;
    }
    if (name == "set_expand_template") {
        auto t = cmd.find("template");
        if (t == cmd.end() || !(t->is_string() || t->is_null()))
            return fail("set_expand_template: \"template\" must be a string like \"slices/{id}.json\" or null");
        if (t->is_null() || t->get_ref<const std::string&>().empty()) {
            expand_template_.clear();
            return ok;
        }
        if (t->get_ref<const std::string&>().find("{id}") == std::string::npos)
            return fail("set_expand_template: the template must contain {id}");
        expand_template_ = t->get<std::string>();
        return ok;
    }
    if (name == "expand") {
        std::uint32_t node;
        if (auto e = require_node(node); !e.empty()) return fail(e);
        if (expand_template_.empty()) return fail("expand: no expansion URL template was given");
        request_expand(node);
        return ok;
    }
    if (name == "export_png") {
        float scale = 1.0f;
        if (auto sc = cmd.find("scale"); sc != cmd.end()) {
            if (!sc->is_number()) return fail("export_png: \"scale\" must be a number");
            scale = static_cast<float>(sc->get<double>());
        }
        int w = 0, h = 0;
        std::string error;
        if (!render_image(scale, image_, w, h, error)) return fail("export_png: " + error);
        nlohmann::json r = ok;
        r["width"] = w;
        r["height"] = h;
        // A wasm heap address; natively just an opaque number. Valid until the next export.
        r["ptr"] = reinterpret_cast<std::uintptr_t>(image_.data());
        return r;
    }
    return fail("unknown command \"" + name + "\"");
}

// The current view as SVG: what is on screen, in the graph area's coordinates.
std::string App::export_svg() {
    const Graph& g = slice_.graph;
    update_visibility();
    SvgScene scene;
    scene.width = area_w_;
    scene.height = area_h_;
    scene.background = theme_.background;
    auto screen = [&](std::uint32_t i) { return camera_.world_to_screen({g.x[i], g.y[i]}); };
    for (std::uint32_t e = 0; e < g.edge_count(); ++e) {
        const std::uint32_t s = g.edge_source[e], t = g.edge_target[e];
        if (!visible_[s] || !visible_[t]) continue;
        const Vec2 a = screen(s), b = screen(t);
        scene.edges.push_back({a.x, a.y, b.x, b.y, theme_.edge, 1.0f, edge_curvature_[e],
                               show_arrows_ && g.edge_directed[e] != 0, radius_[t] * camera_.zoom});
    }
    for (std::uint32_t i = 0; i < g.node_count(); ++i) {
        if (!visible_[i]) continue;
        const Vec2 p = screen(i);
        scene.nodes.push_back({p.x, p.y, std::max(radius_[i] * camera_.zoom, 1.5f), node_fill(i), theme_.ring, 1.5f,
                               static_cast<int>(kind_shape(g.kind[i]))});
    }
    for (const PlacedLabel& l : placed_labels_)
        scene.labels.push_back({l.x0 - area_x_, l.y0 - area_y_, l.x1 - area_x_, l.y1 - area_y_, l.text,
                                l.node == slice_.focus ? theme_.label_focus_text : theme_.text, theme_.label_box});
    scene.font_size = 12.5f;
    return write_svg(scene);
}

// 3. keyboard --------------------------------------------------------------------------
bool App::key(std::string_view k) {
    const Graph& g = slice_.graph;
    if (status_ != AppStatus::Ready || g.node_count() == 0) return k == "Escape" || k == "+" || k == "-";
    if (k == "Escape") {
        selected_ = kNoNode;
        return true;
    }
    if (k == "+" || k == "=" || k == "-") {
        camera_.zoom_at({area_w_ * 0.5f, area_h_ * 0.5f}, k == "-" ? 1.0f / 1.25f : 1.25f);
        auto_fit_ = animating_ = false;
        return true;
    }
    if (k == "Enter") {
        focus_node(selected_ != kNoNode ? selected_ : (slice_.focus != kNoNode ? slice_.focus : 0));
        return true;
    }
    if (k == "Tab") {
        // Next node in label priority order (the researcher first, then the most connected).
        auto it = std::find(label_order_.begin(), label_order_.end(), selected_);
        selected_ = (it == label_order_.end() || it + 1 == label_order_.end()) ? label_order_.front() : *(it + 1);
        return true;
    }
    float dx = 0, dy = 0;
    if (k == "ArrowRight") dx = 1;
    else if (k == "ArrowLeft") dx = -1;
    else if (k == "ArrowDown") dy = 1;
    else if (k == "ArrowUp") dy = -1;
    else return false;
    if (selected_ == kNoNode) {
        selected_ = slice_.focus != kNoNode ? slice_.focus : label_order_.front();
        return true;
    }
    // The neighbour whose direction is closest to the arrow's (within 80 degrees), the
    // nearer one on a tie: what a sighted user would expect to land on.
    std::uint32_t best = kNoNode;
    float best_score = -INFINITY;
    for (std::uint32_t e = adj_offsets_[selected_]; e < adj_offsets_[selected_ + 1]; ++e) {
        const std::uint32_t n = adj_targets_[e];
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
    if (best != kNoNode) selected_ = best;
    return true;
}

// Asks the host for the node's own slice: the template's {id} becomes the node id,
// percent-encoded so any id makes a valid URL path segment.
void App::request_expand(std::uint32_t node) {
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

// 4. events ----------------------------------------------------------------------------
void App::emit(std::string name, nlohmann::json payload) {
    events_.push_back({std::move(name), payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
}

std::vector<App::Event> App::take_events() {
    emit_view_changes();
    std::vector<Event> out;
    out.swap(events_);
    return out;
}

nlohmann::json App::view_json() const {
    const Graph& g = slice_.graph;
    auto id_or_null = [&](std::uint32_t i) { return i != kNoNode ? nlohmann::json(g.node_id[i]) : nlohmann::json(); };
    return {{"focus", id_or_null(slice_.focus)},
            {"selected", id_or_null(selected_)},
            {"mode", to_string(mode_)},
            {"colorMode", to_string(color_mode_)},
            {"sizeMode", to_string(size_mode_)},
            {"filter", nlohmann::json::parse(filter_to_json(filter_), nullptr, false)},
            {"camera", camera_json()},
            {"hash", view_hash()}};
}

nlohmann::json App::camera_json() const {
    return {{"x", camera_.center_x}, {"y", camera_.center_y}, {"zoom", camera_.zoom}};
}

// The deep link of the current view, without its '#'.
std::string App::view_hash() const {
    const Graph& g = slice_.graph;
    ViewState v;
    if (slice_.focus != kNoNode) v.focus = g.node_id[slice_.focus];
    if (selected_ != kNoNode) v.selected = g.node_id[selected_];
    v.filter = filter_;
    v.color_mode = to_string(color_mode_);
    v.size_mode = to_string(size_mode_);
    v.mode = to_string(mode_);
    v.has_camera = true;
    v.cx = camera_.center_x;
    v.cy = camera_.center_y;
    v.zoom = camera_.zoom;
    const std::string hash = view_state_to_hash(v);
    return hash.empty() || hash[0] != '#' ? hash : hash.substr(1);
}

// A deep link's valid parts: each "key=value" is kept when the link with it still parses,
// so one bad value (a mistyped camera) loses only itself; its message goes to `problems`.
// What the link leaves out takes its default, as view_state_to_hash leaves defaults out.
ViewState App::parse_view_hash_leniently(const std::string& hash, std::vector<std::string>& problems) {
    std::string kept;
    std::size_t at = hash.empty() || hash[0] != '#' ? 0 : 1;
    while (at <= hash.size()) {
        const std::size_t end = std::min(hash.find('&', at), hash.size());
        const std::string part = hash.substr(at, end - at);
        at = end + 1;
        if (part.empty()) continue;
        const std::string candidate = kept.empty() ? part : kept + "&" + part;
        ViewState probe;
        const ViewStateParseResult r = parse_view_state_hash(candidate, probe);
        if (r.ok)
            kept = candidate;
        else
            problems.push_back("restore: " + r.error);
    }
    ViewState v; // what a link leaves out is the default (the colour by type, ...)
    parse_view_state_hash(kept, v);
    return v;
}

void App::emit_view_changes() {
    const Graph& g = slice_.graph;
    auto id_or_null = [&](std::uint32_t i) { return i != kNoNode ? nlohmann::json(g.node_id[i]) : nlohmann::json(); };
    if (hovered_ != emitted_hovered_) {
        emitted_hovered_ = hovered_;
        emit("hover", {{"id", id_or_null(hovered_)}});
    }
    if (selected_ != emitted_selected_) {
        emitted_selected_ = selected_;
        emit("select", {{"id", id_or_null(selected_)}});
    }
    if (status_ == AppStatus::Ready) {
        const float p = layout_.converged() ? 1.0f : layout_.progress();
        if (p != emitted_progress_ && (p >= 1.0f || std::abs(p - emitted_progress_) >= 0.05f)) {
            emitted_progress_ = p;
            emit("progress", {{"phase", "layout"}, {"value", p}});
        }
        // The view (for deep links) once it has been still for a moment: not on every
        // frame of an animation or a drag.
        const std::string view = view_json().dump();
        const double now = ImGui::GetTime();
        if (view != emitted_view_) {
            if (view_changed_at_ < 0.0) view_changed_at_ = now;
            if (!animating_ && !panning_ && !dragging_node_ && now - view_changed_at_ >= 0.25) {
                emitted_view_ = view;
                view_changed_at_ = -1.0;
                emit("view", view_json());
            }
        }
    }
}

} // namespace rgv
