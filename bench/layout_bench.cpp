// layout_bench.cpp — the benchmark driver for rgv's layout engine (native, and as wasm
// under node), the scorer every engine's positions go through, and the graph generator.
// bench/run.sh drives it; it is not a test.
//
// Index
//   Graph and positions I/O   node-link JSON in, {"x": [...], "y": [...]} out
//   run       lay a graph out, time it, write positions, print one JSON line
//   score     the LAYOUT_METRICS.md scores of any engine's positions (one JSON line)
//   compare   how far two position files are apart (native vs wasm agreement)
//   gen       generated graphs: random geometric (k nearest) of any size
//
// Positions are in the node order of the graph file, so every peer can write them the
// same way and be scored by the same code (src/core/layout_metrics.cpp).
#include "bench_util.h"
#include "core/layout.h"
#include "core/layout_metrics.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace rgv;

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// [SECTION] Graph and positions I/O
// {"nodes": [{"id": ..}], "links"|"edges": [{"source", "target", "weight"?}]}
bool load_graph(const char* path, Graph& g) {
    std::string text;
    if (!read_text(path, text)) return false;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.contains("nodes")) return false;
    const auto& links = j.contains("links") ? j["links"] : j["edges"];
    auto key = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
    for (const auto& n : j["nodes"]) g.add_node(key(n["id"]), "other", "");
    for (const auto& l : links) {
        const auto s = g.find(key(l["source"])), t = g.find(key(l["target"]));
        if (s == kNoNode || t == kNoNode) return false;
        const float w = l.contains("weight") && l["weight"].is_number() ? l["weight"].get<float>() : 1.0f;
        g.add_edge(s, t, "link", w);
    }
    return true;
}

bool write_positions(const char* path, const Graph& g) {
    std::FILE* f = std::fopen(path, "wb");
    if (!f) return false;
    for (int axis = 0; axis < 2; ++axis) {
        const std::vector<float>& v = axis ? g.y : g.x;
        std::fputs(axis ? "],\"y\":[" : "{\"x\":[", f);
        for (std::size_t i = 0; i < v.size(); ++i) std::fprintf(f, i ? ",%.9g" : "%.9g", static_cast<double>(v[i]));
    }
    std::fputs("]}\n", f);
    return std::fclose(f) == 0;
}

bool read_positions(const char* path, Graph& g) {
    std::string text;
    if (!read_text(path, text)) return false;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.contains("x") || !j.contains("y")) return false;
    if (j["x"].size() != g.node_count() || j["y"].size() != g.node_count()) return false;
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        g.x[i] = j["x"][i].is_number() ? j["x"][i].get<float>() : NAN;
        g.y[i] = j["y"][i].is_number() ? j["y"][i].get<float>() : NAN;
    }
    return true;
}

