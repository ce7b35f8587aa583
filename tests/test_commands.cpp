// test_commands.cpp — the command layer (src/view/model/commands.h) driven natively, with
// no ImGui and no GL: the ViewModel alone, loaded with the bundled sample. Every command's
// messages as the JS API shows them, what each does to the model, the state report's
// keys, the deep link both ways, and events.
#include "view/model/commands.h"
#include "view/model/state_report.h"

#include "test_util.h"

#include <doctest/doctest.h>

#include <cctype>
#include <functional>

using namespace rgv;

namespace {
// A model with the sample loaded and a graph area, after one frame.
struct Loaded {
    ViewModel vm;
    Loaded() {
        REQUIRE(vm.load_json(test::read_text(std::string(RGV_ASSETS_DIR) + "/sample-slice.json"), "sample"));
        vm.tick({0, 0, 800, 600}, 0.016f);
    }
    nlohmann::json run(const nlohmann::json& cmd) { return run_command(vm, cmd); }
    std::string error(const nlohmann::json& cmd) {
        const nlohmann::json r = run(cmd);
        CHECK(r["ok"] == false);
        return r.value("error", "");
    }
    std::string some_id(NodeKind kind) const {
        const Graph& g = vm.slice().graph;
        for (std::uint32_t i = 0; i < g.node_count(); ++i)
            if (g.kind[i] == kind && i != vm.slice().focus) return g.node_id[i];
        return {};
    }
};

// Every object key in `j` that has an underscore, skipping the maps whose keys are data.
void snake_keys(const nlohmann::json& j, const std::string& where, std::vector<std::string>& out) {
    if (j.is_object()) {
        for (const auto& [k, v] : j.items()) {
            if (k.find('_') != std::string::npos) out.push_back(where + "." + k);
            if (k == "screen" || k == "byType" || k == "radii" || k == "ui") continue;
            snake_keys(v, where + "." + k, out);
        }
    } else if (j.is_array()) {
        for (const auto& v : j) snake_keys(v, where + "[]", out);
    }
}
} // namespace

// [SECTION] the channel
TEST_CASE("commands: the channel refuses what is not a command, with messages") {
    ViewModel vm;
    CHECK(run_command_text(vm, "not json") == R"({"error":"command: not valid JSON","ok":false})");
    CHECK(run_command(vm, 3)["error"] == "command: expected an object like {\"cmd\": \"focus\", \"id\": \"...\"}");
    CHECK(run_command(vm, {{"cmd", 1}})["error"] == "command: \"cmd\" must be a string");
    CHECK(run_command(vm, {{"cmd", "zoom"}})["error"] == "unknown command \"zoom\"");
    // Every name in the table answers (none is "unknown command").
    for (const std::string& name : command_names()) {
        CAPTURE(name);
        const nlohmann::json r = run_command(vm, {{"cmd", name}});
        CHECK(r.value("error", "").rfind("unknown command", 0) == std::string::npos);
    }
}

// [SECTION] each command
TEST_CASE("commands: node ids, selection and focus") {
    Loaded t;
    const std::string work = t.some_id(NodeKind::Work);
    CHECK(t.error({{"cmd", "focus"}}) == "focus: \"id\" must be a string");
    CHECK(t.error({{"cmd", "focus"}, {"id", "nope"}}) == "focus: no node with id \"nope\"");
    CHECK(t.error({{"cmd", "select"}, {"id", 7}}) == "select: \"id\" must be a string");
    REQUIRE(t.run({{"cmd", "select"}, {"id", work}})["ok"] == true);
    CHECK(t.vm.slice().graph.node_id[t.vm.selected()] == work);
    REQUIRE(t.run({{"cmd", "select"}, {"id", nullptr}})["ok"] == true);
    CHECK(t.vm.selected() == kNoNode);
    REQUIRE(t.run({{"cmd", "focus"}, {"id", work}})["ok"] == true);
    CHECK(t.vm.camera().flying());
    CHECK_FALSE(t.vm.camera().following());
}

