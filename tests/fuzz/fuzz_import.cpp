// fuzz_import.cpp — libFuzzer target: import_graph on arbitrary bytes, then every exporter
// on what loaded, and the own format must read back what it wrote.
//
// One source, one binary per importer: build with -DRGV_FUZZ_FORMAT=<Format enumerator>
// (Slice, NodeLink, Jgf, Cytoscape, Graphology, Vosviewer, OpenAlex, SemanticScholar) and
// the whole input is the document, read with that format forced. Without the macro the
// first byte picks the format (0 = auto) and the rest is the document.
// Built and run by tools/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined).
#include "core/exporters.h"
#include "core/importers.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rgv::ImportOptions options;
    // Small limits keep each run fast and exercise the limit paths.
    options.limits.max_bytes = 1u << 20;
    options.limits.max_nodes = 2000;
    options.limits.max_edges = 5000;
    options.limits.max_depth = 32;
    options.limits.max_string_length = 4096;
#ifdef RGV_FUZZ_FORMAT
    options.format = rgv::Format::RGV_FUZZ_FORMAT;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
#else
    if (size == 0) return 0;
    options.format = static_cast<rgv::Format>(data[0] % 9);
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
#endif
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
