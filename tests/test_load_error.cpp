// test_load_error.cpp — every message of the bad-input corpus gets a plain sentence, and the
// common ones the exact sentence a visitor reads.
#include "core/load_error.h"
#include "test_util.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using rgv::explain_load_error;
using rgv::test::read_text;

namespace {
const std::string kData = std::string(RGV_ASSETS_DIR) + "/../tests/data";
}

TEST_CASE("load errors in plain words, the technical message kept as the detail") {
    const auto e = explain_load_error(
        "notes.txt: line 1, column 1: syntax error while parsing value - invalid literal; last read: '/'");
    CHECK(e.summary == "This file is not a graph slice: it is not valid JSON (line 1, column 1).");
    CHECK(e.detail == "notes.txt: line 1, column 1: syntax error while parsing value - invalid literal; last read: '/'");

    CHECK(explain_load_error("a.json: line 1, column 64: syntax error while parsing object key - invalid string: missing "
                             "closing quote; last read: '\"ty'; expected string literal")
              .summary == "This file is cut short: its JSON stops before it is complete (line 1, column 64). It may not "
                          "have finished downloading or saving.");
    CHECK(explain_load_error("a.json: line 1, column 1: the input is empty; expected a JSON object").summary ==
          "This file is empty: there is no graph in it.");
    CHECK(explain_load_error("a.json: line 1, column 93: invalid UTF-8 byte 0xE9 in a string; the file must be UTF-8 encoded")
              .summary == "This file is not UTF-8 text (line 1, column 93). Save it as UTF-8 and open it again.");
    CHECK(explain_load_error("x.json: top level: unknown format; expected one of slice, node-link").summary ==
          "This file is JSON, but not a graph format this viewer reads (an rgv slice, node-link, JGF, Cytoscape, "
          "graphology, VOSviewer, OpenAlex or Semantic Scholar).");
    CHECK(explain_load_error("x.json: /nodes/0/id: duplicate node id \"p\"").summary ==
          "This graph file has an error at /nodes/0/id (duplicate node id \"p\") and was not opened.");
    CHECK(explain_load_error("x.json: /schema: missing; expected \"rgv-slice\"").summary ==
          "This graph file has an error at /schema (missing; expected \"rgv-slice\") and was not opened.");
    CHECK(explain_load_error("x.json: /nodes: too many nodes, the limit is 1").summary ==
          "This graph is larger than the viewer accepts (/nodes).");
    CHECK(explain_load_error("https://example.org/g.json: HTTP 404 Not Found").summary ==
          "The graph could not be downloaded: the server has no file at that address (HTTP 404).");
    CHECK(explain_load_error("https://example.org/g.json: HTTP 500 Internal Server Error").summary ==
          "The graph could not be downloaded: the server refused it (HTTP 500 Internal Server Error).");
    CHECK(explain_load_error("https://example.org/g.json: Failed to fetch").summary ==
          "The graph could not be downloaded: the network or the server did not answer. Check the connection and try again.");
    // No prefix at all (an API caller's message) reads the same.
    CHECK(explain_load_error("line 2, column 5: syntax error while parsing value - unexpected ']'").summary ==
          "This file is not a graph slice: it is not valid JSON (line 2, column 5).");
}

TEST_CASE("load errors: every file of the bad-input corpus gets a plain sentence other than the catch-all") {
    const std::string dir = kData + "/bad/";
    const nlohmann::json manifest = nlohmann::json::parse(read_text(dir + "expected.json"));
    int explained = 0;
    for (auto it = manifest.begin(); it != manifest.end(); ++it) {
        if (it.key()[0] == '_' || !it.value().contains("error")) continue;
        const std::string message = it.key() + ": " + it.value()["error"].get<std::string>();
        CAPTURE(message);
        const auto e = explain_load_error(message);
        CHECK(e.detail == message);
        CHECK(e.summary != "This file could not be opened as a graph.");
        CHECK(e.summary.find("syntax error") == std::string::npos);
        ++explained;
    }
    CHECK(explained > 40);
}