TEST_CASE("commands: the camera, relative and absolute") {
    Loaded t;
    CHECK(t.error({{"cmd", "zoom_by"}, {"factor", 0}}) == "zoom_by: \"factor\" must be a positive number");
    CHECK(t.error({{"cmd", "zoom_by"}, {"factor", "2"}}) == "zoom_by: \"factor\" must be a positive number");
    CHECK(t.error({{"cmd", "pan_by"}, {"dx", 1}}) == "pan_by: \"dx\" and \"dy\" must be numbers (logical pixels)");
    const std::string shape = "set_camera: \"camera\" must be {x, y, zoom} with finite numbers and zoom > 0";
    CHECK(t.error({{"cmd", "set_camera"}}) == shape);
    CHECK(t.error({{"cmd", "set_camera"}, {"camera", {{"x", 0}, {"y", 0}, {"zoom", -1}}}}) == shape);
    CHECK(t.error({{"cmd", "set_camera"}, {"camera", {{"x", 0}, {"y", 0}, {"zoom", 1}}}, {"animate", 1}}) ==
          "set_camera: \"animate\" must be true or false");

    REQUIRE(t.run({{"cmd", "set_camera"}, {"camera", {{"x", 10}, {"y", -20}, {"zoom", 2}}}})["ok"] == true);
    CHECK(t.vm.camera_json() == nlohmann::json{{"x", 10.0f}, {"y", -20.0f}, {"zoom", 2.0f}});
    REQUIRE(t.run({{"cmd", "zoom_by"}, {"factor", 2}})["ok"] == true);
    CHECK(t.vm.camera().camera().zoom == doctest::Approx(4.0));
    CHECK(t.vm.camera().camera().center_x == doctest::Approx(10.0)); // about the centre
    REQUIRE(t.run({{"cmd", "pan_by"}, {"dx", 40}, {"dy", 0}})["ok"] == true);
    CHECK(t.vm.camera().camera().center_x == doctest::Approx(0.0)); // 40 px at zoom 4
    // Animated: the camera flies there over frames.
    REQUIRE(t.run({{"cmd", "set_camera"}, {"camera", {{"x", 0}, {"y", 0}, {"zoom", 1}}}, {"animate", true}})["ok"] == true);
    CHECK(t.vm.camera().flying());
    for (int i = 0; i < 200 && t.vm.camera().flying(); ++i) t.vm.tick({0, 0, 800, 600}, 0.016f);
    CHECK(t.vm.camera().camera().zoom == doctest::Approx(1.0));
}

TEST_CASE("commands: modes, filter, theme") {
    Loaded t;
    CHECK(t.error({{"cmd", "set_mode"}, {"mode", "tiny"}}) == "set_mode: \"mode\" must be \"compact\" or \"explorer\"");
    CHECK(t.error({{"cmd", "set_color_mode"}, {"mode", 1}}) ==
          "set_color_mode: \"mode\" must be \"type\", \"community\" or \"year\"");
    CHECK(t.error({{"cmd", "set_size_mode"}}) == "set_size_mode: \"mode\" must be \"degree\" or \"citations\"");
    const nlohmann::json c = t.run({{"cmd", "set_color_mode"}, {"mode", "community"}});
    CHECK(c["communities"].get<int>() > 1);
    CHECK(t.vm.options().color_mode == ColorMode::Community);

    CHECK(t.error({{"cmd", "set_filter"}, {"filter", 3}}) == "set_filter: \"filter\" must be an object");
    CHECK(t.error({{"cmd", "set_filter"}, {"filter", {{"types_hidden", {"topic"}}}}}) ==
          "set_filter: /types_hidden: unknown key (expected typesHidden, years, hideUndated, topics)");
    const nlohmann::json f = t.run({{"cmd", "set_filter"}, {"filter", {{"typesHidden", {"topic", "institution"}}}}});
    const Graph& g = t.vm.slice().graph;
    CHECK(f["visibleNodes"] == g.node_count() - g.count_kind(NodeKind::Topic) - g.count_kind(NodeKind::Institution));

    CHECK(t.error({{"cmd", "set_theme"}}) == "set_theme: \"theme\" must be \"light\", \"dark\" or an object of colours");
    CHECK(t.error({{"cmd", "set_theme"}, {"theme", {{"base", "dark"}, {"accent", "orange"}}}}) ==
          "set_theme: \"accent\" must be a colour like \"#1f6feb\"");
    const std::uint64_t style = t.vm.revisions().style;
    const nlohmann::json th = t.run({{"cmd", "set_theme"}, {"theme", "dark"}});
    CHECK(th["theme"]["name"] == "dark");
    CHECK(t.vm.options().theme.dark);
    CHECK(t.vm.revisions().style > style); // the scene is rebuilt in the new colours
    // The SVG export draws in the theme.
    CHECK(t.run({{"cmd", "export_svg"}})["svg"].get<std::string>().find("#16181d") != std::string::npos);
}

