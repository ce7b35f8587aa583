// text.h — small text helpers shared by the model and the panels.
#pragma once

#include <string>

namespace rgv {

// The text cut to at most `max_bytes` bytes plus an ellipsis when it is longer, never
// inside a UTF-8 sequence (work titles can be very long).
std::string short_label(const std::string& s, std::size_t max_bytes);

// "812 bytes", "340 KB", "1.2 MB" (decimal units, like the browsers' download lists).
std::string format_bytes(double bytes);

} // namespace rgv
