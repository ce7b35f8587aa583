// test_ui_strings.cpp — the UI's words: the English table, the shipped German, a host's
// strings with their placeholders checked, counts and the locale's digits, and the
// set_language / ui_strings commands.
#include "view/model/commands.h"
#include "view/model/state_report.h"
#include "view/model/ui_strings.h"
#include "view/model/view_model.h"

#include "test_util.h"

#include <doctest/doctest.h>

#include <set>

using namespace rgv;

namespace {
bool set(UiStrings& s, std::string_view lang, const nlohmann::json& strings, std::string* error = nullptr) {
    std::string e, note;
    const bool ok = s.set(lang, strings, e, note);
    if (error) *error = e;
    return ok;
}
} // namespace

TEST_CASE("ui strings: one key per string, English by default, pairs in order") {
    const UiStrings s;
    CHECK(s.lang() == "en");
    CHECK(s.get(Str::TabProfile) == "Profile");
    CHECK(std::string(UiStrings::key(Str::TabProfile)) == "tab.profile");
    const nlohmann::json all = UiStrings::english();
    CHECK(all.size() == static_cast<std::size_t>(Str::Count)); // no key twice
    CHECK(all["search.placeholder"] == "Search people, works, topics...");
    // Every ".one" is followed by its ".other" (count() and word() rely on it).
    for (std::size_t i = 0; i < static_cast<std::size_t>(Str::Count); ++i) {
        const std::string k = UiStrings::key(static_cast<Str>(i));
        if (k.size() > 4 && k.compare(k.size() - 4, 4, ".one") == 0) {
            CAPTURE(k);
            REQUIRE(i + 1 < static_cast<std::size_t>(Str::Count));
            CHECK(std::string(UiStrings::key(static_cast<Str>(i + 1))) == k.substr(0, k.size() - 4) + ".other");
        }
    }
    CHECK(s.get(kind_word(NodeKind::Person)) == "person");
    CHECK(s.word(kind_word(NodeKind::Institution), 2) == "institutions");
    CHECK(s.get(kind_word(NodeKind::Other)) == "other");
    CHECK(s.get(mode_word(ColorMode::Community)) == "community");
    CHECK(s.get(mode_word(SizeMode::Citations)) == "citations");
}

TEST_CASE("ui strings: placeholders, counts and the locale's digits") {
    UiStrings s;
    CHECK(s.format(Str::SearchMatched, {{"label", "王小明"}, {"alt", "Wang Xiaoming"}}) == "王小明 \u2014 matched Wang Xiaoming");
    // A value is not read as a template: a name with "{alt}" in it stays as it is.
    CHECK(s.format(Str::SearchMatched, {{"label", "{alt}"}, {"alt", "x"}}) == "{alt} \u2014 matched x");
    CHECK(s.count(Str::WorksOwnOne, 1) == "1 work in this graph");
    CHECK(s.count(Str::WorksOwnOne, 0) == "0 works in this graph");
    CHECK(s.count(Str::WorksOwnOne, 12345) == "12,345 works in this graph");
    CHECK(s.count(Str::DetailsSharedOne, 2, {{"name", "Zhezhi He"}}) == "2 works shared with Zhezhi He");
    CHECK(s.number(999LL) == "999");
    CHECK(s.number(1234LL) == "1,234");
    CHECK(s.number(-1234567LL) == "-1,234,567");
    CHECK(s.number(0.4251, 2) == "0.43");
    CHECK(s.bytes(812) == "812 bytes");
    CHECK(s.bytes(340000) == "340 KB");
    CHECK(s.bytes(1234567) == "1.2 MB");
    REQUIRE(set(s, "de-AT", nullptr));
    CHECK(s.lang() == "de-AT");
    CHECK(s.number(1234LL) == "1.234");
    CHECK(s.number(0.4251, 2) == "0,43");
    CHECK(s.bytes(1234567) == "1,2 MB");
    CHECK(s.count(Str::WorksOwnOne, 1) == "1 Werk in diesem Graphen");
    CHECK(s.count(Str::WorksOwnOne, 12345) == "12.345 Werke in diesem Graphen");
}

TEST_CASE("ui strings: German is shipped whole") {
    CHECK(UiStrings::shipped() == std::vector<std::string>{"en", "de"});
    CHECK(UiStrings::untranslated("de").empty());
    UiStrings s;
    REQUIRE(set(s, "de", nullptr));
    CHECK(s.get(Str::TabExplore) == "Erkunden");
    CHECK(s.get(Str::LegendHint) == "Knoten anklicken f\u00fcr Details \u00b7 ziehen zum Verschieben \u00b7 scrollen zum Zoomen");
    // Every German line keeps to its English placeholders.
    const nlohmann::json en = UiStrings::english(), de = s.to_json();
    for (auto it = de.begin(); it != de.end(); ++it) {
        const std::string key = it.key(); // (not a structured binding: clang 14's CAPTURE refuses one)
        CAPTURE(key);
        UiStrings probe;
        std::string error;
        CHECK(set(probe, "en", nlohmann::json{{key, it.value()}}, &error));
        CHECK(error == "");
    }
    // Back to English: nothing of the German stays.
    REQUIRE(set(s, "en", nullptr));
    CHECK(s.to_json() == en);
}