TEST_CASE("commands: keys, exports, undo, expansion") {
    Loaded t;
    CHECK(t.error({{"cmd", "key"}}) == "key: \"key\" must be a string");
    CHECK(t.error({{"cmd", "key"}, {"key", "F5"}}) == "key: unknown key \"F5\"");
    // No panels (no UI layer): Tab with nothing selected leaves the viewer; with the
    // researcher selected it goes on to the next node in label order, Shift+Tab back, and
    // Shift+Tab from the first node leaves backwards.
    CHECK(t.run({{"cmd", "key"}, {"key", "Tab"}}) == nlohmann::json{{"ok", true}, {"handled", false}, {"selected", nullptr}});
    const std::string focus = t.vm.slice().graph.node_id[t.vm.slice().focus];
    REQUIRE(t.run({{"cmd", "key"}, {"key", "ArrowRight"}})["selected"] == focus); // the arrows start at the researcher
    const nlohmann::json next = t.run({{"cmd", "key"}, {"key", "Tab"}});
    CHECK(next["handled"] == true);
    CHECK(next["selected"] == t.vm.slice().graph.node_id[t.vm.scene().label_order()[1]]);
    CHECK(t.run({{"cmd", "key"}, {"key", "Shift+Tab"}})["selected"] == focus);
    CHECK(t.run({{"cmd", "key"}, {"key", "Shift+Tab"}})["handled"] == false);
    // Panels that take Tab: it goes to their controls; then the other keys are theirs.
    int moves = 0;
    t.vm.set_panel_focus([&](ViewModel::PanelFocus m) { return m == ViewModel::PanelFocus::Release || ++moves <= 2; });
    t.vm.select(kNoNode);
    CHECK(t.run({{"cmd", "key"}, {"key", "Tab"}})["handled"] == true); // the first control
    CHECK(t.vm.ui().panel_focus);
    CHECK(t.run({{"cmd", "key"}, {"key", "ArrowRight"}})["handled"] == false); // the panel's key
    CHECK(t.run({{"cmd", "key"}, {"key", "Tab"}})["handled"] == true);  // the second
    CHECK(t.run({{"cmd", "key"}, {"key", "Tab"}})["handled"] == false); // past the last: out
    CHECK_FALSE(t.vm.ui().panel_focus);
    CHECK(t.run({{"cmd", "key"}, {"key", "Tab"}})["handled"] == false); // no more controls
    t.vm.ui().panel_focus = true;
    CHECK(t.run({{"cmd", "key"}, {"key", "Escape"}})["ok"] == true); // back to the graph
    CHECK_FALSE(t.vm.ui().panel_focus);
    t.vm.set_panel_focus({});

    CHECK(t.run({{"cmd", "export_json"}})["json"].get<std::string>().find("\"nodes\"") != std::string::npos);
    CHECK(t.run({{"cmd", "export_graphml"}})["graphml"].get<std::string>().rfind("<?xml", 0) == 0);
    CHECK(t.error({{"cmd", "export_png"}, {"scale", "2"}}) == "export_png: \"scale\" must be a number");
    CHECK(t.error({{"cmd", "export_png"}}) == "export_png: images need the GL renderer, which this viewer has not got");
    CHECK(t.error({{"cmd", "undo"}}) == "undo: nothing to undo");

    CHECK(t.error({{"cmd", "expand"}, {"id", t.some_id(NodeKind::Person)}}) == "expand: no expansion URL template was given");
    CHECK(t.error({{"cmd", "set_expand_template"}, {"template", "slices/x.json"}}) ==
          "set_expand_template: the template must contain {id}");
    CHECK(t.error({{"cmd", "set_expand_template"}, {"template", 5}}) ==
          "set_expand_template: \"template\" must be a string like \"slices/{id}.json\" or null");
    REQUIRE(t.run({{"cmd", "set_expand_template"}, {"template", "slices/{id}.json"}})["ok"] == true);
    t.vm.take_events();
    REQUIRE(t.run({{"cmd", "expand"}, {"id", "person:a b"}})["ok"] == false); // not in the sample
    const std::string person = t.some_id(NodeKind::Person);
    REQUIRE(t.run({{"cmd", "expand"}, {"id", person}})["ok"] == true);
    const auto events = t.vm.take_events();
    REQUIRE_FALSE(events.empty());
    CHECK(events.front().name == "expand");
    CHECK(t.vm.expanding() == person);

    ViewModel empty;
    CHECK(run_command(empty, {{"cmd", "export_svg"}})["error"] == "export_svg: no graph is loaded");
}

