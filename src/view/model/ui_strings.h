// ui_strings.h — the UI's words in one table (ui_strings.inc: key and English text), a
// translation shipped with the viewer (German, ui_strings_de.inc) and the host's own
// (set(): a language and any strings by key), with {placeholders} and the locale's digits.
// Text that comes from the slice (names, titles, types) is never looked up here.
#pragma once

#include "core/graph.h"
#include "view/model/view_options.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rgv {

enum class Str : std::uint16_t {
#define RGV_STR(id, key, en) id,
#include "view/model/ui_strings.inc"
#undef RGV_STR
    Count
};

// One {name} -> value of a string being filled in.
using StrArg = std::pair<const char*, std::string>;

class UiStrings {
public:
    UiStrings(); // English

    const std::string& get(Str id) const { return text_[static_cast<std::size_t>(id)]; }
    // The string with its {placeholders} filled in (one pass: a value is never read as a
    // template, so a name holding "{n}" stays as it is).
    std::string format(Str id, std::initializer_list<StrArg> args) const;
    // A counted string: `one` is the key.one of a pair (ui_strings.inc), key.other follows
    // it; {n} is the count in the locale's digits.
    std::string count(Str one, long long n, std::initializer_list<StrArg> args = {}) const;
    // The pair's form for n without filling anything in (a count drawn apart from its word).
    const std::string& word(Str one, long long n) const;
    // Digits grouped by thousands ("12,345"; German "12.345") and with the locale's
    // decimal mark. Years are not numbers here: they are never grouped.
    std::string number(long long n) const;
    std::string number(double v, int decimals) const;
    // Bytes as "940 bytes", "12 KB", "1.2 MB".
    std::string bytes(double n) const;

    // Switches the language: English, then the shipped translation for `lang`'s primary
    // subtag ("de-AT" -> "de"), then `overrides`, an object of key -> text. Nothing changes
    // when the overrides are bad (the error says which key and why). `note` tells when
    // `lang` has no shipped translation (English is shown where the host gave none).
    bool set(std::string_view lang, const nlohmann::json& overrides, std::string& error, std::string& note);
    const std::string& lang() const { return lang_; }
    // Every key with its current text.
    nlohmann::json to_json() const;
    // Every key with its English text (the reference for translators).
    static nlohmann::json english();
    static const char* key(Str id);
    // The languages shipped with the viewer.
    static std::vector<std::string> shipped();
    // The keys a shipped translation has no line for (shown in English).
    static std::vector<std::string> untranslated(std::string_view lang);

private:
    std::array<std::string, static_cast<std::size_t>(Str::Count)> text_;
    std::string lang_ = "en";
};

// The .one of a kind's word pair ("work" / "works"), of a mode's name in the panel.
Str kind_word(NodeKind kind);
Str mode_word(ColorMode mode);
Str mode_word(SizeMode mode);

} // namespace rgv
