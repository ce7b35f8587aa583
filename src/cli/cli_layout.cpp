// cli_layout.cpp — `rgv layout`: lays a graph out and writes it with positions.
//
//   rgv layout IN -o OUT [--seed N] [--iterations N] [--model d3|fa2|stress] [--pack] [--radial]
//              [--to slice|node-link|graphml] [import options]
//
// IN is any format import_graph() reads ("-" = stdin); OUT ("-" = stdout) gets every node's
// x and y. The focal node (when the input names one) is pinned at the centre, as the
// viewer does, and --radial puts the others on rings by hop distance from it. Without
// --to, OUT's extension picks the format (.graphml -> graphml, otherwise slice).
// --model stress lays each connected component out by stress majorisation and packs them
// with the focal node's component in the middle; --pack packs a force model's components
// the same way once it has converged; --radial needs a force model.
// Exit codes: 0 ok, 1 bad input or unwritable output, 2 usage.
#include "cli/cli.h"
#include "cli/cli_common.h"
#include "core/exporters.h"
#include "core/importers.h"
#include "core/layout.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace rgv {

namespace {

int usage(const char* why) {
    if (why) std::fprintf(stderr, "rgv layout: %s\n", why);
    std::fprintf(stderr,
                 "usage: rgv layout IN -o OUT [--seed N] [--iterations N] [--model d3|fa2|stress]\n"
                 "                  [--pack] [--radial] [--to slice|node-link|graphml]\n%s",
                 import_options_help());
    return 2;
}

bool parse_count(const char* text, unsigned long long max, unsigned long long& out) {
    if (!text || !*text) return false;
    char* end = nullptr;
    out = std::strtoull(text, &end, 10);
    return end && *end == '\0' && text[0] != '-' && out <= max;
}

bool ends_with(const std::string& s, const char* suffix) {
    const std::size_t n = std::strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

} // namespace

int cli_layout(int argc, char** argv) {
    std::string in, out, to;
    unsigned long long seed = 1, iterations = 1000;
    bool radial = false;
    LayoutParams params;
    ImportOptions import;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        std::string error;
        const int taken = parse_import_option(argc, argv, i, import, error);
        if (taken < 0) return usage(error.c_str());
        if (taken > 0) continue;
        const bool has_value = i + 1 < argc;
        if (a == "-o" || a == "--output") {
            if (!has_value) return usage("-o needs a file");
            out = argv[++i];
        } else if (a == "--seed") {
            if (!has_value || !parse_count(argv[++i], ~0ull, seed)) return usage("--seed needs a number");
        } else if (a == "--iterations") {
            if (!has_value || !parse_count(argv[++i], 1000000, iterations))
                return usage("--iterations needs a number up to 1000000");
        } else if (a == "--model") {
            if (!has_value || !parse_layout_model(argv[++i], params.model))
                return usage("--model is d3, fa2 or stress");
        } else if (a == "--to") {
            if (!has_value) return usage("--to needs a format");
            to = argv[++i];
        } else if (a == "--radial") {
            radial = true;
        } else if (a == "--pack") {
            params.pack_on_converge = true;
        } else if (a == "-h" || a == "--help") {
            usage(nullptr);
            return 0;
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            return usage(("unknown option " + a).c_str());
        } else if (in.empty()) {
            in = a;
        } else {
            return usage("more than one input");
        }
    }
    if (in.empty()) return usage("no input");
    if (out.empty()) return usage("no output (-o OUT)");
    ExportFormat format = ends_with(out, ".graphml") ? ExportFormat::GraphMl : ExportFormat::Slice;
    if (!to.empty() && !parse_export_format_name(to, format))
        return usage(("unknown --to format " + to).c_str());

    std::string text, error;
    if (!read_input_file(in, import.limits.max_bytes, text, error)) {
        std::fprintf(stderr, "rgv layout: %s\n", error.c_str());
        return 1;
    }
    Slice slice;
    const ImportResult r = import_graph(text, slice, import);
    if (!r.ok) {
        std::fprintf(stderr, "rgv layout: %s: %s\n", in.c_str(), r.error.c_str());
        return 1;
    }
    Graph& g = slice.graph;
    params.seed = seed;
    if (radial) {
        if (slice.focus == kNoNode) {
            std::fprintf(stderr, "rgv layout: --radial needs a focal node (see --focus)\n");
            return 1;
        }
        if (params.model == LayoutModel::Stress) {
            std::fprintf(stderr, "rgv layout: --radial needs a force model (--model d3 or fa2)\n");
            return 1;
        }
        params.radial_focus = slice.focus;
    }
    params.focus = slice.focus;
    ForceLayout layout;
    layout.reset(g, params);
    if (slice.focus != kNoNode && !g.has_position[slice.focus]) layout.pin(slice.focus, 0.0f, 0.0f);
    const int steps = layout.run(static_cast<int>(iterations));
    for (auto& h : g.has_position) h = 1;
    if (!write_output_file(out, export_graph(slice, format), error)) {
        std::fprintf(stderr, "rgv layout: %s\n", error.c_str());
        return 1;
    }
    if (out != "-")
        std::fprintf(stderr, "rgv layout: %zu nodes, %zu edges, %d iterations%s -> %s (%s)\n",
                     g.node_count(), g.edge_count(), steps, layout.converged() ? " (converged)" : "",
                     out.c_str(), export_format_name(format));
    return 0;
}

} // namespace rgv