// [SECTION] deep links
TEST_CASE("commands: the deep link both ways, keeping a bad link's valid parts") {
    Loaded t;
    const std::string work = t.some_id(NodeKind::Work);
    t.run({{"cmd", "select"}, {"id", work}});
    t.run({{"cmd", "set_color_mode"}, {"mode", "year"}});
    t.run({{"cmd", "set_camera"}, {"camera", {{"x", 12.5}, {"y", -3}, {"zoom", 1.5}}}});
    const std::string hash = t.run({{"cmd", "view_hash"}})["hash"];
    CHECK(hash.find("color=year") != std::string::npos);
    CAPTURE(hash);
    CHECK(hash.find("cam=12.5,-3,1.5") != std::string::npos);
    CHECK(hash[0] != '#');

    Loaded u; // a fresh viewer opened with that link shows the same view
    REQUIRE(u.run({{"cmd", "restore"}, {"hash", "#" + hash}})["ok"] == true);
    for (int i = 0; i < 200 && u.vm.camera().flying(); ++i) u.vm.tick({0, 0, 800, 600}, 0.016f);
    CHECK(u.vm.options().color_mode == ColorMode::Year);
    CHECK(u.vm.slice().graph.node_id[u.vm.selected()] == work);
    CHECK(u.run({{"cmd", "view_hash"}})["hash"] == hash);

    Loaded v;
    CHECK(v.error({{"cmd", "restore"}}) == "restore: \"hash\" must be a string like \"sel=ID&cam=0,0,2\"");
    const std::string bad = v.error({{"cmd", "restore"}, {"hash", "color=community&cam=1,2&sel=" + work}});
    CHECK(bad.rfind("restore: cam: ", 0) == 0);
    CHECK(v.vm.options().color_mode == ColorMode::Community); // the rest applied
    CHECK(v.vm.slice().graph.node_id[v.vm.selected()] == work);
    CHECK(v.error({{"cmd", "restore"}, {"hash", "sel=nobody"}}) == "restore: sel: no node with id \"nobody\"");
}

