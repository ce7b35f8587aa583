// commands.h — the command channel the JS API (web/rgv.js through the C API) and the
// native shortcuts drive: {"cmd": "focus", "id": "..."} and friends (docs/js-api.md).
// One table of {name, handler} (commands.cpp); handlers read their arguments through
// readers that word the errors, so every message names the command and the argument:
//   zoom_by: "factor" must be a positive number
// Commands take node ids (the slice's strings), never indices, so a host page does not
// depend on the order the viewer stores nodes in.
#pragma once

#include "view/model/view_model.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace rgv {

// Returns {"ok": true, ...} or {"ok": false, "error": "..."}; never throws, whatever the
// input.
nlohmann::json run_command(ViewModel& vm, const nlohmann::json& cmd);
// The same from JSON text, answering JSON text.
std::string run_command_text(ViewModel& vm, std::string_view json_text);
// Every command's name, in the table's order.
std::vector<std::string> command_names();

} // namespace rgv
