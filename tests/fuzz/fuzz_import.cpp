// fuzz_import.cpp — libFuzzer target: import_graph on arbitrary bytes, then every exporter
// on what loaded, and the own format must read back what it wrote.
//
// One binary for every importer: RGV_FUZZ_FORMAT=<format name> ("slice", "node-link", "jgf",
// "cytoscape", "graphology", "vosviewer", "openalex", "semanticscholar") forces that format
// and the whole input is the document. Unset, the first byte picks the format (0 = auto) and
// the rest is the document. One binary rather than one per format: each ASan + libFuzzer link
// took seconds, eight of them a third of the fuzz test's time in CI.
// Built and run by tools/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined).
#include "core/exporters.h"
#include "core/importers.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {
bool g_forced = false;
rgv::Format g_format = rgv::Format::Auto;
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* name = std::getenv("RGV_FUZZ_FORMAT");
    if (!name || !*name) return 0;
    if (!rgv::parse_format_name(name, g_format)) {
        std::fprintf(stderr, "fuzz_import: RGV_FUZZ_FORMAT=%s is no format name\n", name);
        std::exit(2);
    }
    g_forced = true;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rgv::ImportOptions options;
    // Small limits keep each run fast and exercise the limit paths.
    options.limits.max_bytes = 1u << 20;
    options.limits.max_nodes = 2000;
    options.limits.max_edges = 5000;
    options.limits.max_depth = 32;
    options.limits.max_string_length = 4096;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (g_forced) {
        options.format = g_format;
    } else {
        if (size == 0) return 0;
        options.format = static_cast<rgv::Format>(data[0] % 9);
        text.remove_prefix(1);
    }
    rgv::Slice slice;
    const rgv::ImportResult r = rgv::import_graph(text, slice, options);
    if (r.ok) {
        for (rgv::ExportFormat f : {rgv::ExportFormat::Slice, rgv::ExportFormat::NodeLink, rgv::ExportFormat::GraphMl})
            (void)rgv::export_graph(slice, f);
        // The own format must read back what it wrote.
        rgv::Slice again;
        const rgv::ImportResult back = rgv::import_graph(rgv::export_graph(slice, rgv::ExportFormat::Slice), again);
        if (!back.ok || again.graph.node_count() != slice.graph.node_count() ||
            again.graph.edge_count() != slice.graph.edge_count())
            __builtin_trap();
    }
    return 0;
}