// [SECTION] state report and events
TEST_CASE("state report and events: camelCase keys, one camera shape") {
    Loaded t;
    t.run({{"cmd", "set_filter"}, {"filter", {{"years", {2019, 2022}}, {"hideUndated", true}}}});
    t.run({{"cmd", "select"}, {"id", t.some_id(NodeKind::Work)}});
    const nlohmann::json s = state_report(t.vm);
    std::vector<std::string> snake;
    snake_keys(s, "state", snake);
    for (int i = 0; i < 30; ++i) t.vm.tick({0, 0, 800, 600}, 0.05f); // the view event waits for stillness
    for (const Event& e : t.vm.take_events()) snake_keys(nlohmann::json::parse(e.payload), e.name, snake);
    CHECK(snake == std::vector<std::string>{});
    CHECK(s["camera"].size() == 3);
    CHECK(s["camera"].contains("x"));
    CHECK(s["theme"]["name"] == "light");
    CHECK(s["filter"]["hideUndated"] == true);
    CHECK(s["status"] == "ready");
}

TEST_CASE("events: select and hover once per change, none at start") {
    ViewModel vm;
    CHECK(vm.take_events().empty());
    Loaded t;
    t.vm.take_events();
    const std::string work = t.some_id(NodeKind::Work);
    t.run({{"cmd", "select"}, {"id", work}});
    t.run({{"cmd", "select"}, {"id", work}}); // the same again: no second event
    auto events = t.vm.take_events();
    int selects = 0;
    for (const Event& e : events)
        if (e.name == "select") ++selects;
    CHECK(selects == 1);
    t.vm.propose_hover(t.vm.selected());
    t.vm.commit_hover();
    t.vm.propose_hover(t.vm.selected()); // a panel proposing the same node next frame
    t.vm.commit_hover();
    events = t.vm.take_events();
    REQUIRE(events.size() >= 1);
    CHECK(events.front().name == "hover");
    CHECK(t.vm.take_events().empty());
}

// [SECTION] search
TEST_CASE("search: the model searches labels and attrs.alt_labels; a hit says which matched") {
    ViewModel vm;
    REQUIRE(vm.load_json(R"({"schema": "rgv-slice", "version": 1, "nodes": [
        {"id": "p", "type": "person", "label": "王小明", "attrs": {"alt_labels": ["Wang Xiaoming"]}},
        {"id": "q", "type": "person", "label": "Thomas Müller"}]})", "test"));
    vm.search("wang xiaoming");
    REQUIRE(vm.search_hits().size() == 1);
    CHECK(vm.search_hits()[0].index == 0);
    CHECK(vm.search_hits()[0].alt == 0);
    CHECK(vm.search_hits()[0].alt_text == "Wang Xiaoming");
    vm.search("小明");
    REQUIRE(vm.search_hits().size() == 1);
    CHECK(vm.search_hits()[0].alt == -1);
    vm.search("muller");
    REQUIRE(vm.search_hits().size() == 1);
    CHECK(vm.search_hits()[0].index == 1);
    CHECK(state_report(vm)["search"]["ids"] == nlohmann::json::array({"q"}));
    // The same through the command channel, as the JS API's search() sees it.
    CHECK(run_command(vm, {{"cmd", "search"}, {"query", "Wang"}}) ==
          nlohmann::json::parse(R"({"ok": true, "hits": [{"id": "p", "label": "王小明", "matched": "Wang Xiaoming"}]})"));
    CHECK(run_command(vm, {{"cmd", "search"}, {"query", "müller"}})["hits"] ==
          nlohmann::json::parse(R"([{"id": "q", "label": "Thomas Müller"}])"));
    CHECK(run_command(vm, {{"cmd", "search"}, {"query", 3}}) ==
          nlohmann::json::parse(R"({"ok": false, "error": "search: \"query\" must be a string"})"));
}

// [SECTION] insets, a panel opening, a node revealed
TEST_CASE("commands: set_insets takes edges in px, refuses the rest by name") {
    Loaded t;
    CHECK(t.run({{"cmd", "set_insets"}, {"top", 56}})["ok"] == true);
    CHECK(t.vm.options().insets.top == 56.0f);
    CHECK(t.vm.options().insets.left == 0.0f);
    CHECK(t.error({{"cmd", "set_insets"}, {"right", -1}}) == "set_insets: \"right\" must be a number of pixels from 0 to 2000");
    CHECK(t.error({{"cmd", "set_insets"}, {"bottom", "8"}}) == "set_insets: \"bottom\" must be a number of pixels from 0 to 2000");
    CHECK(t.vm.options().insets.top == 56.0f); // a refused command changes nothing
}

