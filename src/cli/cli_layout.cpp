// cli_layout.cpp — `rgv layout`: lays a graph out and writes it with positions.
#include "cli/cli.h"

#include <cstdio>

namespace rgv {

int cli_layout(int, char**) {
    std::fprintf(stderr, "rgv layout: not built yet\n");
    return 2;
}

} // namespace rgv
