// cli.h — the native command-line tools of the `rgv` binary (validate, stats, convert,
// layout, ...). `rgv view FILE` and `rgv FILE` open the viewer instead; main() asks
// run_cli() first and opens the viewer only when it says the command is not its own.
#pragma once

namespace rgv {

// If argv[1] names a CLI command, runs it, stores the process exit code in exit_code and
// returns true (0 ok, 1 failure such as invalid input, 2 usage error). Otherwise returns
// false and leaves exit_code alone. Output goes to stdout, errors to stderr.
bool run_cli(int argc, char** argv, int& exit_code);

} // namespace rgv

namespace rgv {

// `rgv layout IN -o OUT [...]` (cli_layout.cpp); argv[0] is "layout". Returns the exit code.
int cli_layout(int argc, char** argv);

} // namespace rgv
