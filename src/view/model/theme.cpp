// theme.cpp — see theme.h.
#include "view/model/theme.h"

namespace rgv {

const ThemeColor kThemeColors[12] = {
    {"background", &Theme::background},
    {"text", &Theme::text},
    {"panel", &Theme::panel},
    {"accent", &Theme::accent},
    {"work", nullptr, static_cast<int>(NodeKind::Work)},
    {"person", nullptr, static_cast<int>(NodeKind::Person)},
    {"topic", nullptr, static_cast<int>(NodeKind::Topic)},
    {"institution", nullptr, static_cast<int>(NodeKind::Institution)},
    {"other", nullptr, static_cast<int>(NodeKind::Other)},
    {"focus", &Theme::focus},
    {"edge", &Theme::edge},
    {"highlight", &Theme::highlight},
};

namespace {
std::uint32_t& color_ref(Theme& t, const ThemeColor& c) { return c.member ? t.*(c.member) : t.kind[c.kind]; }
std::uint32_t color_of(const Theme& t, const ThemeColor& c) { return c.member ? t.*(c.member) : t.kind[c.kind]; }

std::string color_names() {
    std::string out;
    for (const ThemeColor& c : kThemeColors) out += (out.empty() ? "" : ", ") + std::string(c.name);
    return out;
}
} // namespace

void Theme::derive() {
    // Secondary text about a third of the way to the panel: still >= 4.5:1 on both built-in
    // panels (tests/test_theme.cpp computes it).
    text_dim = mix(text, panel, dark ? 0.36f : 0.35f);
    frame = mix(panel, text, dark ? 0.12f : 0.075f);
    separator = mix(panel, text, dark ? 0.16f : 0.11f);
    ring = dark ? mix(background, rgba(0, 0, 0), 0.2f) : rgba(255, 255, 255);
    ring_selected = dark ? rgba(245, 246, 248) : rgba(30, 30, 30);
    label_box = with_alpha(panel, 215);
    label_focus_text = dark ? mix(focus, rgba(255, 255, 255), 0.45f) : rgba(150, 30, 35);
    error_text = dark ? rgba(255, 128, 122) : rgba(180, 30, 30);
    ok_text = dark ? rgba(112, 204, 136) : rgba(30, 120, 60);
    undated = dark ? rgba(92, 96, 104) : rgba(200, 200, 200);
    // A veil of the background fades everything but the highlighted node and neighbours.
    veil = with_alpha(background, dark ? 199 : 183);
}

Theme light_theme() {
    Theme t;
    t.name = "light";
    t.dark = false;
    t.background = rgba(248, 248, 246);
    t.text = rgba(33, 38, 48);
    t.panel = rgba(255, 255, 255);
    t.accent = rgba(78, 121, 167);
    // Tableau 10 hues: distinct for the common colour blindnesses.
    t.kind[static_cast<int>(NodeKind::Work)] = rgba(78, 121, 167);          // blue
    t.kind[static_cast<int>(NodeKind::Person)] = rgba(242, 142, 43);        // orange
    t.kind[static_cast<int>(NodeKind::Topic)] = rgba(89, 161, 79);          // green
    t.kind[static_cast<int>(NodeKind::Institution)] = rgba(176, 122, 161);  // purple
    t.kind[static_cast<int>(NodeKind::Other)] = rgba(148, 148, 148);        // grey
    t.focus = rgba(225, 87, 89); // the researcher: red
    t.edge = rgba(120, 130, 145, 90);
    t.highlight = rgba(60, 70, 90, 220);
    t.derive();
    return t;
}

Theme dark_theme() {
    Theme t;
    t.name = "dark";
    t.dark = true;
    t.background = rgba(22, 24, 29);
    t.text = rgba(228, 231, 236);
    t.panel = rgba(33, 36, 43);
    t.accent = rgba(110, 160, 220);
    // The same hues, lifted so they stand out from a dark background as much as the
    // light theme's do from a light one.
    t.kind[static_cast<int>(NodeKind::Work)] = rgba(104, 152, 204);
    t.kind[static_cast<int>(NodeKind::Person)] = rgba(245, 158, 66);
    t.kind[static_cast<int>(NodeKind::Topic)] = rgba(110, 184, 98);
    t.kind[static_cast<int>(NodeKind::Institution)] = rgba(196, 146, 184);
    t.kind[static_cast<int>(NodeKind::Other)] = rgba(150, 154, 160);
    t.focus = rgba(240, 98, 100);
    t.edge = rgba(150, 160, 178, 80);
    t.highlight = rgba(214, 220, 232, 220);
    t.derive();
    return t;
}

bool theme_from_json(const nlohmann::json& spec, Theme& out, std::string& error) {
    if (spec.is_string()) {
        if (spec == "light") {
            out = light_theme();
            return true;
        }
        if (spec == "dark") {
            out = dark_theme();
            return true;
        }
    }
    if (!spec.is_object()) {
        error = "\"theme\" must be \"light\", \"dark\" or an object of colours";
        return false;
    }
    Theme t = light_theme();
    if (auto base = spec.find("base"); base != spec.end()) {
        if (*base == "dark")
            t = dark_theme();
        else if (*base != "light") {
            error = "\"base\" must be \"light\" or \"dark\"";
            return false;
        }
    }
    bool any = false;
    for (const auto& [key, value] : spec.items()) {
        if (key == "base") continue;
        const ThemeColor* found = nullptr;
        for (const ThemeColor& c : kThemeColors)
            if (key == c.name) found = &c;
        if (!found) {
            error = "unknown colour \"" + key + "\" (one of " + color_names() + ")";
            return false;
        }
        std::uint32_t color = 0;
        if (!value.is_string() || !parse_hex_color(value.get_ref<const std::string&>(), color)) {
            error = "\"" + key + "\" must be a colour like \"#1f6feb\"";
            return false;
        }
        color_ref(t, *found) = color;
        any = true;
    }
    if (any) t.name = "custom";
    t.derive();
    out = t;
    return true;
}

nlohmann::json theme_to_json(const Theme& theme) {
    nlohmann::json colors = nlohmann::json::object();
    for (const ThemeColor& c : kThemeColors) colors[c.name] = hex_color(color_of(theme, c));
    return {{"name", theme.name}, {"dark", theme.dark}, {"colors", std::move(colors)}};
}

} // namespace rgv
