// text.cpp — see text.h.
#include "view/model/text.h"

#include <cstdio>

namespace rgv {

std::string short_label(const std::string& s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "\xE2\x80\xA6";
}

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
