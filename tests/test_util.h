// test_util.h — helpers shared by the unit tests: reading a file whole, and loading one of
// the shared real graphs (../shared/data/graphs, when the build found it).
#pragma once

#include "core/graph.h"

#include <fstream>
#include <sstream>
#include <string>

namespace rgv::test {

// The whole file as bytes; empty when it cannot be read (the tests then fail on content).
inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Zachary's karate club (the 78 edges of shared/data/graphs/karate.json), built in so
// the layout tests do not depend on the shared folder: nodes "v0".."v33".
inline Graph karate() {
    static const int e[78][2] = {
        {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8}, {0, 10}, {0, 11},
        {0, 12}, {0, 13}, {0, 17}, {0, 19}, {0, 21}, {0, 31}, {1, 2}, {1, 3}, {1, 7},
        {1, 13}, {1, 17}, {1, 19}, {1, 21}, {1, 30}, {2, 3}, {2, 7}, {2, 8}, {2, 9},
        {2, 13}, {2, 27}, {2, 28}, {2, 32}, {3, 7}, {3, 12}, {3, 13}, {4, 6}, {4, 10},
        {5, 6}, {5, 10}, {5, 16}, {6, 16}, {8, 30}, {8, 32}, {8, 33}, {9, 33}, {13, 33},
        {14, 32}, {14, 33}, {15, 32}, {15, 33}, {18, 32}, {18, 33}, {19, 33}, {20, 32},
        {20, 33}, {22, 32}, {22, 33}, {23, 25}, {23, 27}, {23, 29}, {23, 32}, {23, 33},
        {24, 25}, {24, 27}, {24, 31}, {25, 31}, {26, 29}, {26, 33}, {27, 33}, {28, 31},
        {28, 33}, {29, 32}, {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33}, {32, 33}};
    Graph g;
    for (int i = 0; i < 34; ++i) g.add_node("v" + std::to_string(i), "person", "");
    for (const auto& p : e) g.add_edge(static_cast<std::uint32_t>(p[0]), static_cast<std::uint32_t>(p[1]), "link");
    return g;
}

#ifdef RGV_SHARED_DATA_DIR
// The shared graphs: {"nodes": [{"id": ..}], "links": [{"source": .., "target": ..}]}.
inline bool load_shared_graph(const std::string& name, Graph& g) {
    const auto j = nlohmann::json::parse(read_text(std::string(RGV_SHARED_DATA_DIR) + "/" + name + ".json"), nullptr, false);
    if (j.is_discarded() || !j.contains("nodes") || !j.contains("links")) return false;
    auto key = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
    for (const auto& n : j["nodes"]) g.add_node(key(n["id"]), "other", "");
    for (const auto& l : j["links"]) {
        const auto s = g.find(key(l["source"])), t = g.find(key(l["target"]));
        if (s == kNoNode || t == kNoNode) return false;
        g.add_edge(s, t, "link");
    }
    return true;
}
#endif

} // namespace rgv::test
