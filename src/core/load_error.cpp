// load_error.cpp — see load_error.h. The categories follow the importers' and the JSON
// reader's messages (tests/data/bad/expected.json lists them all); anything not recognised
// still gets a plain first sentence, with the technical message one click away.
#include "core/load_error.h"

#include <cstdio>

namespace rgv {
namespace {

bool has(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// "line 3, column 17" at the start of a JSON reader's message, or "".
std::string where_in_text(std::string_view m) {
    int line = 0, column = 0;
    const std::string head(m.substr(0, 64));
    if (std::sscanf(head.c_str(), "line %d, column %d", &line, &column) != 2) return {};
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// The JSON pointer an importer's message starts with ("/nodes/3/id: ..."), or "".
std::string pointer(std::string_view m) {
    if (m.empty() || m[0] != '/') return {};
    const std::size_t colon = m.find(": ");
    return colon == std::string_view::npos ? std::string() : std::string(m.substr(0, colon));
}

std::string in_parens(const std::string& where) { return where.empty() ? std::string() : " (" + where + ")"; }

} // namespace

PlainError explain_load_error(std::string_view technical) {
    PlainError e;
    e.detail = std::string(technical);
    std::string_view m = technical;
    // The view model's "SOURCE: " prefix: everything before the message proper. A source may
    // hold ": " itself (a URL's "https:" does not, "C: drive" might), so look for the known
    // starts of a message rather than the first colon.
    for (std::string_view start : {"line ", "/", "top level:", "input too large", "HTTP ", "Failed to fetch", "NetworkError"}) {
        const std::size_t at = m.find(std::string(": ") + std::string(start));
        if (at != std::string_view::npos) {
            m = m.substr(at + 2);
            break;
        }
    }
    const std::string where = where_in_text(m), at = pointer(m);

    if (has(m, "HTTP 404"))
        e.summary = "The graph could not be downloaded: the server has no file at that address (HTTP 404).";
    else if (m.rfind("HTTP ", 0) == 0)
        e.summary = "The graph could not be downloaded: the server refused it (" + std::string(m.substr(0, m.find(';'))) + ").";
    else if (has(m, "Failed to fetch") || has(m, "NetworkError") || has(m, "network"))
        e.summary = "The graph could not be downloaded: the network or the server did not answer. Check the "
                    "connection and try again.";
    else if (has(m, "the input is empty"))
        e.summary = "This file is empty: there is no graph in it.";
    else if (has(m, "invalid UTF-8"))
        e.summary = "This file is not UTF-8 text" + in_parens(where) + ". Save it as UTF-8 and open it again.";
    else if (has(m, "end of input") || has(m, "missing closing quote"))
        e.summary = "This file is cut short: its JSON stops before it is complete" + in_parens(where) +
                    ". It may not have finished downloading or saving.";
    else if (has(m, "syntax error") || has(m, "number overflow"))
        e.summary = "This file is not a graph slice: it is not valid JSON" + in_parens(where) + ".";
    else if (has(m, "unknown format"))
        e.summary = "This file is JSON, but not a graph format this viewer reads (an rgv slice, node-link, JGF, "
                    "Cytoscape, graphology, VOSviewer, OpenAlex or Semantic Scholar).";
    else if (has(m, "input too large") || has(m, "too many nodes") || has(m, "too many edges") ||
             has(m, "exceeds the limit"))
        e.summary = "This graph is larger than the viewer accepts" + in_parens(at) + ".";
    else if (has(m, "unsupported version"))
        e.summary = "This slice was written for a newer version of the viewer.";
    else if (has(m, "expected an object or an array"))
        e.summary = "This file is not a graph slice: it holds a single value, not a graph.";
    else if (!at.empty()) {
        // Where, and what is wrong there in the importer's own words ("missing; expected
        // \"rgv-slice\""): a pointer alone does not tell a person what to mend.
        std::string what(m.substr(at.size() + 2));
        if (what.size() > 120) {
            const std::size_t cut = what.rfind(' ', 117);
            what = what.substr(0, cut == std::string::npos ? 117 : cut) + "\u2026";
        }
        e.summary = "This graph file has an error at " + at + " (" + what + ") and was not opened.";
    }
    else
        e.summary = "This file could not be opened as a graph.";
    return e;
}

} // namespace rgv
