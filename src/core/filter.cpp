// filter.cpp — see filter.h.
//
// Index
//   Years           node_year, slice_year_range
//   Visibility      visible()
//   Serialisation   filter_to_json, filter_from_json
//   Colours         viridis table (matplotlib's, 8-bit), Tableau 10 without red + 3
#include "core/filter.h"

#include "core/attributes.h"
#include "core/json_reader.h"

#include <algorithm>
#include <cmath>

namespace rgv {

// [SECTION] Years
bool node_year(const Graph& g, std::uint32_t node, int& year) {
    if (node >= g.node_count()) return false;
    const std::optional<int> y = attr::work_year(g.node_attrs[node]);
    if (!y) return false;
    year = *y;
    return true;
}

bool slice_year_range(const Slice& slice, int& min_year, int& max_year) {
    bool any = false;
    for (std::uint32_t i = 0; i < slice.graph.node_count(); ++i) {
        int y = 0;
        if (!node_year(slice.graph, i, y)) continue;
        if (!any) min_year = max_year = y;
        min_year = std::min(min_year, y);
        max_year = std::max(max_year, y);
        any = true;
    }
    return any;
}

// [SECTION] Visibility
std::vector<std::uint8_t> visible(const Slice& slice, const Filter& filter) {
    const Graph& g = slice.graph;
    const std::size_t n = g.node_count();
    std::vector<std::uint8_t> type_ok(n, 1), year_ok(n, 1);
    auto contains = [](const std::vector<std::string>& list, std::string_view s) {
        return std::find(list.begin(), list.end(), s) != list.end();
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (!filter.types_hidden.empty() &&
            (contains(filter.types_hidden, g.node_type[i]) ||
             contains(filter.types_hidden, node_kind_name(g.kind[i]))))
            type_ok[i] = 0;
        if (filter.has_years) {
            int y = 0;
            if (node_year(g, static_cast<std::uint32_t>(i), y))
                year_ok[i] = (y >= filter.year_from && y <= filter.year_to) ? 1 : 0;
            else // people, topics and institutions have no year of their own: not "undated"
                year_ok[i] = (filter.hide_undated && g.kind[i] == NodeKind::Work) ? 0 : 1;
        }
    }
    std::vector<std::uint8_t> out(n, 0);
    const bool by_works = filter.has_years || !filter.topics.empty();
    if (!by_works) {
        for (std::size_t i = 0; i < n; ++i) out[i] = type_ok[i];
    } else {
        std::vector<std::uint8_t> selected_topic(n, 0);
        for (const auto& id : filter.topics) {
            const auto t = g.find(id);
            if (t != kNoNode) selected_topic[t] = 1;
        }
        std::vector<std::uint32_t> off, adj;
        g.adjacency(off, adj);
        // Works passing the year and topic tests, before the type filter.
        std::vector<std::uint8_t> matching(n, 0), has_work(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            if (g.kind[i] != NodeKind::Work || !year_ok[i]) continue;
            bool topic_ok = filter.topics.empty();
            for (std::uint32_t k = off[i]; k < off[i + 1] && !topic_ok; ++k)
                topic_ok = selected_topic[adj[k]] != 0;
            matching[i] = topic_ok ? 1 : 0;
        }
        // First ring: non-works next to a matching work, and the selected topics.
        std::vector<std::uint8_t> ring(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            if (g.kind[i] == NodeKind::Work) continue;
            for (std::uint32_t k = off[i]; k < off[i + 1]; ++k) {
                if (g.kind[adj[k]] == NodeKind::Work) has_work[i] = 1;
                if (matching[adj[k]]) ring[i] = 1;
            }
            if (selected_topic[i]) ring[i] = 1;
        }
        if (slice.focus < n) ring[slice.focus] = 1;
        for (std::size_t i = 0; i < n; ++i) {
            bool keep = g.kind[i] == NodeKind::Work ? matching[i] != 0 : ring[i] != 0;
            // Second ring: nodes with no work neighbour (institutions) next to the first.
            if (!keep && g.kind[i] != NodeKind::Work && !has_work[i])
                for (std::uint32_t k = off[i]; k < off[i + 1] && !keep; ++k)
                    keep = ring[adj[k]] && g.kind[adj[k]] != NodeKind::Work;
            out[i] = (keep && type_ok[i] && year_ok[i]) ? 1 : 0;
        }
    }
    if (slice.focus < n) out[slice.focus] = 1;
    return out;
}

// [SECTION] Serialisation
namespace {

constexpr std::size_t kMaxFilterBytes = 64 * 1024;
constexpr std::size_t kMaxListEntries = 256;
constexpr std::size_t kMaxEntryBytes = 512;

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8_sequence_length(s, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

bool read_string_list(const nlohmann::json& v, const std::string& where, std::vector<std::string>& out,
                      std::string& error) {
    if (!v.is_array()) {
        error = where + ": expected an array of strings, got " + got(v);
        return false;
    }
    if (v.size() > kMaxListEntries) {
        error = where + ": more than " + std::to_string(kMaxListEntries) + " entries";
        return false;
    }
    out.clear();
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto& e = v[i];
        const std::string at = pointer_index(where, i);
        if (!e.is_string()) {
            error = at + ": expected a string, got " + got(e);
            return false;
        }
        const auto& s = e.get_ref<const std::string&>();
        if (s.empty()) {
            error = at + ": empty string";
            return false;
        }
        if (s.size() > kMaxEntryBytes) {
            error = at + ": longer than " + std::to_string(kMaxEntryBytes) + " bytes";
            return false;
        }
        if (!valid_utf8(s)) {
            error = at + ": not valid UTF-8";
            return false;
        }
        out.push_back(s);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return true;
}

bool read_year(const nlohmann::json& v, const std::string& where, int& out, std::string& error) {
    bool ok = false;
    if (v.is_number_integer()) {
        const auto y = v.get<std::int64_t>();
        ok = y >= -9999 && y <= 9999;
        if (ok) out = static_cast<int>(y);
    } else if (v.is_number_unsigned()) {
        const auto y = v.get<std::uint64_t>();
        ok = y <= 9999;
        if (ok) out = static_cast<int>(y);
    } else {
        error = where + ": expected an integer year, got " + got(v);
        return false;
    }
    if (!ok) error = where + ": year out of range -9999..9999";
    return ok;
}

} // namespace

std::string filter_to_json(const Filter& filter) {
    nlohmann::json j = nlohmann::json::object();
    if (!filter.types_hidden.empty()) j["typesHidden"] = filter.types_hidden;
    if (filter.has_years) {
        j["years"] = {filter.year_from, filter.year_to};
        if (filter.hide_undated) j["hideUndated"] = true;
    }
    if (!filter.topics.empty()) j["topics"] = filter.topics;
    // Replace, not throw, on invalid UTF-8 (exceptions are off in the wasm build).
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

FilterParseResult filter_from_json(std::string_view text, Filter& out) {
    FilterParseResult r;
    if (text.size() > kMaxFilterBytes) {
        r.error = "filter: longer than " + std::to_string(kMaxFilterBytes) + " bytes";
        return r;
    }
    LoadLimits limits;
    limits.max_bytes = kMaxFilterBytes;
    limits.max_depth = 4;
    limits.max_string_length = kMaxEntryBytes * 4;
    nlohmann::json doc;
    std::vector<std::string> warnings;
    Reporter report(warnings);
    if (!read_json(text, limits, doc, report)) {
        r.error = "filter: " + report.error();
        return r;
    }
    if (!doc.is_object()) {
        r.error = "filter: expected an object, got " + got(doc);
        return r;
    }
    Filter f;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const std::string where = pointer_key("", it.key());
        const nlohmann::json& v = it.value();
        if (it.key() == "typesHidden") {
            if (!read_string_list(v, where, f.types_hidden, r.error)) return r;
        } else if (it.key() == "topics") {
            if (!read_string_list(v, where, f.topics, r.error)) return r;
        } else if (it.key() == "years") {
            if (!v.is_array() || v.size() != 2) {
                r.error = where + ": expected [from, to], got " +
                          (v.is_array() ? "an array of " + std::to_string(v.size()) : got(v));
                return r;
            }
            if (!read_year(v[0], where + "/0", f.year_from, r.error)) return r;
            if (!read_year(v[1], where + "/1", f.year_to, r.error)) return r;
            if (f.year_from > f.year_to) {
                r.error = where + ": from " + std::to_string(f.year_from) + " is after to " +
                          std::to_string(f.year_to);
                return r;
            }
            f.has_years = true;
        } else if (it.key() == "hideUndated") {
            if (!v.is_boolean()) {
                r.error = where + ": expected true or false, got " + got(v);
                return r;
            }
            f.hide_undated = v.get<bool>();
        } else {
            r.error = where + ": unknown key (expected typesHidden, years, hideUndated, topics)";
            return r;
        }
    }
    if (f.hide_undated && !f.has_years) {
        r.error = "/hideUndated: needs \"years\"";
        return r;
    }
    out = std::move(f);
    r.ok = true;
    return r;
}

// [SECTION] Colours
namespace {

// matplotlib's viridis (_cm_listed.py), rounded to 8 bits, as RGBA8 with R lowest.
constexpr std::uint32_t kViridis[256] = {
    0xff540144, 0xff560244, 0xff570445, 0xff590545, 0xff5a0746, 0xff5c0846, 0xff5d0a46, 0xff5e0b46,
    0xff600d47, 0xff610e47, 0xff631047, 0xff641147, 0xff651347, 0xff671448, 0xff681648, 0xff691748,
    0xff6a1848, 0xff6c1a48, 0xff6d1b48, 0xff6e1c48, 0xff6f1d48, 0xff701f48, 0xff712048, 0xff732148,
    0xff742348, 0xff752448, 0xff762548, 0xff772648, 0xff782848, 0xff792948, 0xff7a2a47, 0xff7a2c47,
    0xff7b2d47, 0xff7c2e47, 0xff7d2f47, 0xff7e3046, 0xff7e3246, 0xff7f3346, 0xff803446, 0xff813545,
    0xff813745, 0xff823845, 0xff833944, 0xff833a44, 0xff843b44, 0xff843d43, 0xff853e43, 0xff853f42,
    0xff864042, 0xff864142, 0xff874241, 0xff874441, 0xff884540, 0xff884640, 0xff88473f, 0xff89483f,
    0xff89493e, 0xff894a3e, 0xff8a4c3e, 0xff8a4d3d, 0xff8a4e3d, 0xff8a4f3c, 0xff8b503c, 0xff8b513b,
    0xff8b523b, 0xff8b533a, 0xff8c543a, 0xff8c5539, 0xff8c5639, 0xff8c5838, 0xff8c5938, 0xff8c5a37,
    0xff8d5b37, 0xff8d5c36, 0xff8d5d36, 0xff8d5e35, 0xff8d5f35, 0xff8d6034, 0xff8d6134, 0xff8d6233,
    0xff8d6333, 0xff8e6432, 0xff8e6532, 0xff8e6631, 0xff8e6731, 0xff8e6831, 0xff8e6930, 0xff8e6a30,
    0xff8e6b2f, 0xff8e6c2f, 0xff8e6d2e, 0xff8e6e2e, 0xff8e6f2e, 0xff8e702d, 0xff8e712d, 0xff8e712c,
    0xff8e722c, 0xff8e732c, 0xff8e742b, 0xff8e752b, 0xff8e762a, 0xff8e772a, 0xff8e782a, 0xff8e7929,
    0xff8e7a29, 0xff8e7b29, 0xff8e7c28, 0xff8e7d28, 0xff8e7e27, 0xff8e7f27, 0xff8e8027, 0xff8e8126,
    0xff8e8226, 0xff8e8226, 0xff8e8325, 0xff8e8425, 0xff8e8525, 0xff8e8624, 0xff8e8724, 0xff8e8823,
    0xff8e8923, 0xff8d8a23, 0xff8d8b22, 0xff8d8c22, 0xff8d8d22, 0xff8d8e21, 0xff8d8f21, 0xff8d9021,
    0xff8c9121, 0xff8c9220, 0xff8c9220, 0xff8c9320, 0xff8c941f, 0xff8b951f, 0xff8b961f, 0xff8b971f,
    0xff8b981f, 0xff8a991f, 0xff8a9a1f, 0xff8a9b1e, 0xff899c1e, 0xff899d1e, 0xff899e1f, 0xff889f1f,
    0xff88a01f, 0xff88a11f, 0xff87a11f, 0xff87a21f, 0xff86a320, 0xff86a420, 0xff85a521, 0xff85a621,
    0xff85a722, 0xff84a822, 0xff83a923, 0xff83aa24, 0xff82ab25, 0xff82ac25, 0xff81ad26, 0xff81ad27,
    0xff80ae28, 0xff7faf29, 0xff7fb02a, 0xff7eb12c, 0xff7db22d, 0xff7cb32e, 0xff7cb42f, 0xff7bb531,
    0xff7ab632, 0xff79b634, 0xff79b735, 0xff78b837, 0xff77b938, 0xff76ba3a, 0xff75bb3b, 0xff74bc3d,
    0xff73bc3f, 0xff72bd40, 0xff71be42, 0xff70bf44, 0xff6fc046, 0xff6ec148, 0xff6dc14a, 0xff6cc24c,
    0xff6bc34e, 0xff6ac450, 0xff69c552, 0xff68c554, 0xff67c656, 0xff65c758, 0xff64c85a, 0xff63c85c,
    0xff62c95e, 0xff60ca60, 0xff5fcb63, 0xff5ecb65, 0xff5ccc67, 0xff5bcd69, 0xff5acd6c, 0xff58ce6e,
    0xff57cf70, 0xff56d073, 0xff54d075, 0xff53d177, 0xff51d17a, 0xff50d27c, 0xff4ed37f, 0xff4dd381,
    0xff4bd484, 0xff49d586, 0xff48d589, 0xff46d68b, 0xff45d68e, 0xff43d790, 0xff41d793, 0xff40d895,
    0xff3ed898, 0xff3cd99b, 0xff3bd99d, 0xff39daa0, 0xff37daa2, 0xff36dba5, 0xff34dba8, 0xff32dcaa,
    0xff30dcad, 0xff2fddb0, 0xff2dddb2, 0xff2bdeb5, 0xff29deb8, 0xff28deba, 0xff26dfbd, 0xff25dfc0,
    0xff23dfc2, 0xff21e0c5, 0xff20e0c8, 0xff1fe1ca, 0xff1de1cd, 0xff1ce1d0, 0xff1be2d2, 0xff1ae2d5,
    0xff19e2d8, 0xff19e3da, 0xff18e3dd, 0xff18e3df, 0xff18e4e2, 0xff19e4e5, 0xff19e4e7, 0xff1ae5ea,
    0xff1be5ec, 0xff1ce5ef, 0xff1de5f1, 0xff1ee6f4, 0xff20e6f6, 0xff21e6f8, 0xff23e7fb, 0xff25e7fd,
};

// Tableau 10 (Tableau's 2016 palette) without its red, which marks the researcher in
// every colour mode (view/theme.h, kFocusColor); then two of d3's category10 that differ
// from it and ColorBrewer Paired's dark purple.
constexpr std::uint32_t kCommunity[kCommunityColors] = {
    0xffa7794e, 0xff2b8ef2, 0xff9a3d6a, 0xffb2b776, 0xff4fa159, 0xff48c9ed,
    0xffa17ab0, 0xffa79dff, 0xff5f759c, 0xffacb0ba, 0xffcfbe17, 0xff22bdbc,
};

} // namespace

std::uint32_t viridis(float t) {
    if (!(t >= 0.0f)) t = 0.0f; // NaN too
    if (t > 1.0f) t = 1.0f;
    return kViridis[static_cast<int>(t * 255.0f + 0.5f)];
}

std::uint32_t year_color(int year, int min_year, int max_year) {
    if (max_year <= min_year) return kViridis[128];
    const double t = (static_cast<double>(year) - min_year) / (static_cast<double>(max_year) - min_year);
    return viridis(static_cast<float>(t));
}

std::uint32_t community_color(int id) {
    const int k = id % kCommunityColors;
    return kCommunity[k < 0 ? k + kCommunityColors : k];
}

} // namespace rgv