TEST_CASE("camera: a panel taking the area's right keeps the graph where it is on the window") {
    Loaded t;
    t.vm.camera().take_over(); // the user has moved the view: no more fitting
    const Vec2 world{10.0f, -20.0f}; // a world point (the layout may still move the nodes)
    auto on_window = [&] {
        const Vec2 p = t.vm.camera().camera().world_to_screen(world);
        return Vec2{p.x + t.vm.camera().area().x, p.y + t.vm.camera().area().y};
    };
    const Vec2 before = on_window();
    t.vm.tick({0, 40, 460, 560}, 0.016f, true); // the right 340 px docked, a 40 px toolbar
    const Vec2 kept = on_window();
    CHECK(kept.x == doctest::Approx(before.x).epsilon(1e-4));
    CHECK(kept.y == doctest::Approx(before.y).epsilon(1e-4));
    // A resized window (keep_place false) keeps the centre instead.
    const float cx = t.vm.camera().camera().center_x;
    t.vm.tick({0, 0, 800, 600}, 0.016f, false);
    CHECK(t.vm.camera().camera().center_x == cx);
}

TEST_CASE("camera: reveal brings a node under a panel just inside the area, keeping the zoom") {
    Loaded t;
    for (int i = 0; i < 5000 && !t.vm.layout().converged(); ++i) t.vm.tick({0, 0, 800, 600}, 0.016f);
    REQUIRE(t.vm.layout().converged());
    t.vm.camera().take_over();
    const Graph& g = t.vm.slice().graph;
    // The node furthest right, then a 300 px wide area: it is beyond the right edge.
    std::uint32_t right = 0;
    for (std::uint32_t i = 1; i < g.node_count(); ++i)
        if (g.x[i] > g.x[right]) right = i;
    t.vm.tick({0, 0, 300, 600}, 0.016f, true);
    REQUIRE(t.vm.camera().camera().world_to_screen({g.x[right], g.y[right]}).x > 300.0f);
    const float zoom = t.vm.camera().camera().zoom;
    t.vm.reveal(right);
    for (int i = 0; i < 200 && t.vm.camera().flying(); ++i) t.vm.tick({0, 0, 300, 600}, 0.016f, true);
    const Vec2 p = t.vm.camera().camera().world_to_screen({g.x[right], g.y[right]});
    CHECK(p.x == doctest::Approx(300.0f - 32.0f).epsilon(0.02));
    CHECK(t.vm.camera().camera().zoom == doctest::Approx(zoom));
    // Inside already: nothing moves.
    const float cx = t.vm.camera().camera().center_x;
    t.vm.reveal(right);
    CHECK_FALSE(t.vm.camera().flying());
    CHECK(t.vm.camera().camera().center_x == cx);
}

TEST_CASE("camera: reveal with a card over the graph's right brings the node into the middle of what it leaves") {
    Loaded t;
    for (int i = 0; i < 5000 && !t.vm.layout().converged(); ++i) t.vm.tick({0, 0, 800, 600}, 0.016f);
    REQUIRE(t.vm.layout().converged());
    t.vm.camera().take_over();
    const Graph& g = t.vm.slice().graph;
    std::uint32_t right = 0;
    for (std::uint32_t i = 1; i < g.node_count(); ++i)
        if (g.x[i] > g.x[right]) right = i;
    t.vm.tick({0, 0, 800, 600}, 0.016f, true);
    const Vec2 before = t.vm.camera().camera().world_to_screen({g.x[right], g.y[right]});
    REQUIRE(before.x > 800.0f - 300.0f); // under a 300 px card
    REQUIRE(before.x < 800.0f);          // but inside the area: no card, no move
    t.vm.reveal(right);
    CHECK_FALSE(t.vm.camera().flying());
    t.vm.reveal(right, 32.0f, 300.0f);
    for (int i = 0; i < 200 && t.vm.camera().flying(); ++i) t.vm.tick({0, 0, 800, 600}, 0.016f, true);
    const Vec2 p = t.vm.camera().camera().world_to_screen({g.x[right], g.y[right]});
    CHECK(p.x == doctest::Approx((800.0f - 300.0f) * 0.5f).epsilon(0.02)); // the middle of what the card leaves
    CHECK(p.y == doctest::Approx(before.y).epsilon(0.02));
}

