// Report generation as the rest of the server sees it. Implemented in server/report/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gopy/model.h"

namespace gopy::server {
class Engine;
}

namespace gopy::server::report {

/// Builds the per-meeting synthesis PDF of a conference from the engine's state, stores it as
/// a new report version and returns its info. Throws std::runtime_error with a clear message
/// if the conference does not exist or the PDF cannot be produced.
ReportInfo generateConferenceReport(Engine& engine, std::int64_t conferenceId, Millis now);

/// The combined synthesis across all conferences and channels (conference id 0 in reports).
ReportInfo generateCombinedReport(Engine& engine, Millis now);

/// Hook for Engine::setOnSessionEnded: generates the per-meeting report, logs failures.
void onSessionEnded(Engine& engine, std::int64_t conferenceId);

}  // namespace gopy::server::report
