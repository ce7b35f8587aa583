// text.h — small text helpers shared by the model and the panels.
#pragma once

#include <string>

namespace rgv {

// "812 bytes", "340 KB", "1.2 MB" (decimal units, like the browsers' download lists).
std::string format_bytes(double bytes);

} // namespace rgv