TEST_CASE("events: a slice's spelling warnings reach the host with the load event and the state") {
    ViewModel vm;
    REQUIRE(vm.load_json(R"({"schema": "rgv-slice", "version": 1, "focus": "p", "nodes": [
        {"id": "p", "type": "person"},
        {"id": "w", "type": "work", "attrs": {"publication_year": 2014, "year": 2014}},
        {"id": "v", "type": "work", "attrs": {"cited_by_count": 8}}]})",
                         "test"));
    const std::string expected =
        "/nodes/2/attrs/cited_by_count: unknown spelling of a well-known attribute; use \"citations\" (1 node)";
    bool seen = false;
    for (const Event& e : vm.take_events())
        if (e.name == "load") {
            seen = true;
            CHECK(nlohmann::json::parse(e.payload)["warnings"] == nlohmann::json::array({expected}));
        }
    CHECK(seen);
    CHECK(state_report(vm)["warnings"] == nlohmann::json::array({expected}));
}

TEST_CASE("camera: fit view keeps a small graph's nodes at a node's size, not a plate's") {
    ViewModel vm;
    REQUIRE(vm.load_json(R"({"schema": "rgv-slice", "version": 1, "focus": "p", "nodes": [
        {"id": "p", "type": "person", "label": "A"},
        {"id": "w", "type": "work", "label": "B"},
        {"id": "t", "type": "topic", "label": "C"}],
        "edges": [{"source": "p", "target": "w"}, {"source": "p", "target": "t"}]})",
                         "test"));
    for (int i = 0; i < 600 && !vm.layout().converged(); ++i) vm.tick({0, 0, 1280, 800}, 0.016f);
    vm.fit_view();
    for (int i = 0; i < 120; ++i) vm.tick({0, 0, 1280, 800}, 0.016f);
    const float zoom = vm.camera().camera().zoom;
    float largest = 0.0f;
    for (std::uint32_t i = 0; i < 3; ++i) largest = std::max(largest, vm.scene().radius(i) * zoom);
    // Fitted to the window alone, three nodes would be drawn about 70 px across.
    CHECK(largest == doctest::Approx(28.0f).epsilon(0.02));
    // The sample is larger than the bound: fitting it is unchanged (the largest well below).
    Loaded t;
    t.vm.fit_view();
    for (int i = 0; i < 120; ++i) t.vm.tick({0, 0, 800, 600}, 0.016f);
    const Bounds b = t.vm.scene().bounds(t.vm.slice().graph);
    CHECK(t.vm.camera().camera().zoom < b.max_zoom);
}

TEST_CASE("state: a colour or size mode with no data in the slice is named with its reason") {
    Loaded t; // the sample: years, but no citation counts
    CHECK(state_report(t.vm)["modesWithoutData"] ==
          nlohmann::json{{"citations", "No node in this slice has a citation count, so all are drawn at their smallest size."}});
    ViewModel bare;
    REQUIRE(bare.load_json(R"({"schema": "rgv-slice", "version": 1, "nodes": [{"id": "p", "type": "person"}]})", "test"));
    CHECK(state_report(bare)["modesWithoutData"] ==
          nlohmann::json{{"year", "No node in this slice has a year, so all are drawn grey."},
                         {"citations", "No node in this slice has a citation count, so all are drawn at their smallest size."}});
    ViewModel full;
    REQUIRE(full.load_json(R"({"schema": "rgv-slice", "version": 1, "nodes": [
        {"id": "w", "type": "work", "attrs": {"year": 2014, "citations": 3}}]})", "test"));
    CHECK(state_report(full)["modesWithoutData"] == nlohmann::json::object());
}

