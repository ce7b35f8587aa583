// cli.cpp — see cli.h. Commands are added here as the importers and the layout engine
// grow them.
#include "cli/cli.h"

namespace rgv {

bool run_cli(int, char**, int&) { return false; }

} // namespace rgv
