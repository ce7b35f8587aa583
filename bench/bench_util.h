// bench_util.h — what the benchmark programs share (not part of rgv).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

// The whole file as bytes; false when it cannot be opened.
inline bool read_text(const char* path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}