TEST_CASE("ui strings: a host's strings over the shipped ones; bad ones change nothing") {
    UiStrings s;
    std::string error, note;
    // A language with no shipped strings: the host's, and English for the rest.
    REQUIRE(s.set("fr", nlohmann::json{{"tab.profile", "Profil"}, {"works.own.other", "{n} travaux dans ce graphe"},
                                       {"number.group", "\u00a0"}},
                  error, note));
    CHECK(note == "");
    CHECK(s.get(Str::TabProfile) == "Profil");
    CHECK(s.get(Str::TabExplore) == "Explore");
    CHECK(s.count(Str::WorksOwnOne, 1500) == "1\u00a0500 travaux dans ce graphe");
    REQUIRE(s.set("fr", nullptr, error, note));
    CHECK(note == "no UI strings shipped for \"fr\" and none given: English is shown");
    REQUIRE(s.set("fr", nlohmann::json{{"number.group", "\u00a0"}, {"number.decimal", ","}}, error, note));
    CHECK(note == "no UI strings shipped for \"fr\" and none given: English is shown"); // digits alone are no translation
    CHECK(s.number(0.5, 1) == "0,5");
    CHECK(s.get(Str::TabProfile) == "Profile");
    // Over German: only the given key changes.
    REQUIRE(set(s, "de", nlohmann::json{{"tab.explore", "Entdecken"}}));
    CHECK(s.get(Str::TabExplore) == "Entdecken");
    CHECK(s.get(Str::TabProfile) == "Profil");

    const nlohmann::json before = s.to_json();
    const std::string lang = s.lang();
    auto refused = [&](std::string_view l, const nlohmann::json& strings) {
        std::string e, n;
        CHECK_FALSE(s.set(l, strings, e, n));
        CHECK(s.to_json() == before);
        CHECK(s.lang() == lang);
        return e;
    };
    CHECK(refused("de", nlohmann::json{{"tab.profile", "P"}, {"tab.profle", "x"}}) ==
          "unknown UI string \"tab.profle\" (the keys are in docs/js-api.md, or uiStrings())");
    CHECK(refused("de", nlohmann::json{{"works.own.other", "{count} Werke"}}) ==
          "UI string \"works.own.other\" has {count}, which it is not given; it takes {n}");
    CHECK(refused("de", nlohmann::json{{"tab.profile", "{n}"}}) ==
          "UI string \"tab.profile\" has {n}, which it is not given; it takes no placeholders");
    CHECK(refused("de", nlohmann::json{{"tab.profile", 3}}) == "UI string \"tab.profile\" must be a text, not 3");
    CHECK(refused("de", nlohmann::json{{"tab.profile", ""}}) == "UI string \"tab.profile\" must be a text, not empty");
    CHECK(refused("de", nlohmann::json::array()) == "\"strings\" must be an object of UI string keys to texts");
    CHECK(refused("de<script>", nullptr) == "\"lang\" must be a language tag such as \"en\" or \"de-AT\", not \"de<script>\"");
}

TEST_CASE("ui strings: the set_language and ui_strings commands, and what the model says in them") {
    ViewModel vm;
    REQUIRE(vm.load_json(test::read_text(std::string(RGV_ASSETS_DIR) + "/sample-slice.json"), "sample"));
    // Before the first frame the layout has not started (an optimised build can settle the
    // sample within one frame's time budget).
    REQUIRE(vm.loading().phase == std::string("layout"));
    CHECK(vm.loading().text.rfind("Laying out ", 0) == 0);
    nlohmann::json r = run_command(vm, {{"cmd", "set_language"}, {"lang", "de"}});
    REQUIRE(r["ok"] == true);
    CHECK(r["lang"] == "de");
    CHECK(r["strings"]["tab.profile"] == "Profil");
    CHECK(r["shipped"] == nlohmann::json{"en", "de"});
    CHECK_FALSE(r.contains("warning"));
    CHECK(state_report(vm)["lang"] == "de");
    CHECK(vm.loading().text.rfind("Anordnung ", 0) == 0);
    CHECK(state_report(vm)["modesWithoutData"]["citations"] ==
          "Kein Knoten in diesem Ausschnitt hat eine Zitationszahl, daher sind alle in der kleinsten Gr\u00f6\u00dfe gezeichnet.");
    r = run_command(vm, {{"cmd", "set_language"}, {"lang", "ja"}});
    CHECK(r["ok"] == true);
    CHECK(r["warning"] == "no UI strings shipped for \"ja\" and none given: English is shown");
    r = run_command(vm, {{"cmd", "set_language"}, {"lang", 7}});
    CHECK(r["error"] == "set_language: \"lang\" must be a language tag such as \"de\"");
    CHECK(state_report(vm)["lang"] == "ja"); // unchanged by the refusal
    r = run_command(vm, {{"cmd", "ui_strings"}});
    CHECK(r["lang"] == "ja");
    CHECK(r["strings"] == UiStrings::english());
}

TEST_CASE("ui strings: docs/js-api.md lists every key, as the refusal message says") {
    const std::string doc = test::read_text(std::string(RGV_ASSETS_DIR) + "/../docs/js-api.md");
    REQUIRE_FALSE(doc.empty());
    for (std::size_t i = 0; i < static_cast<std::size_t>(Str::Count); ++i) {
        const std::string row = std::string("| `") + UiStrings::key(static_cast<Str>(i)) + "` | ";
        CAPTURE(row);
        CHECK(doc.find(row) != std::string::npos);
    }
}