TEST_CASE("commands: set_pointer, and a touch on the graph, make the hints speak of fingers") {
    Loaded t;
    CHECK(state_report(t.vm)["coarsePointer"] == false);
    CHECK(t.error({{"cmd", "set_pointer"}, {"coarse", "yes"}}) == "set_pointer: \"coarse\" must be true or false");
    CHECK(t.run({{"cmd", "set_pointer"}, {"coarse", true}})["ok"] == true);
    CHECK(state_report(t.vm)["coarsePointer"] == true);
    CHECK(t.run({{"cmd", "set_pointer"}, {"coarse", false}})["ok"] == true);
    t.vm.touch(1, 400, 300, TouchPhase::Down);
    t.vm.touch(1, 400, 300, TouchPhase::Up);
    CHECK(state_report(t.vm)["coarsePointer"] == true);
}

TEST_CASE("touch: fingers that land on the UI pinch nothing; on the graph they zoom") {
    Loaded t;
    for (int i = 0; i < 5000 && !t.vm.layout().converged(); ++i) t.vm.tick({0, 0, 800, 600}, 0.016f);
    for (int i = 0; i < 60; ++i) t.vm.tick({0, 0, 800, 600}, 0.016f);
    const float zoom = t.vm.camera().camera().zoom;
    // Two fingers spread 100 px to 300 px apart, each landing over the UI or not.
    auto pinch = [&](bool first_on_ui, bool second_on_ui) {
        t.vm.touch(1, 350, 300, TouchPhase::Down, first_on_ui);
        t.vm.touch(2, 450, 300, TouchPhase::Down, second_on_ui);
        for (int k = 1; k <= 10; ++k) {
            t.vm.touch(1, 350.0f - 10.0f * static_cast<float>(k), 300, TouchPhase::Move);
            t.vm.touch(2, 450.0f + 10.0f * static_cast<float>(k), 300, TouchPhase::Move);
        }
        t.vm.touch(1, 250, 300, TouchPhase::Up);
        t.vm.touch(2, 550, 300, TouchPhase::Up);
        return t.vm.camera().camera().zoom;
    };
    CHECK(pinch(true, true) == doctest::Approx(zoom));   // both on the sheet
    CHECK(pinch(true, false) == doctest::Approx(zoom));  // one on the sheet: no pinch
    CHECK(pinch(false, true) == doctest::Approx(zoom));
    CHECK(pinch(false, false) == doctest::Approx(zoom * 3.0f).epsilon(0.01)); // both on the graph
}

TEST_CASE("pointer: with a finger, a long press lights a node without selecting it") {
    Loaded t;
    for (int i = 0; i < 200; ++i) t.vm.tick({0, 0, 800, 600}, 0.016f);
    const std::string id = "person:deliang-fan";
    const auto at = state_report(t.vm)["screen"][id];
    REQUIRE(at.is_array());
    const Vec2 p{at[0].get<float>(), at[1].get<float>()};
    // Press, then release after `held` seconds, without moving.
    auto press = [&](float held) {
        PointerInput in;
        in.pos = p;
        in.valid = true;
        in.pressed = in.down = true;
        t.vm.pointer(in);
        t.vm.commit_hover();
        in.pressed = false;
        t.vm.pointer(in);
        in.down = false;
        in.released = in.click = true;
        in.held = held;
        t.vm.pointer(in);
        t.vm.commit_hover();
    };
    t.vm.set_coarse_pointer(true);
    press(0.7f);
    CHECK(t.vm.selected() == kNoNode);
    CHECK(t.vm.hovered() == t.vm.slice().graph.find(id));
    press(0.1f); // a tap selects
    CHECK(t.vm.selected() == t.vm.slice().graph.find(id));
    t.vm.select(kNoNode);
    t.vm.set_coarse_pointer(false);
    press(0.7f); // a slow mouse click is still a click
    CHECK(t.vm.selected() == t.vm.slice().graph.find(id));
}
