// test_search.cpp — fuzzy label search.
//
// Index
//   Folding       case, accents, Greek, Cyrillic, expansions, invalid UTF-8
//   Ranking       prefix / word start / contiguous beat scattered matches; tie order
//   Highlights    byte ranges on the original label
//   Edge cases    empty query, terms, limits, invalid UTF-8 labels, a big index
#include "core/search.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace rgv;

namespace {

std::vector<std::uint32_t> indices(const std::vector<SearchHit>& hits) {
    std::vector<std::uint32_t> out;
    for (const auto& h : hits) out.push_back(h.index);
    return out;
}

using Ranges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

} // namespace

TEST_SUITE("search") {

// [SECTION] Folding
TEST_CASE("folding: case, Latin accents, expansions") {
    CHECK(fold_for_search("Zhezhi HE") == "zhezhi he");
    CHECK(fold_for_search("Àéîõü Çñ Ø") == "aeiou cn o");
    CHECK(fold_for_search("Łukasz Żółć") == "lukasz zolc");
    CHECK(fold_for_search("Straße Æsir Œuvre") == "strasse aesir oeuvre");
    CHECK(fold_for_search("Dvořák Erdős") == "dvorak erdos");
    // Decomposed é (e + U+0301) folds like the precomposed one.
    CHECK(fold_for_search("Jose\xCC\x81") == "jose");
    CHECK(fold_for_search("× ÷") == "× ÷");
}

TEST_CASE("folding: Greek and Cyrillic") {
    CHECK(fold_for_search("ΑΛΦΑ Ωμέγα") == "αλφα ωμεγα");
    CHECK(fold_for_search("Σοφός") == "σοφοσ");
    CHECK(fold_for_search("МОСКВА Ёлка") == "москва елка");
    CHECK(fold_for_search("Їжак") == "їжак");
}

TEST_CASE("folding: invalid UTF-8 becomes U+FFFD, one per bad byte") {
    CHECK(fold_for_search("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(fold_for_search("\xC3") == "\xEF\xBF\xBD");                 // truncated sequence
    CHECK(fold_for_search("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // overlong
    CHECK(fold_for_search("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
    CHECK(fold_for_search("") == "");
}

// [SECTION] Ranking
TEST_CASE("prefix and word starts beat scattered matches") {
    SearchIndex index;
    index.build({"Chachi Zhezhi", "Zhezhi He", "xzxhxe", "Shezhi Hax"});
    const auto hits = index.search("zhe", 10);
    REQUIRE(hits.size() == 3);
    CHECK(hits[0].index == 1); // prefix
    CHECK(hits[1].index == 0); // word start
    CHECK(hits[2].index == 2); // scattered
    CHECK(hits[0].score > hits[1].score);
    CHECK(hits[1].score > hits[2].score);
}

TEST_CASE("contiguous beats gapped; accents and case do not matter") {
    SearchIndex index;
    index.build({"Neural Network Pruning", "Non-Structured DNN Weight Pruning", "Émile Pruñing"});
    auto hits = index.search("PRUNING", 10);
    REQUIRE(hits.size() == 3);
    // All three match at a word start; the earlier start wins (the leading-gap charge is
    // capped, so the last two tie and the shorter label comes first).
    CHECK(hits[0].score > hits[1].score);
    CHECK(hits[1].score == hits[2].score);
    CHECK(indices(hits) == std::vector<std::uint32_t>{2, 0, 1});
    hits = index.search("nnp", 10);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].index == 0); // N(eural) N(etwork) P(runing): three word starts
}

TEST_CASE("terms match in any order and all must match") {
    SearchIndex index;
    index.build({"Adnan Siraj Rakin", "Deliang Fan", "Rakin Adnan"});
    CHECK(indices(index.search("rakin adnan", 10)) == std::vector<std::uint32_t>{2, 0});
    CHECK(index.search("rakin fan", 10).empty());
    CHECK(indices(index.search("  fan  ", 10)) == std::vector<std::uint32_t>{1});
}

TEST_CASE("ties are ordered by label length, then index") {
    SearchIndex index;
    index.build({"abc", "ab", "abc", "ab"});
    CHECK(indices(index.search("ab", 10)) == std::vector<std::uint32_t>{1, 3, 0, 2});
    CHECK(indices(index.search("ab", 2)) == std::vector<std::uint32_t>{1, 3});
}

// [SECTION] Highlights
TEST_CASE("ranges are byte ranges of the original label, merged") {
    SearchIndex index;
    index.build({"Zhezhi He", "Émile Zola", "Straße"});
    auto hits = index.search("zhe he", 5);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].ranges == Ranges{{0, 3}, {7, 9}});
    hits = index.search("emz", 5);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].ranges == Ranges{{0, 3}, {7, 8}}); // É is two bytes
    hits = index.search("strass", 5);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].ranges == Ranges{{0, 6}}); // both s of ß point at its two bytes
    hits = index.search("sse", 5);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].ranges == Ranges{{0, 1}, {4, 7}}); // the word start S, then the second s of ß + e

}

// [SECTION] Edge cases
TEST_CASE("empty query, zero results wanted, empty index") {
    SearchIndex index;
    CHECK(index.search("a").empty());
    index.build({"alpha", ""});
    CHECK(index.size() == 2);
    CHECK(index.search("").empty());
    CHECK(index.search(" \t ").empty());
    CHECK(index.search("a", 0).empty());
    CHECK(index.search("alphabet").empty());
}

TEST_CASE("invalid UTF-8 in labels and queries never crashes and never matches bytes") {
    SearchIndex index;
    index.build({"ab\xFF\xFE" "cd", "\xF0\x9F\x98", "\xC3", "ok \xE2\x82"});
    auto hits = index.search("abcd");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].ranges == Ranges{{0, 2}, {4, 6}});
    CHECK(indices(index.search("ok")) == std::vector<std::uint32_t>{3});
    // U+FFFD in a query matches the replacement of invalid bytes; harmless either way.
    CHECK(!index.search("\xFF").empty());
    CHECK(index.search("\xC3\xA9").empty()); // é: nothing has an e
}

TEST_CASE("long labels and queries are cut, not slow") {
    std::string long_label(5000, 'x');
    long_label += "needle";
    SearchIndex index;
    index.build({long_label, "needle"});
    CHECK(indices(index.search("needle")) == std::vector<std::uint32_t>{1}); // past 256 chars
    CHECK(index.search(std::string(10000, 'x')).size() == 1);
}

TEST_CASE("three thousand labels: the exact match comes first") {
    std::vector<std::string> labels;
    for (int i = 0; i < 3000; ++i) labels.push_back("Author number " + std::to_string(i));
    labels.push_back("Zhezhi He");
    SearchIndex index;
    index.build(labels);
    const auto hits = index.search("zhezhi", 3);
    REQUIRE(!hits.empty());
    CHECK(hits[0].index == 3000);
    CHECK(index.search("number 2999", 1)[0].index == 2999);
}

} // TEST_SUITE
