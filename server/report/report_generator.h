// From the engine's state to PDF bytes, without storing: reads the campaign and conferences
// through Engine::welcome and each conference through Engine::subscribe (as the organiser),
// builds the model, composes and renders it.
#pragma once

#include <cstdint>
#include <string>

#include "gopy/model.h"
#include "server/report/report_model.h"

namespace gopy::server {
class Engine;
}

namespace gopy::server::report {

class ReportGenerator {
public:
    /// The per-meeting model. Throws std::runtime_error if the conference does not exist.
    static ConferenceReport conferenceModel(Engine& engine, std::int64_t conferenceId, Millis now);
    /// The combined model over every conference and channel.
    static CombinedReport combinedModel(Engine& engine, Millis now);
    /// The per-meeting synthesis as PDF bytes.
    static std::string conferencePdf(Engine& engine, std::int64_t conferenceId, Millis now);
    /// The combined synthesis as PDF bytes.
    static std::string combinedPdf(Engine& engine, Millis now);
};

}  // namespace gopy::server::report
