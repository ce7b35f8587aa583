// load_bench.cpp — how fast a big slice loads into the model, and the heap it takes
// (native, and as wasm under node). bench/load.sh drives it next to the JavaScript peer
// (bench/load_peer.mjs: JSON.parse + a graphology graph); it is not a test.
//
// Index
//   Counting allocator   live and peak heap bytes of everything C++ allocates
//   gen    a deterministic ~N MB slice (works, people, topics, institutions)
//   load   import_graph on a file, REPEAT times; one JSON line (median ms, peak bytes)
#include "bench_util.h"
#include "core/importers.h"
#include "core/slice_io.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

// [SECTION] Counting allocator
// Every operator new gets a 16-byte header with its size, so delete can subtract it.
// Peak = the most live bytes at any moment; load measures it from a reset point.
namespace {
std::atomic<std::size_t> g_live{0}, g_peak{0};
constexpr std::size_t kHeader = 16;

void* counted_alloc(std::size_t n) {
    void* p = std::malloc(n + kHeader);
    if (p == nullptr) std::abort(); // the benchmark has no use for bad_alloc
    *static_cast<std::size_t*>(p) = n;
    const std::size_t live = g_live.fetch_add(n) + n;
    std::size_t peak = g_peak.load();
    while (live > peak && !g_peak.compare_exchange_weak(peak, live)) {
    }
    return static_cast<char*>(p) + kHeader;
}
void counted_free(void* q) {
    if (q == nullptr) return;
    void* p = static_cast<char*>(q) - kHeader;
    g_live.fetch_sub(*static_cast<std::size_t*>(p));
    std::free(p);
}
} // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }

using namespace rgv;

namespace {

using Clock = std::chrono::steady_clock;

// [SECTION] gen
struct Rng { // splitmix64: the same bytes on every platform
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
    float unit() { return static_cast<float>(next() >> 40) / static_cast<float>(1u << 24); }
};

std::string num(std::uint64_t v) { return std::to_string(v); }

// works : people : topics : institutions = 10 : 10 : 1 : 1; each work has 1-6 authors,
// 1-3 topics and up to 3 citations; people get an affiliation and coauthor edges.
std::string make_slice(std::uint32_t works, std::uint64_t seed) {
    Rng rng{seed};
    Slice s;
    Graph& g = s.graph;
    const std::uint32_t people = works;
    const std::uint32_t topics = std::max(1u, works / 10), insts = std::max(1u, works / 10);
    std::vector<std::uint32_t> work_ix, person_ix, topic_ix, inst_ix;
    for (std::uint32_t i = 0; i < insts; ++i)
        inst_ix.push_back(g.add_node("institution:" + num(i), "institution", "Institute of Things " + num(i),
                                     {{"country", i % 2 ? "DE" : "US"}}));
    for (std::uint32_t i = 0; i < topics; ++i)
        topic_ix.push_back(g.add_node("topic:" + num(i), "topic", "Topic number " + num(i)));
    for (std::uint32_t i = 0; i < people; ++i)
        person_ix.push_back(g.add_node("person:" + num(i), "person", "Researcher " + num(rng.next() % 1000000),
                                       {{"orcid", "0000-0002-" + num(1000 + i % 9000) + "-" +
                                                      num(1000 + rng.below(9000))}}));
    for (std::uint32_t i = 0; i < works; ++i)
        work_ix.push_back(g.add_node("work:W" + num(100000000u + i), "work",
                                     "A study of graph number " + num(i) + " and its layout",
                                     {{"year", 1990 + rng.below(36)}, {"cited_by_count", rng.below(500)}}));
    for (std::uint32_t i = 0; i < people; ++i)
        g.add_edge(person_ix[i], inst_ix[rng.below(insts)], "affiliated", 1.0f, true);
    for (std::uint32_t i = 0; i < works; ++i) {
        const std::uint32_t n_auth = 1 + rng.below(6);
        const std::uint32_t first = rng.below(people);
        for (std::uint32_t a = 0; a < n_auth; ++a) {
            const std::uint32_t p = (first + a * 7) % people;
            g.add_edge(person_ix[p], work_ix[i], "authored", 1.0f, true, {{"position", a}});
            if (a > 0)
                g.add_edge(person_ix[first], person_ix[p], "coauthor", 1.0f + static_cast<float>(rng.below(5)));
        }
        for (std::uint32_t t = 0, n = 1 + rng.below(3); t < n; ++t)
            g.add_edge(work_ix[i], topic_ix[rng.below(topics)], "about", rng.unit());
        if (i > 0)
            for (std::uint32_t c = 0, n = rng.below(4); c < n; ++c)
                g.add_edge(work_ix[i], work_ix[rng.below(i)], "cites", 1.0f, true);
    }
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        g.x[i] = (rng.unit() - 0.5f) * 2000.0f;
        g.y[i] = (rng.unit() - 0.5f) * 2000.0f;
    }
    s.focus = person_ix[0];
    s.profile.name = g.node_label[person_ix[0]];
    return write_slice(s, true);
}

int gen(const char* out_path, double mb, std::uint64_t seed) {
    std::uint32_t works = 1000;
    std::string text = make_slice(works, seed);
    // The size grows linearly with the number of works: one correction is close enough.
    works = static_cast<std::uint32_t>(works * (mb * 1e6 / static_cast<double>(text.size())));
    text = make_slice(works, seed);
    std::ofstream out(out_path, std::ios::binary);
    out << text;
    if (!out) return 1;
    std::printf("{\"file\":\"%s\",\"bytes\":%zu,\"works\":%u}\n", out_path, text.size(), works);
    return 0;
}

// [SECTION] load
int load(const char* path, int repeat) {
    std::string text;
    if (!read_text(path, text)) {
        std::fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    std::vector<double> ms;
    std::size_t peak_extra = 0, kept = 0, nodes = 0, edges = 0;
    for (int r = 0; r < repeat; ++r) {
        const std::size_t base = g_live.load();
        g_peak.store(base);
        const auto t0 = Clock::now();
        Slice slice;
        const ImportResult res = import_graph(text, slice);
        const double t = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (!res.ok) {
            std::fprintf(stderr, "%s: %s\n", path, res.error.c_str());
            return 1;
        }
        ms.push_back(t);
        peak_extra = std::max(peak_extra, g_peak.load() - base);
        kept = g_live.load() - base;
        nodes = slice.graph.node_count();
        edges = slice.graph.edge_count();
    }
    std::sort(ms.begin(), ms.end());
    // peak_heap: the most heap live at once during import_graph beyond the file text (read
    // before, the same for every reader); model_heap: what the loaded Slice keeps.
    std::printf("{\"ms\":%.1f,\"ms_min\":%.1f,\"peak_heap\":%zu,\"model_heap\":%zu,\"file_bytes\":%zu,"
                "\"nodes\":%zu,\"edges\":%zu}\n",
                ms[ms.size() / 2], ms[0], peak_extra, kept, text.size(), nodes, edges);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 3 && std::strcmp(argv[1], "gen") == 0)
        return gen(argv[2], argc > 3 ? std::atof(argv[3]) : 10.0,
                   argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1);
    if (argc >= 3 && std::strcmp(argv[1], "load") == 0)
        return load(argv[2], argc > 3 ? std::max(1, std::atoi(argv[3])) : 5);
    std::fprintf(stderr, "usage: rgv_load_bench gen OUT.json [MB=10] [SEED=1]\n"
                         "       rgv_load_bench load FILE [REPEAT=5]\n");
    return 2;
}
