// commands.cpp — see commands.h.
#include "view/model/commands.h"

#include "core/exporters.h"
#include "core/slice_io.h"

#include <algorithm>
#include <cmath>

namespace rgv {

namespace {

// [SECTION] replies and argument readers
nlohmann::json ok() { return {{"ok", true}}; }
nlohmann::json fail(std::string message) { return {{"ok", false}, {"error", std::move(message)}}; }

// One command's arguments. Each reader gives the value, or false with `error` set to a
// message that names the command and the argument.
class Args {
public:
    Args(const nlohmann::json& cmd, std::string name) : cmd_(cmd), name_(std::move(name)) {}
    const std::string& name() const { return name_; }
    const nlohmann::json* find(const char* key) const {
        auto it = cmd_.find(key);
        return it == cmd_.end() ? nullptr : &*it;
    }
    // The reply for the last reader's failure.
    nlohmann::json failure() const { return fail(error_); }
    nlohmann::json failure(const std::string& detail) const { return fail(name_ + ": " + detail); }

    // "id": the id of a node in the graph.
    bool node(const ViewModel& vm, std::uint32_t& out) {
        const nlohmann::json* id = find("id");
        if (!id || !id->is_string()) return wrong("\"id\" must be a string");
        out = vm.node_by_id(*id);
        if (out == kNoNode) return wrong("no node with id \"" + id->get<std::string>() + "\"");
        return true;
    }
    bool string(const char* key, std::string& out, const std::string& must) {
        const nlohmann::json* v = find(key);
        if (!v || !v->is_string()) return wrong("\"" + std::string(key) + "\" must be " + must);
        out = v->get<std::string>();
        return true;
    }
    // A finite number; `positive` also refuses 0 and below.
    bool number(const char* key, double& out, bool positive, const std::string& must) {
        const nlohmann::json* v = find(key);
        if (!v || !v->is_number() || !std::isfinite(v->get<double>()) || (positive && !(v->get<double>() > 0.0)))
            return wrong("\"" + std::string(key) + "\" must be " + must);
        out = v->get<double>();
        return true;
    }
    // The mode names of view_options.h.
    template <typename E> bool mode(std::optional<E> (*parse)(std::string_view), const std::string& names, E& out) {
        const nlohmann::json* v = find("mode");
        const auto parsed = v && v->is_string() ? parse(v->get_ref<const std::string&>()) : std::nullopt;
        if (!parsed) return wrong("\"mode\" must be " + names);
        out = *parsed;
        return true;
    }
    bool wrong(const std::string& detail) {
        error_ = name_ + ": " + detail;
        return false;
    }

private:
    const nlohmann::json& cmd_;
    std::string name_;
    std::string error_;
};

nlohmann::json id_or_null(const ViewModel& vm, std::uint32_t i) {
    return i != kNoNode ? nlohmann::json(vm.slice().graph.node_id[i]) : nlohmann::json();
}

// [SECTION] the commands
using Handler = nlohmann::json (*)(ViewModel&, Args&);

nlohmann::json cmd_focus(ViewModel& vm, Args& a) {
    std::uint32_t node;
    if (!a.node(vm, node)) return a.failure();
    vm.focus_node(node);
    return ok();
}

nlohmann::json cmd_select(ViewModel& vm, Args& a) {
    if (const nlohmann::json* id = a.find("id"); id && id->is_null()) {
        vm.select(kNoNode);
        return ok();
    }
    std::uint32_t node;
    if (!a.node(vm, node)) return a.failure();
    vm.select(node);
    return ok();
}

// The search box's search, for hosts: the hits best first, each with the spelling that
// matched when it was not the label (alt_labels: "Wang Xiaoming" for 王小明).
nlohmann::json cmd_search(ViewModel& vm, Args& a) {
    std::string query;
    if (!a.string("query", query, "a string")) return a.failure();
    vm.search(query);
    const Graph& g = vm.slice().graph;
    nlohmann::json hits = nlohmann::json::array();
    for (const SearchHit& h : vm.search_hits()) {
        if (h.index >= g.node_count()) continue;
        nlohmann::json hit = {{"id", g.node_id[h.index]}, {"label", g.node_label[h.index]}};
        if (h.alt >= 0) hit["matched"] = h.alt_text;
        hits.push_back(std::move(hit));
    }
    return {{"ok", true}, {"hits", std::move(hits)}};
}

nlohmann::json cmd_fit(ViewModel& vm, Args&) {
    vm.fit_view();
    return ok();
}

nlohmann::json cmd_zoom_by(ViewModel& vm, Args& a) {
    double factor;
    if (!a.number("factor", factor, true, "a positive number")) return a.failure();
    vm.camera().zoom_by(static_cast<float>(factor));
    return ok();
}

// Moves the picture by (dx, dy) logical pixels, like a mouse drag of that length.
nlohmann::json cmd_pan_by(ViewModel& vm, Args& a) {
    double dx, dy;
    if (!a.number("dx", dx, false, "") || !a.number("dy", dy, false, ""))
        return a.failure("\"dx\" and \"dy\" must be numbers (logical pixels)");
    vm.camera().pan_by(static_cast<float>(dx), static_cast<float>(dy));
    return ok();
}

nlohmann::json cmd_set_camera(ViewModel& vm, Args& a) {
    const nlohmann::json* c = a.find("camera");
    const char* shape = "\"camera\" must be {x, y, zoom} with finite numbers and zoom > 0";
    if (!c || !c->is_object()) return a.failure(shape);
    Args inner(*c, a.name());
    double x, y, zoom;
    if (!inner.number("x", x, false, "") || !inner.number("y", y, false, "") || !inner.number("zoom", zoom, true, ""))
        return a.failure(shape);
    bool animate = false;
    if (const nlohmann::json* an = a.find("animate")) {
        if (!an->is_boolean()) return a.failure("\"animate\" must be true or false");
        animate = an->get<bool>();
    }
    if (animate)
        vm.camera().fly_to(static_cast<float>(x), static_cast<float>(y), static_cast<float>(zoom));
    else
        vm.camera().jump_to(static_cast<float>(x), static_cast<float>(y), static_cast<float>(zoom));
    return ok();
}

nlohmann::json cmd_key(ViewModel& vm, Args& a) {
    std::string key;
    if (!a.string("key", key, "a string")) return a.failure();
    // Tab moves the keyboard through the viewer (the graph, the panels' controls) whatever
    // has it, a text field too; handled false: it leaves the viewer, the host moves on.
    if (key == "Tab" || key == "Shift+Tab") {
        nlohmann::json r = ok();
        r["handled"] = vm.tab(key == "Shift+Tab");
        r["selected"] = id_or_null(vm, vm.selected());
        return r;
    }
    // A text field of the panels (the search box) or a control Tab went to has the keyboard:
    // the key is its own (Enter runs the search or presses the button, arrows move the
    // cursor or between controls, Escape gives the keyboard back), the host passes it on.
    if (key == "Escape" && vm.escape_panel_focus()) {
        nlohmann::json r = ok();
        r["selected"] = id_or_null(vm, vm.selected());
        return r;
    }
    if (vm.ui().text_input || vm.ui().panel_focus) {
        nlohmann::json r = ok();
        r["handled"] = false;
        return r;
    }
    if (!vm.key(key)) return a.failure("unknown key \"" + key + "\"");
    nlohmann::json r = ok();
    r["selected"] = id_or_null(vm, vm.selected());
    return r;
}

nlohmann::json cmd_set_mode(ViewModel& vm, Args& a) {
    Mode m;
    if (!a.mode(parse_mode, mode_names(), m)) return a.failure();
    vm.set_mode(m);
    return ok();
}

// {"cmd":"set_insets","top":56,...}: each edge a number of logical px, 0 to 2000; missing
// edges are 0.
nlohmann::json cmd_set_insets(ViewModel& vm, Args& a) {
    ViewOptions::Insets in;
    for (auto [key, out] : {std::pair{"top", &in.top}, {"right", &in.right}, {"bottom", &in.bottom}, {"left", &in.left}}) {
        if (!a.find(key)) continue;
        double v = 0;
        if (!a.number(key, v, false, "a number of pixels from 0 to 2000") || v < 0 || v > 2000)
            return a.failure(std::string("\"") + key + "\" must be a number of pixels from 0 to 2000");
        *out = static_cast<float>(v);
    }
    vm.set_insets(in);
    return ok();
}

// {"coarse": true}: the page's pointer is a finger ((pointer: coarse)).
nlohmann::json cmd_set_pointer(ViewModel& vm, Args& a) {
    const nlohmann::json* c = a.find("coarse");
    if (!c || !c->is_boolean()) return a.failure("\"coarse\" must be true or false");
    vm.set_coarse_pointer(c->get<bool>());
    return ok();
}

nlohmann::json cmd_set_color_mode(ViewModel& vm, Args& a) {
    ColorMode m;
    if (!a.mode(parse_color_mode, color_mode_names(), m)) return a.failure();
    vm.set_color_mode(m);
    nlohmann::json r = ok();
    if (m == ColorMode::Community) {
        const Communities& c = vm.scene().communities(vm.slice().graph);
        r["communities"] = c.count;
        r["modularity"] = c.modularity;
    }
    return r;
}

nlohmann::json cmd_set_size_mode(ViewModel& vm, Args& a) {
    SizeMode m;
    if (!a.mode(parse_size_mode, size_mode_names(), m)) return a.failure();
    vm.set_size_mode(m);
    return ok();
}

nlohmann::json cmd_set_filter(ViewModel& vm, Args& a) {
    const nlohmann::json* f = a.find("filter");
    if (!f || !(f->is_object() || f->is_null())) return a.failure("\"filter\" must be an object");
    Filter parsed;
    const FilterParseResult r = filter_from_json(f->is_null() ? "{}" : f->dump(), parsed);
    if (!r.ok) return a.failure(r.error);
    vm.set_filter(std::move(parsed));
    nlohmann::json reply = ok();
    reply["visibleNodes"] = vm.scene().visible_count();
    return reply;
}

nlohmann::json cmd_set_theme(ViewModel& vm, Args& a) {
    const nlohmann::json* t = a.find("theme");
    Theme theme;
    std::string error;
    if (!t) return a.failure("\"theme\" must be \"light\", \"dark\" or an object of colours");
    if (!theme_from_json(*t, theme, error)) return a.failure(error);
    vm.set_theme(std::move(theme));
    nlohmann::json r = ok();
    r["theme"] = theme_to_json(vm.options().theme);
    return r;
}

// The UI's language: {"lang": "de"}, with or without {"strings": {key: text}} (the host's
// own translation over the shipped one). The reply is what uiStrings() gives.
nlohmann::json strings_reply(const ViewModel& vm) {
    nlohmann::json r = ok();
    r["lang"] = vm.strings().lang();
    r["shipped"] = UiStrings::shipped();
    r["strings"] = vm.strings().to_json();
    return r;
}

nlohmann::json cmd_set_language(ViewModel& vm, Args& a) {
    const nlohmann::json* lang = a.find("lang");
    const nlohmann::json* strings = a.find("strings");
    if (lang && !lang->is_string() && !lang->is_null()) return a.failure("\"lang\" must be a language tag such as \"de\"");
    std::string error, note;
    if (!vm.set_language(lang && lang->is_string() ? lang->get_ref<const std::string&>() : std::string(),
                         strings ? *strings : nlohmann::json(), error, note))
        return a.failure(error);
    nlohmann::json r = strings_reply(vm);
    if (!note.empty()) r["warning"] = note;
    return r;
}

nlohmann::json cmd_ui_strings(ViewModel& vm, Args&) { return strings_reply(vm); }

nlohmann::json cmd_nodes(ViewModel& vm, Args&) {
    // The slice as a plain list, for the screen-reader mirror of the host page.
    const Graph& g = vm.slice().graph;
    const Scene& scene = vm.scene();
    nlohmann::json nodes = nlohmann::json::array();
    for (std::uint32_t i = 0; i < g.node_count(); ++i) {
        nlohmann::json neighbors = nlohmann::json::array();
        for (std::uint32_t k = scene.neighbors_begin(i); k < scene.neighbors_end(i); ++k)
            neighbors.push_back(g.node_id[scene.neighbor(k)]);
        nodes.push_back({{"id", g.node_id[i]}, {"type", g.node_type[i]}, {"label", g.node_label[i]},
                         {"neighbors", std::move(neighbors)}});
    }
    nlohmann::json r = ok();
    r["nodes"] = std::move(nodes);
    r["focus"] = id_or_null(vm, vm.slice().focus);
    return r;
}

nlohmann::json cmd_export_json(ViewModel& vm, Args& a) {
    if (!vm.ready()) return a.failure("no graph is loaded");
    nlohmann::json r = ok();
    r["json"] = write_slice(vm.slice(), true); // with the positions on screen
    return r;
}

nlohmann::json cmd_export_svg(ViewModel& vm, Args& a) {
    if (!vm.ready()) return a.failure("no graph is loaded");
    nlohmann::json r = ok();
    r["svg"] = vm.export_svg();
    return r;
}

nlohmann::json cmd_export_graphml(ViewModel& vm, Args& a) {
    if (!vm.ready()) return a.failure("no graph is loaded");
    nlohmann::json r = ok();
    r["graphml"] = export_graph(vm.slice(), ExportFormat::GraphMl);
    return r;
}

nlohmann::json cmd_export_png(ViewModel& vm, Args& a) {
    double scale = 1.0;
    if (const nlohmann::json* s = a.find("scale")) {
        if (!s->is_number()) return a.failure("\"scale\" must be a number");
        scale = s->get<double>();
    }
    if (!vm.render_image) return a.failure("images need the GL renderer, which this viewer has not got");
    int w = 0, h = 0;
    std::string error;
    if (!vm.render_image(static_cast<float>(scale), vm.image_buffer(), w, h, error)) return a.failure(error);
    nlohmann::json r = ok();
    r["width"] = w;
    r["height"] = h;
    // A wasm heap address; natively just an opaque number. Valid until the next export.
    r["ptr"] = reinterpret_cast<std::uintptr_t>(vm.image_buffer().data());
    return r;
}

nlohmann::json cmd_undo(ViewModel& vm, Args& a) {
    if (!vm.undo_merge()) return a.failure("nothing to undo");
    return ok();
}

// A deep link (core/view_state.h): what is valid applies, the first problem is reported.
nlohmann::json cmd_restore(ViewModel& vm, Args& a) {
    std::string hash;
    if (!a.string("hash", hash, "a string like \"sel=ID&cam=0,0,2\"")) return a.failure();
    const std::string problem = vm.restore(hash);
    return problem.empty() ? ok() : a.failure(problem);
}

nlohmann::json cmd_view_hash(ViewModel& vm, Args&) {
    nlohmann::json r = ok();
    r["hash"] = vm.view_hash();
    return r;
}

nlohmann::json cmd_set_expand_template(ViewModel& vm, Args& a) {
    const nlohmann::json* t = a.find("template");
    if (!t || !(t->is_string() || t->is_null()))
        return a.failure("\"template\" must be a string like \"slices/{id}.json\" or null");
    std::string error;
    if (!vm.set_expand_template(t->is_null() ? std::string() : t->get<std::string>(), error)) return a.failure(error);
    return ok();
}

nlohmann::json cmd_expand(ViewModel& vm, Args& a) {
    std::uint32_t node;
    if (!a.node(vm, node)) return a.failure();
    if (vm.expand_template().empty()) return a.failure("no expansion URL template was given");
    vm.request_expand(node);
    return ok();
}

struct Command {
    const char* name;
    Handler handler;
};

// [SECTION] the table
constexpr Command kCommands[] = {
    {"focus", cmd_focus},
    {"select", cmd_select},
    {"fit", cmd_fit},
    {"search", cmd_search},
    {"zoom_by", cmd_zoom_by},
    {"pan_by", cmd_pan_by},
    {"set_camera", cmd_set_camera},
    {"key", cmd_key},
    {"set_mode", cmd_set_mode},
    {"set_insets", cmd_set_insets},
    {"set_pointer", cmd_set_pointer},
    {"set_color_mode", cmd_set_color_mode},
    {"set_size_mode", cmd_set_size_mode},
    {"set_filter", cmd_set_filter},
    {"set_theme", cmd_set_theme},
    {"set_language", cmd_set_language},
    {"ui_strings", cmd_ui_strings},
    {"nodes", cmd_nodes},
    {"export_json", cmd_export_json},
    {"export_svg", cmd_export_svg},
    {"export_graphml", cmd_export_graphml},
    {"export_png", cmd_export_png},
    {"undo", cmd_undo},
    {"restore", cmd_restore},
    {"view_hash", cmd_view_hash},
    {"set_expand_template", cmd_set_expand_template},
    {"expand", cmd_expand},
};

} // namespace

nlohmann::json run_command(ViewModel& vm, const nlohmann::json& cmd) {
    if (!cmd.is_object()) return fail("command: expected an object like {\"cmd\": \"focus\", \"id\": \"...\"}");
    auto name = cmd.find("cmd");
    if (name == cmd.end() || !name->is_string()) return fail("command: \"cmd\" must be a string");
    const std::string& n = name->get_ref<const std::string&>();
    for (const Command& c : kCommands)
        if (n == c.name) {
            Args args(cmd, n);
            return c.handler(vm, args);
        }
    return fail("unknown command \"" + n + "\"");
}

std::string run_command_text(ViewModel& vm, std::string_view json_text) {
    const nlohmann::json cmd = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
    const nlohmann::json result = cmd.is_discarded() ? fail("command: not valid JSON") : run_command(vm, cmd);
    return result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> command_names() {
    std::vector<std::string> out;
    for (const Command& c : kCommands) out.emplace_back(c.name);
    return out;
}

} // namespace rgv
