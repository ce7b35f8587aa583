// cli.cpp — see cli.h: `rgv help`, `rgv validate`, `rgv stats`, `rgv convert`, and the
// dispatch of `rgv layout` to cli_layout.cpp.
//
// Index
//   Usage
//   Loading         file -> Slice through import_graph, messages prefixed by the path
//   Commands        validate, stats, convert
//   run_cli
//
// Exit codes: 0 ok, 1 the input is invalid or a file cannot be read or written,
// 2 usage error. Results go to stdout; errors and warnings to stderr, one line each.
#include "cli/cli.h"

#include "cli/cli_common.h"
#include "core/exporters.h"
#include "core/importers.h"

#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace rgv {

namespace {

// [SECTION] Usage
void print_usage(std::FILE* to) {
    std::fprintf(to,
                 "usage: rgv [FILE]                      open the viewer\n"
                 "       rgv validate FILE [options]     check FILE; exit 0 and a summary, or 1 and the error\n"
                 "       rgv stats FILE [options]        print JSON: format, node and edge counts by type\n"
                 "       rgv convert IN -o OUT --to F [options]\n"
                 "                                       F: slice, node-link (x, y per node), graphml\n"
                 "       rgv layout IN -o OUT [...]      lay the graph out (rgv layout --help)\n"
                 "       rgv help                        this text\n"
                 "FILE \"-\" reads stdin, OUT \"-\" writes stdout.\n"
                 "options:\n%s",
                 import_options_help());
}

int usage_error(const char* command, const std::string& message) {
    std::fprintf(stderr, "rgv %s: %s\n", command, message.c_str());
    print_usage(stderr);
    return 2;
}

// Parses "FILE [options]" (plus -o/--to for convert) after the command name.
struct Args {
    std::vector<std::string> files;
    std::string output, to;
    ImportOptions import;
};

bool parse_args(int argc, char** argv, bool with_output, Args& args, std::string& error) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const int r = parse_import_option(argc, argv, i, args.import, error);
        if (r < 0) return false;
        if (r > 0) continue;
        if (with_output && (a == "-o" || a == "--output" || a == "--to")) {
            if (i + 1 >= argc) {
                error = a + " needs a value";
                return false;
            }
            (a == "--to" ? args.to : args.output) = argv[++i];
        } else if (a.size() > 1 && a[0] == '-') {
            error = "unknown option " + a;
            return false;
        } else {
            args.files.push_back(a);
        }
    }
    if (args.files.size() != 1) {
        error = args.files.empty() ? "expected an input file" : "expected one input file";
        return false;
    }
    return true;
}

// [SECTION] Loading
// Prints the error (or each warning) as "FILE: error: ..." / "FILE: warning: ...".
bool load(const Args& args, Slice& slice, ImportResult& result) {
    const std::string& path = args.files[0];
    std::string text, error;
    if (!read_input_file(path, args.import.limits.max_bytes, text, error)) {
        std::fprintf(stderr, "%s: error: %s\n", path.c_str(), error.c_str());
        return false;
    }
    result = import_graph(text, slice, args.import);
    if (!result.ok) {
        std::fprintf(stderr, "%s: error: %s\n", path.c_str(), result.error.c_str());
        return false;
    }
    for (const std::string& w : slice.warnings)
        std::fprintf(stderr, "%s: warning: %s\n", path.c_str(), w.c_str());
    return true;
}

// [SECTION] Commands
int cmd_validate(int argc, char** argv) {
    Args args;
    std::string error;
    if (!parse_args(argc, argv, false, args, error)) return usage_error("validate", error);
    Slice slice;
    ImportResult r;
    if (!load(args, slice, r)) return 1;
    std::printf("%s: ok: %s, %zu nodes, %zu edges, %zu warning(s)\n", args.files[0].c_str(),
                format_name(r.detected), slice.graph.node_count(), slice.graph.edge_count(),
                slice.warnings.size());
    return 0;
}

int cmd_stats(int argc, char** argv) {
    Args args;
    std::string error;
    if (!parse_args(argc, argv, false, args, error)) return usage_error("stats", error);
    Slice slice;
    ImportResult r;
    if (!load(args, slice, r)) return 1;
    const Graph& g = slice.graph;
    nlohmann::json j = nlohmann::json::object();
    j["file"] = args.files[0];
    j["format"] = format_name(r.detected);
    j["nodes"] = g.node_count();
    j["edges"] = g.edge_count();
    std::map<std::string, std::size_t> node_types, edge_types;
    for (const std::string& t : g.node_type) ++node_types[t];
    for (const std::string& t : g.edge_type) ++edge_types[t];
    j["node_types"] = node_types;
    j["edge_types"] = edge_types;
    j["focus"] = slice.focus < g.node_count() ? nlohmann::json(g.node_id[slice.focus]) : nlohmann::json(nullptr);
    j["warnings"] = slice.warnings.size();
    std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return 0;
}

int cmd_convert(int argc, char** argv) {
    Args args;
    std::string error;
    if (!parse_args(argc, argv, true, args, error)) return usage_error("convert", error);
    if (args.output.empty()) return usage_error("convert", "expected -o OUT");
    if (args.to.empty()) return usage_error("convert", "expected --to FORMAT (slice, node-link, graphml)");
    ExportFormat to = ExportFormat::Slice;
    if (!parse_export_format_name(args.to, to))
        return usage_error("convert", "unknown output format \"" + args.to + "\"; use slice, node-link or graphml");
    Slice slice;
    ImportResult r;
    if (!load(args, slice, r)) return 1;
    if (!write_output_file(args.output, export_graph(slice, to), error)) {
        std::fprintf(stderr, "%s: error: %s\n", args.output.c_str(), error.c_str());
        return 1;
    }
    return 0;
}

} // namespace

// [SECTION] run_cli
bool run_cli(int argc, char** argv, int& exit_code) {
    if (argc < 2) return false;
    const std::string cmd = argv[1];
    if (cmd == "help" || cmd == "--help" || cmd == "-h") {
        print_usage(stdout);
        exit_code = 0;
        return true;
    }
    if (cmd == "validate") exit_code = cmd_validate(argc - 1, argv + 1);
    else if (cmd == "stats") exit_code = cmd_stats(argc - 1, argv + 1);
    else if (cmd == "convert") exit_code = cmd_convert(argc - 1, argv + 1);
    else if (cmd == "layout") exit_code = cli_layout(argc - 1, argv + 1);
    else return false; // a file path, "view", or a viewer option: the viewer opens
    return true;
}

} // namespace rgv
