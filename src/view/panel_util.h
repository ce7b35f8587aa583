// panel_util.h — small helpers shared by the ImGui panels: reading optional attributes
// without throwing (exceptions are off in wasm), and text bits.
#pragma once

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>

namespace rgv {

// The attribute as display text: strings as they are, integers in decimal, else "".
inline std::string attr_string(const nlohmann::json& attrs, const char* key) {
    if (!attrs.is_object()) return {};
    auto it = attrs.find(key);
    if (it == attrs.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    return {};
}

inline int attr_int(const nlohmann::json& attrs, const char* key, int fallback) {
    if (!attrs.is_object()) return fallback;
    auto it = attrs.find(key);
    return it != attrs.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

inline std::string join_nonempty(std::initializer_list<std::string> parts, const char* sep) {
    std::string out;
    for (const std::string& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

// Only http(s) links leave the viewer: a slice is untrusted input, and javascript: or
// file: URLs must never be opened from it.
inline bool is_web_url(const std::string& url) {
    auto starts = [&](const char* prefix) {
        const std::string p(prefix);
        if (url.size() <= p.size()) return false;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
        return true;
    };
    if (!(starts("http://") || starts("https://"))) return false;
    for (unsigned char c : url)
        if (c < 0x21 || c == 0x7F) return false; // no spaces or control characters
    return true;
}

} // namespace rgv
