// view_options.cpp — see view_options.h.
#include "view/model/view_options.h"

namespace rgv {

namespace {
// One table per enum: the value and its name, in the order error messages list them.
template <typename E> struct Named {
    E value;
    const char* name;
};
constexpr Named<Mode> kModes[] = {{Mode::Compact, "compact"}, {Mode::Explorer, "explorer"}};
constexpr Named<ColorMode> kColorModes[] = {
    {ColorMode::Type, "type"}, {ColorMode::Community, "community"}, {ColorMode::Year, "year"}};
constexpr Named<SizeMode> kSizeModes[] = {{SizeMode::Degree, "degree"}, {SizeMode::Citations, "citations"}};

template <typename E, std::size_t N> const char* name_of(const Named<E> (&table)[N], E v) {
    for (const auto& n : table)
        if (n.value == v) return n.name;
    return "";
}
template <typename E, std::size_t N> std::optional<E> value_of(const Named<E> (&table)[N], std::string_view name) {
    for (const auto& n : table)
        if (name == n.name) return n.value;
    return std::nullopt;
}
// "\"a\", \"b\" or \"c\"", for messages.
template <typename E, std::size_t N> std::string names_of(const Named<E> (&table)[N]) {
    std::string out;
    for (std::size_t i = 0; i < N; ++i)
        out += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + ("\"" + std::string(table[i].name) + "\"");
    return out;
}
} // namespace

const char* to_string(Mode m) { return name_of(kModes, m); }
const char* to_string(ColorMode m) { return name_of(kColorModes, m); }
const char* to_string(SizeMode m) { return name_of(kSizeModes, m); }
std::optional<Mode> parse_mode(std::string_view name) { return value_of(kModes, name); }
std::optional<ColorMode> parse_color_mode(std::string_view name) { return value_of(kColorModes, name); }
std::optional<SizeMode> parse_size_mode(std::string_view name) { return value_of(kSizeModes, name); }
std::string mode_names() { return names_of(kModes); }
std::string color_mode_names() { return names_of(kColorModes); }
std::string size_mode_names() { return names_of(kSizeModes); }

} // namespace rgv
