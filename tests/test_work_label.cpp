// test_work_label.cpp — a work's short label: surnames as researchers cite them, the
// citation by author count and year, titles cut at a word, and authors read from the graph
// in `position` order (edge order without it).
#include "core/work_label.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using rgv::cite_authors;
using rgv::cite_surname;
using rgv::shorten_title;

TEST_CASE("work label: surnames") {
    CHECK(cite_surname("Zhezhi He") == "He");
    CHECK(cite_surname("  Adnan   Siraj Rakin ") == "Rakin");
    CHECK(cite_surname("Ludwig van der Waals") == "van der Waals");
    CHECK(cite_surname("Juan de la Cruz") == "de la Cruz");
    CHECK(cite_surname("Anna Müller-Schmidt") == "Müller-Schmidt");
    CHECK(cite_surname("Jean-Pierre Serre") == "Serre");
    CHECK(cite_surname("He, Zhezhi") == "He");
    CHECK(cite_surname("van der Waals, Johannes") == "van der Waals");
    CHECK(cite_surname("Martin Luther King Jr.") == "King");
    CHECK(cite_surname("Martin Luther King, Jr.") == "King");
    CHECK(cite_surname("Henry Ford III") == "Ford");
    CHECK(cite_surname("王小明") == "王小明");
    CHECK(cite_surname("山田 太郎") == "山田 太郎"); // CJK: whole, never "the last word"
    CHECK(cite_surname("Madonna") == "Madonna");
    CHECK(cite_surname("van") == "van");         // a lone particle is the name
    CHECK(cite_surname("   ") == "");
    CHECK(cite_surname("") == "");
}

TEST_CASE("work label: citations by author count, with and without a year") {
    CHECK(cite_authors({"He"}, true, 2022) == "He 2022");
    CHECK(cite_authors({"He", "Fan"}, true, 2022) == "He & Fan 2022");
    CHECK(cite_authors({"He", "Fan", "Rakin"}, true, 2022) == "He et al. 2022");
    CHECK(cite_authors({"He", "Fan", "Rakin", "Li"}, false, 0) == "He et al.");
    CHECK(cite_authors({"He"}, false, 2022) == "He");
    CHECK(cite_authors({}, true, 2022) == "");
}

TEST_CASE("work label: titles cut at a word boundary with an ellipsis") {
    CHECK(shorten_title("TBT: Targeted Neural Network Attack with Bit Trojan", 24) == "TBT: Targeted Neural…");
    CHECK(shorten_title("Short title", 24) == "Short title");
    CHECK(shorten_title("RADAR: Run-time Adversarial Weight Attack Detection", 10) == "RADAR…");
    // No dangling separator before the ellipsis.
    CHECK(shorten_title("Pruning -- Is It Beneficial", 11) == "Pruning…");
    // One long word: cut mid-word (a boundary would keep less than half).
    CHECK(shorten_title("Supercalifragilisticexpialidocious", 10) == "Supercali…");
    // A script without spaces: cut by code points, never inside one.
    CHECK(shorten_title("深度神经网络权重剪枝方法研究", 6) == "深度神经网…");
    CHECK(shorten_title("exactly ten", 11) == "exactly ten");
    CHECK(shorten_title("anything", 0) == "");
}

namespace {
rgv::Graph authored_graph() {
    rgv::Graph g;
    g.add_node("w", "work", "A Resistance Transfer Framework for Defending Model Inversion Attack", {{"year", 2022}});
    g.add_node("a", "person", "Jingtao Li");
    g.add_node("b", "person", "Adnan Siraj Rakin");
    g.add_node("c", "person", "Zhezhi He");
    return g;
}
} // namespace

TEST_CASE("work label: authors in position order, edge order without it") {
    rgv::Graph g = authored_graph();
    // Edges given out of author order; positions decide.
    g.add_edge(3, 0, "authored", 1.0f, true, {{"position", 2}});
    g.add_edge(1, 0, "authored", 1.0f, true, {{"position", 0}});
    g.add_edge(0, 2, "", 1.0f, false, {{"position", 1}}); // work -> person counts too
    CHECK(rgv::work_authors(g, 0) == std::vector<std::uint32_t>{1, 2, 3});
    auto labels = rgv::work_short_labels(g);
    CHECK(labels[0] == "Li et al. 2022");
    CHECK(labels[1] == ""); // people have none

    rgv::Graph h = authored_graph(); // no positions: edge order
    h.add_edge(3, 0, "authored");
    h.add_edge(1, 0, "authored");
    h.add_edge(1, 0, "authored"); // a parallel edge: still one author
    CHECK(rgv::work_authors(h, 0) == std::vector<std::uint32_t>{3, 1});
    CHECK(rgv::work_short_labels(h)[0] == "He & Li 2022");
}

TEST_CASE("work label: one author, no year, no authors, a short title") {
    rgv::Graph g;
    g.add_node("w1", "work", "Bit-Flip Attack: Crushing Neural Network with Progressive Bit Search", {{"year", "2019-10"}});
    g.add_node("p", "person", "Zhezhi He");
    g.add_node("w2", "work", "Defending and Harnessing the Bit-Flip Based Adversarial Weight Attack");
    g.add_node("w3", "paper", "Parametric Noise Injection for Adversarial Defense");
    g.add_node("w4", "work", "TBT");
    g.add_node("t", "topic", "cs.LG");
    g.add_edge(1, 0, "authored");
    g.add_edge(1, 2, "authored");
    g.add_edge(5, 3, "about"); // a topic is no author
    auto labels = rgv::work_short_labels(g);
    CHECK(labels[0] == "He 2019");
    CHECK(labels[2] == "He");                       // no year
    CHECK(labels[3] == "Parametric Noise…");         // no author: the title, cut
    CHECK(labels[4] == "");                          // short already
    CHECK(labels[5] == "");
}
