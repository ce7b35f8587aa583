// load_error.h — a failed load told in plain words. The importers' messages are exact and
// technical ("line 1, column 1: syntax error while parsing value - invalid literal; last
// read: '<'"): right for a developer and the API, wrong as the only thing a visitor reads.
// explain_load_error keeps the technical message as the detail and adds one sentence that
// says what is wrong with the file and, where there is one, what to do.
#pragma once

#include <string>
#include <string_view>

namespace rgv {

struct PlainError {
    std::string summary; // one or two plain sentences, e.g. "This file is not a graph slice: ..."
    std::string detail;  // the technical message, unchanged
};

// `technical`: an importer's or the download's message, with or without the "SOURCE: "
// prefix the view model adds (the prefix is not part of the explanation).
PlainError explain_load_error(std::string_view technical);

} // namespace rgv
