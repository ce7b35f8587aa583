// style.h — Dear ImGui's style from the viewer's theme: the panels, cards and widgets in
// the theme's colours (light or dark), applied by the App whenever the theme changes.
#pragma once

#include "view/model/theme.h"

namespace rgv {

void apply_imgui_style(const Theme& theme);

} // namespace rgv
