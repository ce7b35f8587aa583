// cli_common.cpp — see cli_common.h.
#include "cli/cli_common.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>

namespace rgv {

// [SECTION] Files
bool read_input_file(const std::string& path, std::size_t max_bytes, std::string& out,
                     std::string& error) {
    const bool is_stdin = path == "-";
    if (!is_stdin) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            error = path + ": " + std::strerror(errno);
            return false;
        }
        if (S_ISDIR(st.st_mode)) {
            error = path + ": is a directory";
            return false;
        }
        // Refuse from the size alone: a 100 MB file must not be read to be refused.
        if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > max_bytes) {
            error = "input too large: " + std::to_string(st.st_size) + " bytes, the limit is " +
                    std::to_string(max_bytes) + " bytes";
            return false;
        }
    }
    std::FILE* f = is_stdin ? stdin : std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    out.clear();
    char buf[1 << 16];
    std::size_t n = 0;
    bool ok = true;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        // Pipes have no size up front: stop as soon as the limit is passed.
        if (out.size() + n > max_bytes) {
            error = "input too large: more than " + std::to_string(max_bytes) +
                    " bytes, the limit is " + std::to_string(max_bytes) + " bytes";
            ok = false;
            break;
        }
        out.append(buf, n);
    }
    if (ok && std::ferror(f)) {
        error = path + ": read error";
        ok = false;
    }
    if (!is_stdin) std::fclose(f);
    return ok;
}

bool write_output_file(const std::string& path, std::string_view data, std::string& error) {
    const bool is_stdout = path == "-";
    std::FILE* f = is_stdout ? stdout : std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    const bool closed = is_stdout ? std::fflush(f) == 0 : std::fclose(f) == 0;
    if (!ok || !closed) {
        error = path + ": write error";
        return false;
    }
    return true;
}

// [SECTION] Options
namespace {
bool parse_size(const char* text, std::size_t& out) {
    if (text == nullptr || *text < '0' || *text > '9') return false;
    errno = 0;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0') return false;
    out = static_cast<std::size_t>(v);
    return true;
}
} // namespace

int parse_import_option(int argc, char** argv, int& i, ImportOptions& options, std::string& error) {
    const std::string_view arg = argv[i];
    struct SizeOption {
        const char* name;
        std::size_t* target;
    };
    const SizeOption sizes[] = {{"--max-bytes", &options.limits.max_bytes},
                                {"--max-nodes", &options.limits.max_nodes},
                                {"--max-edges", &options.limits.max_edges},
                                {"--max-depth", &options.limits.max_depth},
                                {"--max-string", &options.limits.max_string_length}};
    const bool is_size = [&] {
        for (const SizeOption& s : sizes)
            if (arg == s.name) return true;
        return false;
    }();
    if (arg != "--format" && arg != "--focus" && !is_size) return 0;
    if (i + 1 >= argc) {
        error = std::string(arg) + " needs a value";
        return -1;
    }
    const char* value = argv[++i];
    if (arg == "--format") {
        if (!parse_format_name(value, options.format)) {
            error = "unknown format \"" + std::string(value) +
                    "\"; use auto, slice, node-link, jgf, cytoscape, graphology, vosviewer, "
                    "openalex or semanticscholar";
            return -1;
        }
        return 1;
    }
    if (arg == "--focus") {
        options.focus_hint = value;
        return 1;
    }
    for (const SizeOption& s : sizes) {
        if (arg == s.name && !parse_size(value, *s.target)) {
            error = std::string(arg) + " expects a non-negative integer, got \"" + value + "\"";
            return -1;
        }
    }
    return 1;
}

const char* import_options_help() {
    return "  --format F        input format: auto (default), slice, node-link, jgf, cytoscape,\n"
           "                    graphology, vosviewer, openalex, semanticscholar\n"
           "  --focus ID        the focal researcher: node id, OpenAlex/S2 id or exact name\n"
           "  --max-bytes N     refuse larger inputs (default 268435456)\n"
           "  --max-nodes N     (default 1000000)   --max-edges N   (default 5000000)\n"
           "  --max-depth N     JSON nesting (default 64)\n"
           "  --max-string N    bytes of one string or key (default 1048576)\n";
}

} // namespace rgv
