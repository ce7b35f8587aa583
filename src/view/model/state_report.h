// state_report.h — the viewer's state as JSON, for the JS API's state(), the native
// --state-file and the tests: counts, status, hovered and selected nodes, camera, modes,
// theme, loading, where the panels' controls and the labels are, screen positions.
// Every key is camelCase (docs/js-api.md lists them).
#pragma once

#include "view/model/view_model.h"

#include <nlohmann/json.hpp>

namespace rgv {

nlohmann::json state_report(const ViewModel& vm);
// The report's "loading": {phase, fraction, bytes, total, text}, fraction and total null
// when unknown.
nlohmann::json loading_report(const Loading& l);

} // namespace rgv
