// view_options.h — how the graph is shown, independent of the data: explorer or compact,
// colour and size modes, the filter, labels and arrows, the theme. Each enum's names are
// written once here (to_string / parse), for the commands, the state report, the panels
// and the deep link.
#pragma once

#include "core/filter.h"
#include "view/model/theme.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rgv {

enum class Mode { Compact, Explorer };
enum class ColorMode { Type, Community, Year };
enum class SizeMode { Degree, Citations };

const char* to_string(Mode m);
const char* to_string(ColorMode m);
const char* to_string(SizeMode m);
// The name's value, or nothing for an unknown name.
std::optional<Mode> parse_mode(std::string_view name);
std::optional<ColorMode> parse_color_mode(std::string_view name);
std::optional<SizeMode> parse_size_mode(std::string_view name);
// The accepted names for error messages: "\"type\", \"community\" or \"year\"".
std::string mode_names();
std::string color_mode_names();
std::string size_mode_names();

struct ViewOptions {
    Mode mode = Mode::Explorer;
    ColorMode color_mode = ColorMode::Type;
    SizeMode size_mode = SizeMode::Degree;
    Filter filter;
    bool show_labels = true;
    bool show_arrows = false;
    // The pointer is a finger (a phone, a tablet): the hints say tap and pinch. The page
    // says so from (pointer: coarse); any touch on the graph says so too.
    bool coarse_pointer = false;
    Theme theme = light_theme();
    // Chrome the host draws over the canvas (a toolbar), in logical px from each edge: the
    // graph area, its fit and focus, and the viewer's cards stay out of it.
    struct Insets {
        float top = 0, right = 0, bottom = 0, left = 0;
    } insets;
};

} // namespace rgv
