// view_state.cpp — see view_state.h.
//
// Index
//   Percent-coding
//   Value parsers    numbers without locale, years, lists
//   view_state_to_hash
//   parse_view_state_hash
#include "core/view_state.h"

#include "core/json_reader.h"
#include "core/svg_export.h"

#include <algorithm>
#include <cmath>

namespace rgv {

// [SECTION] Percent-coding
std::string percent_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

bool percent_decode(std::string_view s, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size()) return false;
        const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
        if (hi < 0 || lo < 0) return false;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return true;
}

namespace {

// [SECTION] Value parsers
constexpr std::size_t kMaxHashBytes = 8192;
constexpr std::size_t kMaxIdBytes = 512;
constexpr std::size_t kMaxList = 256;

// A raw value for a message: at most 40 bytes, printable, quoted.
std::string shown(std::string_view raw) {
    std::string s(raw.substr(0, 40));
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    return in_quotes(printable_utf8(s)) + (raw.size() > 40 ? "..." : "");
}

// Decimal number: -?digits(.digits)?, no exponent, no locale.
bool parse_decimal(std::string_view s, double& out) {
    if (s.empty() || s.size() > 32) return false;
    std::size_t i = 0;
    const bool negative = s[0] == '-';
    if (negative) ++i;
    double v = 0;
    std::size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        v = v * 10 + (s[i++] - '0');
        ++digits;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        double scale = 0.1;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            v += (s[i++] - '0') * scale;
            scale *= 0.1;
            ++digits;
        }
    }
    if (i != s.size() || digits == 0) return false;
    out = negative ? -v : v;
    return std::isfinite(out);
}

bool parse_year(std::string_view s, int& out) {
    if (s.empty() || s.size() > 4) return false;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == sep) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    return parts;
}

// Decodes one id or word: valid escapes, UTF-8, no control characters, bounded.
bool decode_text(const std::string& key, std::string_view raw, std::string& out, std::string& error) {
    if (!percent_decode(raw, out)) {
        error = key + ": invalid percent-encoding in " + shown(raw);
        return false;
    }
    if (out.size() > kMaxIdBytes) {
        error = key + ": longer than " + std::to_string(kMaxIdBytes) + " bytes";
        return false;
    }
    for (std::size_t i = 0; i < out.size();) {
        const std::size_t len = utf8_sequence_length(out, i);
        if (len == 0) {
            error = key + ": not valid UTF-8 once decoded";
            return false;
        }
        if (len == 1 && (static_cast<unsigned char>(out[i]) < 0x20 || out[i] == 0x7f)) {
            error = key + ": control character in " + shown(raw);
            return false;
        }
        i += len;
    }
    return true;
}

bool decode_list(const std::string& key, std::string_view raw, std::vector<std::string>& out, std::string& error) {
    out.clear();
    if (raw.empty()) return true;
    const auto parts = split(raw, ',');
    if (parts.size() > kMaxList) {
        error = key + ": more than " + std::to_string(kMaxList) + " entries";
        return false;
    }
    for (auto p : parts) {
        std::string item;
        if (!decode_text(key, p, item, error)) return false;
        if (item.empty()) {
            error = key + ": empty entry in " + shown(raw);
            return false;
        }
        out.push_back(std::move(item));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return true;
}

std::string encode_list(const std::vector<std::string>& items) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i) s += (i ? "," : "") + percent_encode(items[i]);
    return s;
}

// 5 significant digits for the zoom, which spans 0.001 .. 1000.
std::string format_zoom(double z) {
    int decimals = 4;
    if (z > 0) decimals = std::clamp(4 - static_cast<int>(std::floor(std::log10(z))), 0, 9);
    return format_number(z, decimals);
}

} // namespace

// [SECTION] view_state_to_hash
std::string view_state_to_hash(const ViewState& v) {
    std::string h = "#";
    auto add = [&](const char* key, const std::string& value) {
        if (h.size() > 1) h += '&';
        h += key;
        h += '=';
        h += value;
    };
    if (!v.focus.empty()) add("focus", percent_encode(v.focus));
    if (!v.selected.empty()) add("sel", percent_encode(v.selected));
    if (v.color_mode != "type" && !v.color_mode.empty()) add("color", percent_encode(v.color_mode));
    if (v.size_mode != "degree" && !v.size_mode.empty()) add("size", percent_encode(v.size_mode));
    if (v.filter.has_years) {
        add("years", std::to_string(v.filter.year_from) + "-" + std::to_string(v.filter.year_to));
        if (v.filter.hide_undated) add("undated", "hide");
    }
    if (!v.filter.types_hidden.empty()) add("hide", encode_list(v.filter.types_hidden));
    if (!v.filter.topics.empty()) add("topics", encode_list(v.filter.topics));
    if (v.has_camera)
        add("cam", format_number(v.cx, 2) + "," + format_number(v.cy, 2) + "," + format_zoom(v.zoom));
    if (!v.mode.empty()) add("mode", percent_encode(v.mode));
    return h;
}

