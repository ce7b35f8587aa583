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
