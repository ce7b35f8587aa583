// ui_strings.cpp — see ui_strings.h.
#include "view/model/ui_strings.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <algorithm>
#include <set>
#include <vector>

namespace rgv {

namespace {
constexpr std::size_t kCount = static_cast<std::size_t>(Str::Count);

struct Entry {
    const char* key;
    const char* en;
};
constexpr Entry kEntries[kCount] = {
#define RGV_STR(id, key, en) {key, en},
#include "view/model/ui_strings.inc"
#undef RGV_STR
};

struct Translated {
    Str id;
    const char* text;
};
constexpr Translated kGerman[] = {
#define RGV_DE(id, text) {Str::id, text},
#include "view/model/ui_strings_de.inc"
#undef RGV_DE
};

struct Shipped {
    const char* lang;
    const Translated* begin;
    const Translated* end;
};
constexpr Shipped kShipped[] = {{"de", std::begin(kGerman), std::end(kGerman)}};

// The {names} a template uses.
std::set<std::string> placeholders(std::string_view s) {
    std::set<std::string> out;
    for (std::size_t at = s.find('{'); at != std::string_view::npos; at = s.find('{', at + 1)) {
        const std::size_t end = s.find('}', at);
        if (end == std::string_view::npos) break;
        const std::string_view name = s.substr(at + 1, end - at - 1);
        if (!name.empty() && name.find_first_of("{ ") == std::string_view::npos) out.emplace(name);
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// A language tag is letters, digits and hyphens ("de", "pt-BR", "zh-Hant-TW").
bool valid_tag(std::string_view tag) {
    if (tag.empty() || tag.size() > 35) return false;
    for (char c : tag)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

std::string group_digits(std::string digits, const std::string& sep) {
    // Four digits and more are grouped ("1,234"), as Intl.NumberFormat does for en and de.
    if (digits.size() < 4) return digits;
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return out;
}
} // namespace

UiStrings::UiStrings() {
    for (std::size_t i = 0; i < kCount; ++i) text_[i] = kEntries[i].en;
}

const char* UiStrings::key(Str id) { return kEntries[static_cast<std::size_t>(id)].key; }

std::vector<std::string> UiStrings::shipped() {
    std::vector<std::string> out{"en"};
    for (const Shipped& s : kShipped) out.emplace_back(s.lang);
    return out;
}

namespace {
// One pass over the template: a filled-in value is never read as a template.
std::string fill(const std::string& t, const StrArg* args, std::size_t n_args) {
    std::string out;
    out.reserve(t.size() + 16);
    for (std::size_t i = 0; i < t.size();) {
        if (t[i] == '{') {
            const std::size_t end = t.find('}', i);
            if (end != std::string::npos) {
                const std::string_view name(t.data() + i + 1, end - i - 1);
                const StrArg* hit = nullptr;
                for (std::size_t a = 0; a < n_args; ++a)
                    if (name == args[a].first) hit = &args[a];
                if (hit) {
                    out += hit->second;
                    i = end + 1;
                    continue;
                }
            }
        }
        out += t[i++];
    }
    return out;
}
} // namespace

std::string UiStrings::format(Str id, std::initializer_list<StrArg> args) const {
    return fill(get(id), args.begin(), args.size());
}

const std::string& UiStrings::word(Str one, long long n) const {
    return get(n == 1 ? one : static_cast<Str>(static_cast<std::size_t>(one) + 1));
}

std::string UiStrings::count(Str one, long long n, std::initializer_list<StrArg> args) const {
    std::vector<StrArg> all(args);
    all.emplace_back("n", number(n));
    return fill(word(one, n), all.data(), all.size());
}

std::string UiStrings::number(long long n) const {
    const std::string digits = std::to_string(n < 0 ? -n : n);
    return (n < 0 ? "-" : "") + group_digits(digits, get(Str::NumberGroup));
}

std::string UiStrings::number(double v, int decimals) const {
    if (!std::isfinite(v)) return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::max(decimals, 0), std::fabs(v));
    std::string s(buf);
    const std::size_t dot = s.find('.');
    std::string whole = dot == std::string::npos ? s : s.substr(0, dot);
    std::string out = (v < 0 && s.find_first_not_of("0.") != std::string::npos ? "-" : "") +
                      group_digits(whole, get(Str::NumberGroup));
    if (dot != std::string::npos) out += get(Str::NumberDecimal) + s.substr(dot + 1);
    return out;
}

std::string UiStrings::bytes(double n) const {
    if (n < 1000.0) return format(Str::UnitBytes, {{"n", number(n, 0)}});
    if (n < 1e6) return format(Str::UnitKB, {{"n", number(n / 1e3, 0)}});
    return format(Str::UnitMB, {{"n", number(n / 1e6, 1)}});
}

bool UiStrings::set(std::string_view lang, const nlohmann::json& overrides, std::string& error, std::string& note) {
    error.clear();
    note.clear();
    const std::string tag = lang.empty() ? std::string("en") : std::string(lang);
    if (!valid_tag(tag)) {
        error = "\"lang\" must be a language tag such as \"en\" or \"de-AT\", not \"" + tag + "\"";
        return false;
    }
    if (!overrides.is_null() && !overrides.is_object()) {
        error = "\"strings\" must be an object of UI string keys to texts";
        return false;
    }
    std::array<std::string, kCount> next;
    for (std::size_t i = 0; i < kCount; ++i) next[i] = kEntries[i].en;
    const std::string primary = lower(tag.substr(0, tag.find_first_of("-_")));
    bool shipped = primary == "en";
    for (const Shipped& s : kShipped) {
        if (primary != s.lang) continue;
        shipped = true;
        for (const Translated* t = s.begin; t != s.end; ++t) next[static_cast<std::size_t>(t->id)] = t->text;
    }
    if (overrides.is_object()) {
        for (const auto& [k, v] : overrides.items()) {
            std::size_t i = 0;
            while (i < kCount && k != kEntries[i].key) ++i;
            if (i == kCount) {
                error = "unknown UI string \"" + k + "\" (the keys are in docs/js-api.md, or uiStrings())";
                return false;
            }
            if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
                error = "UI string \"" + k + "\" must be a text, not " + (v.is_string() ? "empty" : v.dump());
                return false;
            }
            const std::string& text = v.get_ref<const std::string&>();
            const std::set<std::string> allowed = placeholders(kEntries[i].en);
            for (const std::string& name : placeholders(text)) {
                if (allowed.count(name)) continue;
                std::string list;
                for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + ("{" + a + "}");
                error = "UI string \"" + k + "\" has {" + name + "}, which it is not given; it takes " +
                        (list.empty() ? "no placeholders" : list);
                return false;
            }
            next[i] = text;
        }
    }
    text_ = std::move(next);
    lang_ = tag;
    // Only digits given (rgv.js adds the locale's from Intl) is no translation either.
    bool words_given = false;
    if (overrides.is_object())
        for (const auto& item : overrides.items()) words_given |= item.key().rfind("number.", 0) != 0;
    if (!shipped && !words_given) note = "no UI strings shipped for \"" + tag + "\" and none given: English is shown";
    return true;
}

nlohmann::json UiStrings::to_json() const {
    nlohmann::json j = nlohmann::json::object();
    for (std::size_t i = 0; i < kCount; ++i) j[kEntries[i].key] = text_[i];
    return j;
}

std::vector<std::string> UiStrings::untranslated(std::string_view lang) {
    std::vector<std::string> out;
    for (const Shipped& s : kShipped) {
        if (lang != s.lang) continue;
        std::vector<bool> has(kCount, false);
        for (const Translated* t = s.begin; t != s.end; ++t) has[static_cast<std::size_t>(t->id)] = true;
        for (std::size_t i = 0; i < kCount; ++i)
            if (!has[i]) out.emplace_back(kEntries[i].key);
    }
    return out;
}

Str kind_word(NodeKind kind) {
    // The pairs in ui_strings.inc follow NodeKind's order.
    static_assert(static_cast<int>(Str::KindPersonOne) == static_cast<int>(Str::KindWorkOne) + 2, "kind pairs in order");
    const int k = std::min(static_cast<int>(kind), static_cast<int>(NodeKind::Other));
    return static_cast<Str>(static_cast<int>(Str::KindWorkOne) + 2 * k);
}

Str mode_word(ColorMode mode) {
    switch (mode) {
    case ColorMode::Community: return Str::ModeColorCommunity;
    case ColorMode::Year: return Str::ModeColorYear;
    case ColorMode::Type: break;
    }
    return Str::ModeColorType;
}

Str mode_word(SizeMode mode) { return mode == SizeMode::Citations ? Str::ModeSizeCitations : Str::ModeSizeDegree; }

nlohmann::json UiStrings::english() { return UiStrings().to_json(); }

} // namespace rgv