// [SECTION] parse_view_state_hash
ViewStateParseResult parse_view_state_hash(std::string_view hash, ViewState& out) {
    ViewStateParseResult r;
    if (hash.size() > kMaxHashBytes) {
        r.error = "hash: longer than " + std::to_string(kMaxHashBytes) + " bytes";
        return r;
    }
    if (!hash.empty() && hash[0] == '#') hash.remove_prefix(1);
    ViewState v;
    std::vector<std::string> seen;
    auto fail = [&](std::string message) {
        r.error = std::move(message);
        return r;
    };
    for (std::string_view part : split(hash, '&')) {
        if (part.empty()) continue;
        const std::size_t eq = part.find('=');
        const std::string key(part.substr(0, eq));
        const std::string_view raw = eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
            if (r.warnings.size() < 16) r.warnings.push_back(shown(key) + " given twice; the last one is used");
        } else if (seen.size() < 64)
            seen.push_back(key);
        std::string text;
        if (key == "focus" || key == "sel") {
            if (!decode_text(key, raw, text, r.error)) return r;
            (key == "focus" ? v.focus : v.selected) = text;
        } else if (key == "color") {
            if (!decode_text(key, raw, text, r.error)) return r;
            if (text != "type" && text != "community" && text != "year")
                return fail("color: expected type, community or year, got " + shown(raw));
            v.color_mode = text;
        } else if (key == "size") {
            if (!decode_text(key, raw, text, r.error)) return r;
            if (text != "degree" && text != "citations")
                return fail("size: expected degree or citations, got " + shown(raw));
            v.size_mode = text;
        } else if (key == "mode") {
            if (!decode_text(key, raw, text, r.error)) return r;
            if (text != "compact" && text != "explorer")
                return fail("mode: expected compact or explorer, got " + shown(raw));
            v.mode = text;
        } else if (key == "years") {
            const std::size_t dash = raw.find('-');
            int from = 0, to = 0;
            if (dash == std::string_view::npos || !parse_year(raw.substr(0, dash), from) ||
                !parse_year(raw.substr(dash + 1), to))
                return fail("years: expected FROM-TO with years 0..9999, got " + shown(raw));
            if (from > to) return fail("years: " + std::to_string(from) + " is after " + std::to_string(to));
            v.filter.has_years = true;
            v.filter.year_from = from;
            v.filter.year_to = to;
        } else if (key == "undated") {
            if (raw != "hide" && raw != "show") return fail("undated: expected hide or show, got " + shown(raw));
            v.filter.hide_undated = raw == "hide";
        } else if (key == "hide") {
            if (!decode_list(key, raw, v.filter.types_hidden, r.error)) return r;
        } else if (key == "topics") {
            if (!decode_list(key, raw, v.filter.topics, r.error)) return r;
        } else if (key == "cam") {
            const auto parts = split(raw, ',');
            double x = 0, y = 0, z = 0;
            if (parts.size() != 3 || !parse_decimal(parts[0], x) || !parse_decimal(parts[1], y) ||
                !parse_decimal(parts[2], z))
                return fail("cam: expected X,Y,ZOOM with finite decimal numbers, got " + shown(raw));
            if (!(z > 0) || !fits_float(x) || !fits_float(y) || !fits_float(z) || static_cast<float>(z) <= 0.0f)
                return fail("cam: zoom must be > 0 and every number must fit a float, got " + shown(raw));
            v.has_camera = true;
            v.cx = static_cast<float>(x);
            v.cy = static_cast<float>(y);
            v.zoom = static_cast<float>(z);
        } else {
            if (r.warnings.size() < 16) r.warnings.push_back("unknown key " + shown(key) + " ignored");
        }
    }
    if (v.filter.hide_undated && !v.filter.has_years) v.filter.hide_undated = false; // meaningless alone
    out = std::move(v);
    r.ok = true;
    return r;
}

} // namespace rgv
