// cli_common.h — helpers every `rgv` command shares (cli.cpp, cli_layout.cpp):
// reading an input file under a size limit, writing an output file, and the option
// parsing for the import limits and format.
//
// Index
//   Files     read_input_file ("-" = stdin), write_output_file ("-" = stdout)
//   Options   --format, --focus, --max-bytes/-nodes/-edges/-depth/-string
#pragma once

#include "core/importers.h"

#include <string>
#include <string_view>

namespace rgv {

// [SECTION] Files
// Reads the whole file. A file larger than max_bytes is refused from its size alone,
// before anything is read, with the same message import_graph gives
// ("input too large: N bytes, the limit is M bytes"). Errors name the path.
bool read_input_file(const std::string& path, std::size_t max_bytes, std::string& out,
                     std::string& error);
// Writes (replaces) the file; "-" writes to stdout.
bool write_output_file(const std::string& path, std::string_view data, std::string& error);

// [SECTION] Options
// If argv[i] is one of the import options, consumes it (and its value, advancing i) into
// `options` and returns 1; returns 0 when argv[i] is not an import option; -1 with a
// message in `error` for a missing or bad value (a usage error: exit 2).
int parse_import_option(int argc, char** argv, int& i, ImportOptions& options, std::string& error);
// The lines describing those options, for usage texts.
const char* import_options_help();

} // namespace rgv