const char* arg_value(int argc, char** argv, const char* name, const char* fallback) {
    for (int i = 0; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
    return fallback;
}

// [SECTION] run
// Times reset (start positions: MDS / multilevel) and the steps to convergence
// separately; ms_per_iter is the mean step time.
int cmd_run(int argc, char** argv) {
    Graph g;
    if (argc < 1 || !load_graph(argv[0], g)) {
        std::fprintf(stderr, "run: cannot read graph\n");
        return 1;
    }
    LayoutParams p;
    if (!parse_layout_model(arg_value(argc, argv, "--model", "d3"), p.model)) return 2;
    p.seed = std::strtoull(arg_value(argc, argv, "--seed", "1"), nullptr, 10);
    const int max_iter = std::atoi(arg_value(argc, argv, "--iterations", "1000"));
    const char* theta = arg_value(argc, argv, "--theta", nullptr);
    if (theta) p.theta = static_cast<float>(std::atof(theta));
    // --set key=value (repeatable): parameter experiments without a rebuild.
    for (int i = 0; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--set") != 0) continue;
        const std::string kv = argv[i + 1];
        const auto eq = kv.find('=');
        if (eq == std::string::npos) return 2;
        const std::string key = kv.substr(0, eq);
        const float v = static_cast<float>(std::atof(kv.c_str() + eq + 1));
        if (key == "charge") p.charge = v;
        else if (key == "gravity") p.gravity = v;
        else if (key == "link_distance") p.link_distance = v;
        else if (key == "velocity_decay") p.velocity_decay = v;
        else if (key == "tolerance") p.movement_tolerance = v;
        else if (key == "multilevel") p.multilevel_min_nodes = static_cast<std::uint32_t>(v);
        else if (key == "final_steps") p.multilevel_final_steps = static_cast<int>(v);
        else if (key == "weights") p.weight_influence = v;
        else if (key == "fa2_scaling") p.fa2_scaling = v;
        else if (key == "fa2_gravity") p.fa2_gravity = v;
        else if (key == "fa2_linlog") p.fa2_linlog = v != 0.0f;
        else if (key == "fa2_strong") p.fa2_strong_gravity = v != 0.0f;
        else if (key == "alpha_decay") p.alpha_decay = v;
        else if (key == "by_degree") p.charge_by_degree = v != 0.0f;
        else if (key == "full_max") p.stress_full_max_nodes = static_cast<std::uint32_t>(v);
        else if (key == "pivots") p.stress_pivots = static_cast<std::uint32_t>(v);
        else if (key == "edge_length") p.stress_edge_length = static_cast<StressEdgeLength>(static_cast<int>(v));
        else if (key == "pack_gap") p.pack_gap = v;
        else if (key == "pack_aspect") p.pack_aspect = v;
        else if (key == "pack") p.pack_on_converge = v != 0.0f;
        else {
            std::fprintf(stderr, "run: unknown --set key %s\n", key.c_str());
            return 2;
        }
    }
    // --init POS: start from another layout's positions (e.g. stress after a force model).
    if (const char* init = arg_value(argc, argv, "--init", nullptr)) {
        if (!read_positions(init, g)) {
            std::fprintf(stderr, "run: cannot read %s\n", init);
            return 1;
        }
        std::fill(g.has_position.begin(), g.has_position.end(), std::uint8_t{1});
    }
    const auto t0 = Clock::now();
    ForceLayout layout;
    layout.reset(g, p);
    const double setup_ms = ms_since(t0);
    const auto t1 = Clock::now();
    const int steps = layout.run(max_iter);
    const double step_ms = ms_since(t1);
    const char* out = arg_value(argc, argv, "--out", nullptr);
    if (out && !write_positions(out, g)) {
        std::fprintf(stderr, "run: cannot write %s\n", out);
        return 1;
    }
    std::printf("{\"n\":%zu,\"m\":%zu,\"iterations\":%d,\"converged\":%s,\"multilevel\":%s,"
                "\"setup_ms\":%.2f,\"ms_per_iter\":%.4f,\"total_ms\":%.2f}\n",
                g.node_count(), g.edge_count(), steps, layout.converged() ? "true" : "false",
                layout.used_multilevel() ? "true" : "false", setup_ms,
                steps ? step_ms / steps : 0.0, setup_ms + step_ms);
    return 0;
}

// [SECTION] score
int cmd_score(int argc, char** argv) {
    Graph g;
    if (argc < 2 || !load_graph(argv[0], g) || !read_positions(argv[1], g)) {
        std::fprintf(stderr, "score: cannot read graph or positions\n");
        return 1;
    }
    for (std::size_t i = 0; i < g.node_count(); ++i)
        if (!std::isfinite(g.x[i]) || !std::isfinite(g.y[i])) {
            std::printf("{\"error\":\"non-finite position\"}\n");
            return 1;
        }
    const LayoutMetrics m = measure_layout(g);
    std::printf("{\"stress\":%.4f,\"np\":%.4f,\"crossings\":%.4f,\"cv\":%.4f}\n", m.stress,
                m.neighbourhood, m.crossings_per_edge, m.edge_length_cv);
    return 0;
}

// [SECTION] compare
// Largest and mean distance between the same node in two position files, relative to
// the first layout's bounding-box diagonal; "identical" when every coordinate matches.
int cmd_compare(int argc, char** argv) {
    Graph a, b;
    if (argc < 3 || !load_graph(argv[0], a) || !load_graph(argv[0], b) ||
        !read_positions(argv[1], a) || !read_positions(argv[2], b)) {
        std::fprintf(stderr, "compare: cannot read inputs\n");
        return 1;
    }
    double worst = 0, sum = 0;
    std::size_t same = 0;
    float x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (std::size_t i = 0; i < a.node_count(); ++i) {
        x0 = std::min(x0, a.x[i]);
        x1 = std::max(x1, a.x[i]);
        y0 = std::min(y0, a.y[i]);
        y1 = std::max(y1, a.y[i]);
        const double d = std::hypot(static_cast<double>(a.x[i]) - b.x[i], static_cast<double>(a.y[i]) - b.y[i]);
        worst = std::max(worst, d);
        sum += d;
        same += (a.x[i] == b.x[i] && a.y[i] == b.y[i]) ? 1 : 0;
    }
    const double diag = std::hypot(static_cast<double>(x1 - x0), static_cast<double>(y1 - y0));
    std::printf("{\"nodes\":%zu,\"identical_nodes\":%zu,\"max_rel\":%.3g,\"mean_rel\":%.3g}\n",
                a.node_count(), same, diag > 0 ? worst / diag : 0.0,
                diag > 0 && a.node_count() ? sum / static_cast<double>(a.node_count()) / diag : 0.0);
    return 0;
}

// [SECTION] gen
std::uint64_t next_random(std::uint64_t& s) {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Random geometric graph: n points in the unit square, each joined to its k nearest
// (k = 3 gives mean degree ~4.5 and one giant component: a sparse, locally planar graph
// like a road network or a mesh, where a good layout exists and is easy to judge).
int cmd_gen(int argc, char** argv) {
    if (argc < 4) return 2;
    const auto n = static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10));
    std::uint64_t state = std::strtoull(argv[2], nullptr, 10);
    const std::size_t k = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 3;
    std::vector<double> px(n), py(n);
    for (std::size_t i = 0; i < n; ++i) {
        px[i] = static_cast<double>(next_random(state) >> 11) / 9007199254740992.0;
        py[i] = static_cast<double>(next_random(state) >> 11) / 9007199254740992.0;
    }
    const std::size_t side = std::max<std::size_t>(1, static_cast<std::size_t>(std::sqrt(static_cast<double>(n) / 2)));
    std::vector<std::vector<std::uint32_t>> cell(side * side);
    auto cell_of = [&](double v) { return std::min(side - 1, static_cast<std::size_t>(v * static_cast<double>(side))); };
    for (std::size_t i = 0; i < n; ++i) cell[cell_of(py[i]) * side + cell_of(px[i])].push_back(static_cast<std::uint32_t>(i));
    std::vector<std::uint64_t> edges;
    std::vector<std::pair<double, std::uint32_t>> cand;
    for (std::size_t i = 0; i < n; ++i) {
        const long cx = static_cast<long>(cell_of(px[i])), cy = static_cast<long>(cell_of(py[i]));
        for (long r = 1;; ++r) { // grow the window until k candidates are surely the nearest
            cand.clear();
            for (long y = cy - r; y <= cy + r; ++y)
                for (long x = cx - r; x <= cx + r; ++x) {
                    if (x < 0 || y < 0 || x >= static_cast<long>(side) || y >= static_cast<long>(side)) continue;
                    for (const std::uint32_t j : cell[static_cast<std::size_t>(y) * side + static_cast<std::size_t>(x)])
                        if (j != i) cand.emplace_back(std::hypot(px[i] - px[j], py[i] - py[j]), j);
                }
            if (cand.size() < k && r < static_cast<long>(side)) continue;
            std::sort(cand.begin(), cand.end());
            if (cand.size() >= k && cand[k - 1].first > static_cast<double>(r) / static_cast<double>(side) && r < static_cast<long>(side)) continue;
            break;
        }
        for (std::size_t t = 0; t < std::min(k, cand.size()); ++t) {
            const std::uint64_t a = std::min<std::uint64_t>(i, cand[t].second), b = std::max<std::uint64_t>(i, cand[t].second);
            edges.push_back((a << 32) | b);
        }
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::FILE* f = std::fopen(argv[3], "wb");
    if (!f) return 1;
    std::fprintf(f, "{\"name\":\"%s\",\"nodes\":[", argv[0]);
    for (std::size_t i = 0; i < n; ++i) std::fprintf(f, i ? ",{\"id\":%zu}" : "{\"id\":%zu}", i);
    std::fputs("],\"links\":[", f);
    for (std::size_t e = 0; e < edges.size(); ++e)
        std::fprintf(f, e ? ",{\"source\":%llu,\"target\":%llu}" : "{\"source\":%llu,\"target\":%llu}",
                     static_cast<unsigned long long>(edges[e] >> 32),
                     static_cast<unsigned long long>(edges[e] & 0xFFFFFFFFu));
    std::fputs("]}\n", f);
    std::fclose(f);
    std::printf("{\"n\":%zu,\"m\":%zu}\n", n, edges.size());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 2) {
        const std::string cmd = argv[1];
        if (cmd == "run") return cmd_run(argc - 2, argv + 2);
        if (cmd == "score") return cmd_score(argc - 2, argv + 2);
        if (cmd == "compare") return cmd_compare(argc - 2, argv + 2);
        if (cmd == "gen") return cmd_gen(argc - 2, argv + 2);
    }
    std::fprintf(stderr,
                 "usage: rgv_layout_bench run GRAPH [--model d3|fa2|stress] [--seed N] [--iterations N] [--theta T] [--out POS]\n"
                 "       rgv_layout_bench score GRAPH POS\n"
                 "       rgv_layout_bench compare GRAPH POS_A POS_B\n"
                 "       rgv_layout_bench gen NAME NODES SEED OUT [K]  (random geometric graph, K nearest, default 3)\n");
    return 2;
}
