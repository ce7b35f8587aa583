// text.cpp — see text.h.
#include "view/model/text.h"

#include <cstdio>

namespace rgv {

std::string format_bytes(double bytes) {
    char buf[32];
    if (bytes < 1000.0)
        std::snprintf(buf, sizeof buf, "%.0f bytes", bytes);
    else if (bytes < 1e6)
        std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
    return buf;
}

} // namespace rgv
